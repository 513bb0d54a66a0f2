import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const [name, url, w, js, sel] = process.argv.slice(2);
const ctx = await b.newContext({ viewport: { width: Number(w), height: 1000 }, javaScriptEnabled: js !== "nojs" });
const p = await ctx.newPage();
await p.goto("http://127.0.0.1:3400" + url);
if (sel) { const el = await p.$(sel); if (el) await el.scrollIntoViewIfNeeded(); await p.screenshot({ path: `/work/shots/${name}.png` }); } else await p.screenshot({ path: `/work/shots/${name}.png` });
await b.close();
