// The "done when", in a browser on the real rules: from the home page to the register of
// "CII operator + instant-messaging provider" in at most three interactions, landing on the
// results; then a filter, the CSV and the printout. With and without JavaScript.
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserApp, stopBrowserApp } from "../helpers/browser.js";
import { REAL_RULES } from "../helpers/test-app.js";

let app: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ app, base, browser } = await startBrowserApp({}, REAL_RULES));
});
afterAll(async () => {
  await stopBrowserApp({ app, browser });
});

/** A user: every click, tick or key press they make is counted. */
class User {
  interactions = 0;
  constructor(readonly page: Page) {}
  async tick(selector: string) {
    this.interactions++;
    await this.page.check(selector);
  }
  async click(selector: string) {
    this.interactions++;
    await this.page.click(selector);
  }
}

async function expectOnResults(page: Page) {
  expect(new URL(page.url()).hash).toBe("#results");
  // The results, not the form, are at the top of the window.
  const box = await page.locator("#results").boundingBox();
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(-2);
  expect(box?.y ?? 999).toBeLessThan(40);
  expect(await page.locator(".register-summary").isVisible()).toBe(true);
}

describe.each([true, false])("the register journey (JavaScript %s)", (javaScriptEnabled) => {
  it("home → CII operator + instant messaging in three interactions, then a filter, the CSV and the printout", async () => {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, javaScriptEnabled, acceptDownloads: true });
    const page = await context.newPage();
    const user = new User(page);
    await page.goto("/");

    await user.tick('#check input[name="service"][value="instant-messaging"]');
    await user.tick('#check input[name="cii"][value="yes"]');
    await user.click("#check button[type=submit]");
    await page.waitForURL(/\/profile\?service=instant-messaging&cii=yes#results$/);
    expect(user.interactions).toBeLessThanOrEqual(3);
    await expectOnResults(page);
    const roles = await page.locator(".register-header ul.roles").innerText();
    expect(roles).toContain("Critical information infrastructure operator");
    expect(roles).toContain("you provide instant messaging → instant messaging service provider, a kind of internet service provider and of network operator");
    expect(await page.locator(".register-summary").innerText()).toMatch(/^\d+ duties specific to your roles and \d+ general duties that bind every organisation \(\d+ listed in full\), in \d+ instruments; \d+ of those listed carry a penalty\./);
    // What the first violation costs and what escalates it, on the CII security duty.
    const card = page.locator("article.duty", { hasText: "Meet the multi-level protection scheme" }).first();
    const steps = await card.locator(".ladder:not(.criminal) .step .when strong").allInnerTexts();
    expect(steps[0]).toBe("On first violation");
    expect(steps.length).toBeGreaterThan(1);

    // A filter: only duties with a penalty. It comes back as a chip, and the user lands on the results.
    const before = user.interactions;
    await user.click("details.filters summary");
    await user.tick('.register-filters input[name="penalty"][value="yes"]');
    await user.click(".register-filters button[type=submit]");
    await page.waitForURL(/penalty=yes/);
    expect(user.interactions - before).toBe(3);
    await expectOnResults(page);
    expect(await page.locator(".chips").innerText()).toContain("Has a penalty");
    expect(await page.locator("article.duty .no-penalty").count()).toBe(0);

    // The CSV of what is listed.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[data-export="csv"]')]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const csv = Buffer.concat(chunks).toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFobligation_id,instrument,instrument_title,version,article,heading,duty/);
    expect(csv.split("\r\n").filter(Boolean).length - 1).toBe(await page.locator("article.duty").count());

    // The printout: no navigation, filters or buttons; the header block on top; absolute links.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site").isVisible()).toBe(false);
    expect(await page.locator("details.filters").isVisible()).toBe(false);
    expect(await page.locator("button.memo-add-button").first().isVisible()).toBe(false);
    expect(await page.locator(".register-header").isVisible()).toBe(true);
    expect(await page.locator(".register-header").innerText()).toContain("http://test.local/profile?service=instant-messaging&cii=yes&penalty=yes");
    expect(await page.locator(".permalink").first().innerText()).toMatch(/^http:\/\/test\.local\/laws\//);
    await page.close();
    await context.close();
  });
});

