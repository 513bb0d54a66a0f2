import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const pages = process.argv.slice(2);
for (const spec of pages) {
  const [name, url, w, js] = spec.split("|");
  const ctx = await b.newContext({ viewport: { width: Number(w || 1280), height: 900 }, javaScriptEnabled: js !== "nojs" });
  const p = await ctx.newPage();
  await p.goto("http://127.0.0.1:3400" + url);
  await p.screenshot({ path: `/work/shots/${name}.png`, fullPage: false });
  const sw = await p.evaluate("document.documentElement.scrollWidth");
  console.log(name, "scrollWidth", sw);
  await ctx.close();
}
await b.close();
