// Reading and printing as lawyers do (issue 25), in Chromium: the whole text of a version at
// 390 px without JavaScript and printed; the penalty table at 1280 px (every column in view),
// and printed (its rows, with the header on every page, and no charts unless opened).
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserApp, stopBrowserApp, type BrowserApp } from "../helpers/browser.js";
import { pdfPageCount, pdfText } from "../helpers/pdf-text.js";
import { buildTestApp, FIXTURE_TEXTS, REAL_RULES } from "../helpers/test-app.js";

let fixture: BrowserApp;
let real: { app: BrowserApp["app"]; base: string };
let browser: Browser;

beforeAll(async () => {
  fixture = await startBrowserApp({ lawTextsDir: FIXTURE_TEXTS });
  browser = fixture.browser;
  const app = await buildTestApp({}, REAL_RULES);
  real = { app, base: await app.listen({ host: "127.0.0.1", port: 0 }) };
}, 60_000);
afterAll(async () => {
  await real?.app.close();
  await stopBrowserApp(fixture);
});

async function open(base: string, url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, ...options });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const A4 = { format: "A4", margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } } as const;

describe("the whole text of a version", () => {
  const URL = "/laws/cybersecurity-law/2026-01-01/text";

  it("at 390 px without JavaScript: the contents fold above the text, the Chinese follows the summary, nothing scrolls sideways", async () => {
    const page = await open(fixture.base, URL, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    expect(await page.locator("nav.toc-side").isVisible()).toBe(false);
    const fold = page.locator("details.toc-fold");
    expect(await fold.isVisible()).toBe(true);
    expect(await fold.locator('a[href="#art-61"]').isVisible()).toBe(false); // folded
    await fold.locator("summary").click();
    await fold.locator('a[href="#art-61"]').click();
    await page.waitForURL(/#art-61$/);
    const article = page.locator("#art-23");
    const en = await article.locator(".en").boundingBox();
    const zh = await article.locator(".official").boundingBox();
    expect(en && zh && zh.y >= en.y + en.height - 1).toBe(true); // one after the other
    const { scroll, client } = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as { scroll: number; client: number };
    expect(scroll).toBeLessThanOrEqual(client);
    await page.context().close();
  });

  it("at 1280 px: the contents stay in view beside the text, the Chinese beside the summary", async () => {
    const page = await open(fixture.base, URL, { viewport: { width: 1280, height: 700 } });
    const side = page.locator("nav.toc-side");
    expect(await side.isVisible()).toBe(true);
    expect(await page.locator("details.toc-fold").isVisible()).toBe(false);
    const en = await page.locator("#art-23 .en").boundingBox();
    const zh = await page.locator("#art-23 .official").boundingBox();
    expect(en && zh && zh.x > en.x + en.width - 1 && Math.abs(zh.y - en.y) < 40).toBe(true); // side by side
    await page.locator("#art-61").scrollIntoViewIfNeeded();
    const box = await side.boundingBox();
    expect(box && box.y >= -1 && box.y < 50).toBe(true); // sticky at the top of the view
    await page.context().close();
  });

  it("prints as the whole law: every article and its official text, no contents", async () => {
    const page = await open(fixture.base, URL, { javaScriptEnabled: false });
    await page.emulateMedia({ media: "print" });
    const text = pdfText(await page.pdf(A4));
    for (const n of ["1", "20", "23", "26", "39", "41", "61"]) expect(text).toContain(`Art. ${n}`);
    expect(text).toContain("Tiered protection duties");
    expect(text).not.toContain("Contents (7 articles)");
    await page.context().close();
  });
});

describe("the header", () => {
  it.each([1280, 1440, 1480, 1920, 390])("shows the whole search placeholder at %i px, and nothing scrolls sideways", async (width) => {
    const page = await open(fixture.base, "/laws", { viewport: { width, height: 800 } });
    const { box, text } = (await page.evaluate(`(() => {
      const input = document.querySelector("#site-q");
      const style = getComputedStyle(input);
      const ctx = document.createElement("canvas").getContext("2d");
      ctx.font = style.font;
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return { box: input.clientWidth - padding, text: ctx.measureText(input.placeholder).width };
    })()`)) as { box: number; text: number };
    expect(box).toBeGreaterThanOrEqual(text);
    const { scroll, client } = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as { scroll: number; client: number };
    expect(scroll).toBeLessThanOrEqual(client);
    await page.context().close();
  });
});

describe("the penalty table", () => {
  it("shows every column inside its box at 1280 px", async () => {
    const page = await open(real.base, "/penalties", { viewport: { width: 1280, height: 900 } });
    const { table, box, headers } = (await page.evaluate(`(() => {
      const t = document.querySelector("table.penalties");
      const wrap = document.querySelector(".table-wrap");
      const right = wrap.getBoundingClientRect().right;
      return { table: t.scrollWidth, box: wrap.clientWidth, headers: [...t.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect().right <= right + 1) };
    })()`)) as { table: number; box: number; headers: boolean[] };
    expect(table).toBeLessThanOrEqual(box);
    expect(headers.every(Boolean)).toBe(true);
    await page.context().close();
  });

  it("on a phone, a table wider than the screen says it scrolls and keeps its first column in view", async () => {
    const page = await open(fixture.base, "/laws/cybersecurity-law", { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const cue = page.locator(".scroll-cue").first();
    expect(await cue.isVisible()).toBe(true);
    expect(await cue.innerText()).toMatch(/scroll the table sideways/i);
    const table = page.locator("table.contents");
    const first = table.locator("tbody tr td").first();
    const before = await first.boundingBox();
    expect(await table.evaluate((t) => { t.scrollBy(200, 0); return t.scrollLeft; })).toBeGreaterThan(0); // it does scroll
    const after = await first.boundingBox();
    expect(before && after && Math.abs(after.x - before.x) < 1).toBe(true); // sticky
    const wide = await open(fixture.base, "/laws/cybersecurity-law", { viewport: { width: 1280, height: 800 } });
    expect(await wide.locator(".scroll-cue").first().isVisible()).toBe(false);
    await page.context().close();
    await wide.context().close();
  });

  it("names its sorts and badges in words, each with a title", async () => {
    const page = await open(real.base, "/penalties?sort=article", { viewport: { width: 1280, height: 900 } });
    const options = await page.locator("#pf-sort option").evaluateAll((os) => os.map((o) => [o.textContent, o.getAttribute("title")]));
    expect(options.map((o) => o[0])).toEqual(["Highest fine first", "Highest minimum fine first", "Longest custody first", "By law and article"]);
    expect(options.every((o) => (o[1] ?? "").length > 10)).toBe(true);
    const badges = await page.locator("table.penalties .badge").evaluateAll((bs) => bs.map((b) => [b.textContent, b.getAttribute("title")]));
    expect(badges.length).toBeGreaterThan(0);
    for (const [label, title] of badges) {
      expect(label).not.toMatch(/^(medium|low|high)$/);
      expect((title ?? "").length).toBeGreaterThan(10);
    }
    await page.context().close();
  });

  it("prints its rows with the header on every page, and no charts unless they were opened", async () => {
    const page = await open(real.base, "/penalties", { javaScriptEnabled: false });
    const labels = (await page.locator("table.penalties tbody tr td:nth-child(2) a").allInnerTexts()).map((s) => s.trim());
    expect(labels.length).toBe(50);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf(A4);
    const text = pdfText(pdf);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const flowing = text.replace(/\s+/g, " "); // a cell's text wraps onto lines of its own
    for (const label of [labels[0], labels[24], labels[49]]) expect(flowing).toContain(label as string);
    // The header row ("Who", "Fine", "Custody") on every page of the table.
    expect(text.split("\n").filter((l) => l === "Custody").length).toBeGreaterThanOrEqual(pages - 1);
    expect(text).not.toContain("Charts of the first rows");
    expect(text).not.toMatch(/Highest fine in each row|Custody ranges/);
    await page.context().close();
  });
});