describe("the printout of the CII operator + instant messaging register", () => {
  // Before the register, the 135 duties of this role set printed on 58 A4 pages, one card per
  // page (0.43 pages a duty). The rules keep growing, so the bound is per duty listed: at most a
  // page for every four duties, and always fewer than the old 58.
  it("fits in a fraction of the pages it used to take", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/profile?service=instant-messaging&cii=yes`);
    const duties = await page.locator("article.duty").count();
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(duties).toBeGreaterThan(20);
    expect(pages).toBeGreaterThan(3);
    expect(pages).toBeLessThanOrEqual(Math.ceil(duties / 4));
    expect(pages).toBeLessThan(58);
    await page.close();
  });
});

// The register of instant messaging + CII + personal information: the one-page summary on top,
// ladders folded after their first step (without JavaScript too), the outline that stays in view
// on a wide screen, and the printout (A4, Chromium's page.pdf, the margins below).
const BIG = "/profile?service=instant-messaging&cii=yes&pi=yes";
const A4 = { format: "A4" as const, margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } };
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe("the register of instant messaging + CII + personal information", () => {
  it("opens with the summary: roles, exposure by law with the step of each figure, the ten heaviest duties, the date and data version", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}${BIG}`);
    const summary = page.locator(".register-overview");
    expect(await summary.isVisible()).toBe(true);
    const summaryY = (await summary.boundingBox())?.y ?? Infinity;
    expect(summaryY).toBeLessThan((await page.locator("article.duty").first().boundingBox())?.y ?? 0);
    const rows = await page.locator("table.exposure tbody tr").allInnerTexts();
    expect(rows.length).toBeGreaterThan(5);
    // Every figure in the table comes with the step that brings it and its article.
    for (const cell of await page.locator("table.exposure td").allInnerTexts()) if (/RMB|days|years|months/.test(cell)) expect(cell).toMatch(/\((on|if|in) [^,]+, .+Art\. /i);
    expect(await page.locator(".heaviest-duties li").count()).toBe(10);
    expect(await summary.innerText()).toMatch(/Law as at \d+ \w+ \d{4} · data version /);
    // Cooperation, data security and reporting duties are listed in full, with the reason.
    expect(await page.locator("#group-every-organisation .general-reason").innerText()).toMatch(/^\d+ general duties bind every organisation, whatever it does\./);
    expect(await page.locator("#group-every-organisation article.duty", { hasText: "Support, assist and cooperate with national intelligence work" }).count()).toBe(1);
    await page.close();
  });

  it("folds each ladder after its first step, and unfolds it on a click, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}${BIG}`);
    const ladder = page.locator(".ladder:not(.as-above)", { has: page.locator("details.more-steps") }).first();
    expect(await ladder.locator(":scope > ol.steps > li.step").first().isVisible()).toBe(true);
    const later = ladder.locator("details.more-steps li.step").first();
    expect(await later.isVisible()).toBe(false);
    await ladder.locator("details.more-steps > summary").click();
    expect(await later.isVisible()).toBe(true);
    await context.close();
  });

  it("keeps the contents in view on a wide screen, with a way back to them after each law", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}${BIG}`);
    const nav = page.locator("nav.contents");
    await page.locator("article.duty").nth(100).scrollIntoViewIfNeeded();
    const box = await nav.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.y ?? 999).toBeLessThan(20);
    expect(await nav.isVisible()).toBe(true);
    expect(await page.locator(".group .to-contents a[href='#contents']").count()).toBeGreaterThan(5);
    // On a phone the contents sit above the duties and scroll away.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("article.duty").nth(100).scrollIntoViewIfNeeded();
    expect(await page.evaluate('getComputedStyle(document.querySelector("nav.contents")).position')).toBe("static");
    await page.close();
  });

  it("prints the summary first on at most 2 A4 pages, the ladders open, and the whole in at most 28 pages", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${BIG}`);
    await page.emulateMedia({ media: "print" });
    // Folded steps print.
    expect(await page.locator("details.more-steps li.step").first().isVisible()).toBe(true);
    expect(await page.locator("nav.contents").isVisible()).toBe(false);
    const whole = pdfPages(await page.pdf(A4));
    // The summary alone: everything after it taken away.
    await page.evaluate('for (const e of document.querySelectorAll(".register-body, .change-roles")) e.style.display = "none";');
    const summary = pdfPages(await page.pdf(A4));
    console.log(`register print (${BIG}): summary ${summary} pages, whole ${whole} pages`);
    expect(summary).toBeLessThanOrEqual(2);
    expect(whole).toBeLessThanOrEqual(28);
    await page.close();
  });
});
