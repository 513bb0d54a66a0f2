import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { launchChromium } from "../test/helpers/browser.js";
const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", LAW_TEXTS_DIR: "/work/shared/law-texts", PORT: "3917" });
const app = await buildApp(config);
await app.listen({ port: 3917, host: "127.0.0.1" });
const browser = await launchChromium();
for (const [name, url, js, media] of [
  ["csl37", "/laws/cybersecurity-law/2017-06-01/art-37", false, "screen"],
  ["csl64", "/laws/cybersecurity-law/2017-06-01/art-64", false, "screen"],
  ["ce-diff", "/laws/counter-espionage-law/2023-07-01/art-54", false, "screen"],
  ["csl21-print", "/laws/cybersecurity-law/2017-06-01/art-21", false, "print"],
  ["csl21-js", "/laws/cybersecurity-law/2017-06-01/art-21#para-1-item-3", true, "screen"],
] as const) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: js });
  const page = await ctx.newPage();
  await page.emulateMedia({ media });
  await page.goto(`http://127.0.0.1:3917${url}`);
  await page.locator(".official-text").screenshot({ path: `/tmp/texts-shots/${name}.png` });
  await ctx.close();
}
await browser.close();
await app.close();
