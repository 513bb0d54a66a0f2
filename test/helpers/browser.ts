// The Chromium the browser tests drive through playwright-core (which one: ./chromium.ts), and its
// flags (without the background-networking ones, Chromium keeps calling out to a closed network).
import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { findChromium } from "./chromium.js";
import { buildTestApp } from "./test-app.js";

export function launchChromium(): Promise<Browser> {
  const choice = findChromium(); // throws, saying what to do, when there is none
  return chromium.launch({
    executablePath: choice.executablePath,
    ...(choice.env ? { env: { ...process.env, ...choice.env } } : {}),
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
