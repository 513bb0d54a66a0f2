// Debian's Chromium for the browser tests, driven by playwright-core: one place for its path and
// its flags (without the background-networking ones, Chromium keeps calling out to a closed network).
import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { buildTestApp } from "./test-app.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface BrowserApp {
  app: FastifyInstance;
  base: string; // the app's address on loopback
  browser: Browser;
}

/** The app on a loopback port and a Chromium to drive it: what every browser test starts with. */
export async function startBrowserApp(...args: Parameters<typeof buildTestApp>): Promise<BrowserApp> {
  const app = await buildTestApp(...args);
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const browser = await launchChromium();
  return { app, base, browser };
}

export async function stopBrowserApp(env: Partial<BrowserApp>): Promise<void> {
  await env.browser?.close();
  await env.app?.close();
}
