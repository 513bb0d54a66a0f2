// The lawyer's and researcher's tasks of issue 16, in Chromium: a memo built without
// JavaScript, the memo's "which text?" choice, a Word export that opens, a comparison from the
// penalty table, and no page that scrolls sideways on a phone.
import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserApp, stopBrowserApp } from "../helpers/browser.js";

let app: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ app, base, browser } = await startBrowserApp());
});
afterAll(async () => {
  await stopBrowserApp({ app, browser });
});

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, ...options });
  return context.newPage();
}

const headings = (page: Page) => page.locator(".memo-item h2").allInnerTexts();

describe("the memo without JavaScript", () => {
  it("builds a three-item memo from an article, the citation box and the memo's own search", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    // 1. an article page's Add to memo starts the memo
    await page.goto("/laws/cybersecurity-law/2017-06-01/art-37");
    await page.locator("button.memo-add-button").first().click();
    await page.waitForURL(/\/memo\?items=cybersecurity-law\/2017-06-01\/art-37&data=fixture-1#item-1$/);
    // 2. the citation box adds to it
    await page.fill("#memo-add", "CTL 84");
    await page.click("form.memo-add button[type=submit]");
    await page.waitForURL(/items=cybersecurity-law\/2017-06-01\/art-37,counterterrorism-law\/2016-01-01\/art-84/);
    // 3. "Find articles to add": the search carries the memo to its results and their articles,
    // whose Add to memo adds to the same memo
    await page.fill("#memo-find", "technical support");
    await page.click("form.memo-find button[type=submit]");
    await page.waitForURL(/\/search\?memo=/);
    expect(await page.locator(".memo-building").innerText()).toContain("Adding to your memo of 2 items");
    await page.locator(".results li", { hasText: "CTL Art. 18" }).locator("p.cite a").click();
    await page.waitForURL(/\/laws\/counterterrorism-law\/2016-01-01\/art-18\?memo=/);
    expect(await page.locator("#memo-link").innerText()).toBe("Memo (2)");
    await page.locator("button.memo-add-button").first().click();
    await page.waitForURL(/#item-3$/);
    expect((await headings(page)).map((h) => h.split(":")[0])).toEqual(["CSL Art. 37 (2017)", "CTL Art. 84", "CTL Art. 18"]);
    // and reorders and removes with plain links
    await page.locator("#item-3 .controls a", { hasText: "Move up" }).click();
    await page.waitForURL(/items=cybersecurity-law\/2017-06-01\/art-37,counterterrorism-law\/2016-01-01\/art-18,counterterrorism-law\/2016-01-01\/art-84/);
    await page.locator("#item-1 .controls a", { hasText: "Remove" }).click();
    await page.waitForURL((url) => !url.search.includes("art-37"));
    expect(await page.locator(".memo-item").count()).toBe(2);
    await page.close();
  });

  it("adds a duty from a role's register opened from the memo, to the same memo", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/memo?items=counterterrorism-law/2016-01-01/art-84");
    await page.selectOption("#memo-register", "cii-operator");
    await page.click("form.memo-register button[type=submit]");
    await page.waitForURL(/\/profile\?memo=.*actor=cii-operator#results$/);
    expect(await page.locator(".memo-building").innerText()).toContain("Adding to your memo of 1 item");
    expect(await page.locator("#memo-link").innerText()).toBe("Memo (1)");
    await page.locator("article.duty button.memo-add-button").first().click();
    await page.waitForURL(/#item-2$/);
    expect((await headings(page)).map((h) => h.split(":")[0])[0]).toBe("CTL Art. 84");
    expect(await page.locator(".memo-item").count()).toBe(2);
    await page.close();
  });

  it("asks which text a renumbered citation means, each choice a link that adds it", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/memo?items=counterterrorism-law/2016-01-01/art-84");
    await page.fill("#memo-add", "CSL 39");
    await page.click("form.memo-add button[type=submit]");
    const choice = page.locator("#memo-choice");
    expect(await choice.locator("h2").innerText()).toBe("Which text of “CSL 39”?");
    const options = await choice.locator("li").allInnerTexts();
    expect(options.some((o) => o.startsWith("Add CSL Art. 39 (2017): CII protection measures"))).toBe(true);
    expect(options.some((o) => o.startsWith("Add CSL Art. 39 (2026): Data localisation"))).toBe(true);
    expect(await page.locator(".memo-item").count()).toBe(1); // still the memo page, with its item
    await choice.locator("a", { hasText: "Add CSL Art. 39 (2026)" }).click();
    await page.waitForURL(/items=counterterrorism-law\/2016-01-01\/art-84,cybersecurity-law\/2026-01-01\/art-39&data=fixture-1#item-2$/);
    expect((await headings(page))[1]).toMatch(/^CSL Art\. 39 \(2026\): Data localisation/);
    await page.close();
  });
});

describe("the Word export", () => {
  it("downloads a .docx named after the memo that opens as a Word package holding the items and links", async () => {
    const page = await newPage({ acceptDownloads: true });
    await page.goto("/memo?items=cybersecurity-law/2017-06-01/art-37,counterterrorism-law/2016-01-01/art-84&title=Data%20memo");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[data-export="docx"]')]);
    expect(download.suggestedFilename()).toBe("Data memo.docx");
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const files = unzipSync(new Uint8Array(bytes));
    const types = strFromU8(files["[Content_Types].xml"] as Uint8Array);
    expect(types).toContain("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    const xml = strFromU8(files["word/document.xml"] as Uint8Array);
    expect(xml).toContain("Data memo");
    expect(xml.indexOf("CSL Art. 37 (2017)")).toBeGreaterThan(-1);
    expect(xml.indexOf("CTL Art. 84")).toBeGreaterThan(xml.indexOf("CSL Art. 37 (2017)"));
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="rIdLink\d+"/);
    const rels = strFromU8(files["word/_rels/document.xml.rels"] as Uint8Array);
    expect(rels).toContain('Target="http://test.local/laws/cybersecurity-law/2017-06-01/art-37" TargetMode="External"');
    expect(rels).toContain('Target="http://test.local/laws/counterterrorism-law/2016-01-01/art-84" TargetMode="External"');
    expect(strFromU8(files["word/footnotes.xml"] as Uint8Array)).toContain("《中华人民共和国网络安全法》");
    await page.close();
  });
});

describe("comparison from the penalty table", () => {
  it("ticks two rows and compares them in one click, with JavaScript off", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/penalties");
    await page.check('input[name="ids"][aria-label="Compare CTL Art. 84"] >> nth=0');
    await page.check('input[name="ids"][aria-label="Compare CSL Art. 66 (2017)"] >> nth=0');
    await page.click("#compare-form button[type=submit]");
    await page.waitForURL(/\/penalties\/compare\?ids=/);
    const head = await page.locator("table.compare thead").innerText();
    expect(head).toContain("CSL Art. 66 (2017)");
    expect(head).toContain("CTL Art. 84");
    await page.close();
  });

  it("compares a penalty article with its other text from the article page", async () => {
    const page = await newPage();
    await page.goto("/laws/cybersecurity-law/2017-06-01/art-59");
    await page.selectOption("#compare-with", "cybersecurity-law/2026-01-01/art-61");
    await page.click("form.compare-with button[type=submit]");
    await page.waitForURL(/\/penalties\/compare\?ids=cybersecurity-law%2F2017-06-01%2Fart-59&ids=cybersecurity-law%2F2026-01-01%2Fart-61/);
    const head = await page.locator("table.compare thead").innerText();
    expect(head).toContain("CSL Art. 59 (2017)");
    expect(head).toContain("CSL Art. 61 (2026)");
    await page.close();
  });
});

describe("layout", () => {
  // One page of every type.
  const PAGES = [
    "/",
    "/actors",
    "/actors/cii-operator",
    "/profile?actor=cii-operator&actor=telecom-operator",
    "/laws",
    "/laws/cybersecurity-law",
    "/laws/cybersecurity-law/2017-06-01",
    "/laws/cybersecurity-law/2017-06-01/art-37",
    "/laws/cybersecurity-law/2017-06-01/art-59",
    "/laws/cybersecurity-law/art-39",
    "/provisions",
    "/penalties",
    "/penalties/changes",
    "/penalties/compare",
    "/penalties/compare?ids=cybersecurity-law/2017-06-01/art-66,counterterrorism-law/2016-01-01/art-84,cybersecurity-law/2026-01-01/art-61",
    "/search?q=data",
    "/search?q=zebra",
    "/glossary",
    "/memo",
    "/memo?items=cybersecurity-law/2017-06-01/art-37,counterterrorism-law/2016-01-01/art-84&add=CSL%2039",
    "/api/docs",
    "/penaltys",
    "/search?q=data&kind=nonsense",
  ];

  it("scrolls no page sideways at 390 px", async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    const wide: string[] = [];
    for (const url of PAGES) {
      await page.goto(url);
      const { scroll, client } = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as { scroll: number; client: number };
      if (scroll > client) wide.push(`${url}: ${scroll} px wide`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });

  it("stacks an article's sanctions as labelled cards at 390 px, and keeps the table at 1280 px", async () => {
    const url = "/laws/cybersecurity-law/2026-01-01/art-61";
    const layout = `(() => {
      const table = document.querySelector("table.sanctions");
      const cells = [...table.querySelectorAll("tbody tr:first-child td")].filter((td) => getComputedStyle(td).display !== "none");
      return { head: getComputedStyle(table.querySelector("thead")).display, lefts: cells.map((td) => Math.round(td.getBoundingClientRect().left)), label: getComputedStyle(cells[0], "::before").content };
    })()`;
    const phone = await newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url);
    const small = (await phone.evaluate(layout)) as { head: string; lefts: number[]; label: string };
    expect(small.head).toBe("none");
    expect(small.lefts.length).toBeGreaterThan(1);
    expect(new Set(small.lefts).size).toBe(1); // one above the other
    expect(small.label).toBe('"Who bears it: "');
    await phone.close();
    const desk = await newPage({ viewport: { width: 1280, height: 800 } });
    await desk.goto(url);
    const wide = (await desk.evaluate(layout)) as { head: string; lefts: number[] };
    expect(wide.head).not.toBe("none");
    expect(new Set(wide.lefts).size).toBe(wide.lefts.length); // side by side
    await desk.close();
  });

  it("keeps the header on one line at 1280 px", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto("/penalties");
    const boxes = await Promise.all(["header.site .brand", "header.site nav a >> nth=0", "header.site nav a >> nth=-1", "header.site form.search button"].map((s) => page.locator(s).boundingBox()));
    const tops = boxes.map((b) => Math.round((b?.y ?? 0) + (b?.height ?? 0) / 2));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    await page.close();
  });

  it("draws secondary actions light: Add to memo reads as a link, one filled button per page", async () => {
    const page = await newPage();
    await page.goto("/laws/cybersecurity-law/2017-06-01/art-37");
    const add = page.locator("button.memo-add-button").first();
    expect(await page.evaluate('getComputedStyle(document.querySelector("button.memo-add-button")).backgroundColor')).toBe("rgba(0, 0, 0, 0)");
    expect(await add.isVisible()).toBe(true);
    for (const url of ["/", "/search?q=data", "/penalties", "/memo?items=cybersecurity-law/2017-06-01/art-37", "/laws/cybersecurity-law/2017-06-01/art-37"]) {
      await page.goto(url);
      const filled = await page.evaluate('[...document.querySelectorAll("main button")].filter((b) => getComputedStyle(b).backgroundColor === "rgb(11, 83, 148)").length');
      expect(filled, url).toBeLessThanOrEqual(1);
    }
    await page.close();
  });
});
