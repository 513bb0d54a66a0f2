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
    expect(await page.locator(".register-summary").innerText()).toMatch(/^\d+ duties specific to your roles, \d+ general duties that bind every organisation \(not listed\), in \d+ instruments; \d+ carry a penalty\./);
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
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFinstrument,instrument_title,version,article,heading,duty/);
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
