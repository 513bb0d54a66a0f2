// Browser tests in Debian's Chromium through playwright-core, against the app on loopback.
import type { FastifyInstance } from "fastify";
import { type Browser, type Page } from "playwright-core";
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

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, permissions: ["clipboard-read", "clipboard-write"], ...options });
  const page = await context.newPage();
  const external: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(base)) external.push(r.url());
  });
  page.on("close", () => expect(external, "no third-party requests").toEqual([]));
  return page;
}

describe("the main journey, in a browser", () => {
  it("picks an actor, sees an inherited duty, opens its article and penalty, copies the permalink", async () => {
    const page = await newPage();
    await page.goto("/");
    await page.selectOption("#pick-actor", "cii-operator");
    await page.click("form.picker button");
    expect(await page.locator("h1").innerText()).toContain("Critical information infrastructure operator");
    const inherited = page.locator("article.duty", { hasText: "Run the tiered protection scheme." });
    expect(await inherited.locator(".why").innerText()).toContain("Binds every network operator; a critical information infrastructure operator is one");
    await inherited.locator("p.cite a").first().click();
    await page.waitForURL(/\/laws\/cybersecurity-law\/2026-01-01\/art-23$/);
    await page.locator("section", { hasText: "Enforced by" }).locator("a").first().click();
    await page.waitForURL(/\/laws\/cybersecurity-law\/2026-01-01\/art-61$/);
    expect(await page.locator("table.sanctions").first().innerText()).toContain("RMB 10,000–500,000");
    const copy = page.locator("button.copy");
    expect(await copy.isVisible()).toBe(true);
    await copy.click();
    await page.waitForFunction('document.querySelector("button.copy")?.textContent === "Copied"');
    const copied = await page.evaluate("navigator.clipboard.readText()");
    expect(copied).toBe("http://test.local/laws/cybersecurity-law/2026-01-01/art-61");
    await page.close();
  });

  it("builds a company profile by ticking roles, at a URL that reproduces it", async () => {
    const page = await newPage();
    await page.goto("/profile?actor=network-operator#change");
    await page.locator("details.change-roles summary").click();
    await page.uncheck('form.profile input[name="actor"][value="network-operator"]');
    await page.check('form.profile input[name="actor"][value="financial-institution"]');
    await page.check('form.profile input[name="actor"][value="telecom-operator"]');
    await page.click("form.profile button[type=submit]");
    await page.waitForURL(/actor=telecom-operator/);
    expect(await page.locator("h1").innerText()).toContain("Telecommunications operator + Financial institution");
    expect(await page.locator("article.duty", { hasText: "Check customers' identity." }).count()).toBe(1);
    const url = page.url();
    await page.goto(url);
    expect(await page.locator('form.profile input[value="financial-institution"]').isChecked()).toBe(true);
    await page.close();
  });

  it("renders the penalty chart, and its data table matches the bars", async () => {
    const page = await newPage();
    await page.goto("/penalties");
    await page.locator("details.charts > summary").click(); // folded: printed only when opened
    const chart = page.locator("#fine-chart-title").locator("xpath=..");
    const bars = await chart.locator("g.bar").count();
    expect(bars).toBeGreaterThan(0);
    const rows = await chart.locator("table.chart-data tbody tr").count();
    expect(rows).toBe(bars);
    const box = await chart.locator("svg").boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    await page.close();
  });

  it("builds a memo by clicking Add to memo on articles and duties, reorders it, and exports it", async () => {
    const page = await newPage();
    await page.goto("/laws/cybersecurity-law/2017-06-01/art-37");
    await page.locator("button.memo-add-button").first().click();
    await page.waitForFunction('document.getElementById("memo-link")?.textContent === "Memo (1)"');
    expect(await page.locator("button.memo-add-button").first().innerText()).toBe("In memo ✓");
    await page.goto("/laws/counterterrorism-law/2016-01-01/art-84");
    await page.locator("button.memo-add-button").first().click();
    await page.goto("/actors/telecom-operator");
    await page.locator("article.duty", { hasText: "Provide technical interfaces and decryption support." }).locator("button.memo-add-button").click();
    await page.waitForFunction('document.getElementById("memo-link")?.textContent === "Memo (3)"');
    await page.click("#memo-link");
    await page.waitForURL(/\/memo\?items=/);
    const headings = async () => page.locator(".memo-item h2").allInnerTexts();
    expect((await headings()).map((h) => h.split(":")[0])).toEqual(["CSL Art. 37 (2017)", "CTL Art. 84", "CTL Art. 18"]);
    await page.locator("#item-2 .controls a", { hasText: "Move up" }).click();
    await page.waitForURL(/items=counterterrorism-law\/2016-01-01\/art-84,cybersecurity-law/);
    await page.locator("#item-3 .controls a", { hasText: "Remove" }).click();
    await page.waitForURL((url) => !url.search.includes("art-18"));
    expect((await headings()).map((h) => h.split(":")[0])).toEqual(["CTL Art. 84", "CSL Art. 37 (2017)"]);
    const md = await page.request.get((await page.locator('a[data-export="md"]').getAttribute("href")) as string);
    const text = await md.text();
    expect(text.indexOf("http://test.local/laws/counterterrorism-law/2016-01-01/art-84")).toBeLessThan(text.indexOf("http://test.local/laws/cybersecurity-law/2017-06-01/art-37"));
    expect(text).toContain("[^2]: Cybersecurity Law");
    await page.close();
  });

  it("builds a memo without JavaScript, through plain forms", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/laws/cybersecurity-law/2017-06-01/art-37");
    await page.locator("button.memo-add-button").first().click();
    await page.waitForURL(/\/memo\?items=cybersecurity-law\/2017-06-01\/art-37&data=fixture-1#item-1$/);
    await page.fill("#memo-add", "CTL 84");
    await page.click("form.memo-add button[type=submit]");
    await page.waitForURL(/items=cybersecurity-law\/2017-06-01\/art-37,counterterrorism-law\/2016-01-01\/art-84/);
    expect(await page.locator(".memo-item").count()).toBe(2);
    await page.close();
  });
});
