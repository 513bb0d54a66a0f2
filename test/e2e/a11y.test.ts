// Accessibility, in a real browser: axe-core on every page type (no serious or critical
// violation), and a keyboard-only walk from the home page to an actor and an article, with a
// visible focus ring at every step and a skip link that works.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FastifyInstance } from "fastify";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserApp, stopBrowserApp } from "../helpers/browser.js";
import { FIXTURE_TEXTS } from "../helpers/test-app.js";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let app: FastifyInstance;
let browser: Browser;
let base: string;
let axePage: Page; // axe-core loaded into every document, the CSP bypassed so it may run
let page: Page; // a plain page, CSP and all, for the keyboard

beforeAll(async () => {
  ({ app, base, browser } = await startBrowserApp({ lawTextsDir: FIXTURE_TEXTS })); // article pages with their official text and its changes
  // The CSP (script-src 'self') would refuse axe; the pages' own markup is what is tested. An init
  // script hands axe to the browser once, instead of sending it with every page.
  axePage = await (await browser.newContext({ baseURL: base, bypassCSP: true })).newPage();
  await axePage.addInitScript({ content: AXE_SOURCE });
  page = await (await browser.newContext({ baseURL: base })).newPage();
});
afterAll(async () => {
  await stopBrowserApp({ app, browser });
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

// One of each page type, with the state that makes it show the most (filters, exposure, results).
const PAGES: [string, string, number][] = [
  ["home", "/", 200],
  ["actors list", "/actors", 200],
  ["actor page", "/actors/cii-operator", 200],
  ["actor page at a date, grouped by theme", "/actors/network-operator?at=2020-01-01&group=theme&include=all", 200],
  ["company profile", "/profile?actor=cii-operator&actor=telecom-operator", 200],
  ["register from answers, by exposure, with filters", "/profile?service=telecoms&cii=unknown&actor=cii-operator&sort=exposure&penalty=yes&scope=all", 200],
  ["questionnaire with a don't-know answer", "/check?cii=unknown&service=banking", 200],
  ["laws list", "/laws", 200],
  ["law contents", "/laws/cybersecurity-law", 200],
  ["article, 2017 text", "/laws/cybersecurity-law/2017-06-01/art-37", 200],
  ["article, 2026 text, with sanctions", "/laws/cybersecurity-law/2026-01-01/art-61", 200],
  ["article with items in its official text", "/laws/cybersecurity-law/2017-06-01/art-21", 200],
  ["the whole 2026 text beside its official text", "/laws/cybersecurity-law/2026-01-01/text", 200],
  ["disambiguation", "/laws/cybersecurity-law/art-39", 200],
  ["provisions with filters", "/provisions?actor=network-operator&sanction=fine&sort=max-fine&size=10", 200],
  ["penalties", "/penalties", 200],
  ["penalties with an actor's exposure", "/penalties?actor=cii-operator", 200],
  ["penalties compared", "/penalties/compare?ids=cybersecurity-law/2017-06-01/art-66,counterterrorism-law/2016-01-01/art-84", 200],
  ["penalty changes", "/penalties/changes", 200],
  ["compare, no articles yet", "/penalties/compare", 200],
  ["compare with…", "/penalties/compare?ids=cybersecurity-law/2017-06-01/art-66", 200],
  ["search carrying a memo, with filters", "/search?q=data&memo=cybersecurity-law/2017-06-01/art-37&kind=law", 200],
  ["memo asking which text", "/memo?items=counterterrorism-law/2016-01-01/art-84&add=CSL%2039", 200],
  ["search with results", "/search?q=data", 200],
  ["search with no results", "/search?q=zzzqqx", 200],
  ["glossary", "/glossary", 200],
  ["memo with items and an actor", "/memo?items=cybersecurity-law/2017-06-01/art-37,counterterrorism-law/2016-01-01/art-84&actor=cii-operator&data=fixture-1", 200],
  ["empty memo", "/memo", 200],
  ["memo exported for Word", "/memo.html?items=cybersecurity-law/2017-06-01/art-37,counterterrorism-law/2016-01-01/art-84", 200],
  ["API documentation", "/api/docs", 200],
  ["citation check", "/check-citations", 200],
  ["404 page", "/actors/nope", 404],
  ["400 page", "/provisions?sort=random", 400],
];

function readable(url: string, violations: AxeViolation[]): string[] {
  return violations.map((v) => `${url}: [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(" ")}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`).join("\n")}`);
}

describe("axe-core on every page type", () => {
  it.each(PAGES)("%s (%s): no serious or critical violation", async (_name, url, status) => {
    const res = await axePage.goto(url);
    expect(res?.status()).toBe(status);
    const violations = (await axePage.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)`)) as AxeViolation[];
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(readable(url, serious).join("\n")).toBe("");
  });

  it("the citation check's results (a POSTed form): no serious or critical violation", async () => {
    await axePage.goto("/check-citations");
    await axePage.fill("#citation-text", "Under CSL Art. 37 (2017), data stays. CSL Art. 59 (2017): RMB 10,000 to 100,000. 《电子商务法》第十条. CSL Art. 90.");
    await Promise.all([axePage.waitForNavigation(), axePage.click('button[value="html"]')]);
    expect(await axePage.locator("#results").count()).toBe(1);
    const violations = (await axePage.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)`)) as AxeViolation[];
    expect(readable("/check-citations (results)", violations.filter((v) => v.impact === "serious" || v.impact === "critical")).join("\n")).toBe("");
  });
});

// The focused element, where it is, and whether its focus can be seen.
const FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.localName + (el.id ? "#" + el.id : ""),
    href: el.getAttribute("href"),
    text: (el.textContent || "").trim().slice(0, 60),
    inMain: !!el.closest("main"),
    ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none",
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth,
  };
})()`;

interface Focused {
  tag: string;
  href: string | null;
  text: string;
  inMain: boolean;
  ring: boolean;
  onScreen: boolean;
}

/** Tabs until the focused element matches; every element on the way must show a ring on screen. */
async function tabTo(match: (f: Focused) => boolean, limit = 60): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = (await page.evaluate(FOCUS)) as Focused | null;
    if (!f) continue;
    expect(f.ring, `focus ring on <${f.tag}> "${f.text}" at ${page.url()}`).toBe(true);
    expect(f.onScreen, `<${f.tag}> "${f.text}" visible when focused`).toBe(true);
    if (match(f)) return f;
  }
  throw new Error(`no matching element within ${limit} tabs on ${page.url()}`);
}

describe("keyboard only", () => {
  /** Tab to the skip link (the first stop), follow it, and check the next Tab lands in <main>. */
  async function skipToContent(): Promise<void> {
    const skip = await tabTo(() => true, 1);
    expect(skip.text, `first Tab stop on ${page.url()}`).toBe("Skip to content");
    await page.keyboard.press("Enter");
    // The fragment navigation may land a moment after the key press: wait for it, then check it.
    await page.waitForURL((url) => url.hash === "#main", { timeout: 2_000 }).catch(() => undefined);
    expect(new URL(page.url()).hash).toBe("#main");
  }

  it("skips to the content, then reaches an actor page and an article with Tab and Enter", async () => {
    await page.goto("/");
    await skipToContent();
    const first = await tabTo(() => true, 1);
    expect(first.inMain, `after the skip link, Tab lands in <main> (got "${first.text}")`).toBe(true);
    await tabTo((f) => f.href === "/actors" && f.inMain);
    await Promise.all([page.waitForURL(/\/actors$/), page.keyboard.press("Enter")]);

    await skipToContent();
    await tabTo((f) => f.href === "/actors/cii-operator" && f.inMain);
    await Promise.all([page.waitForURL(/\/actors\/cii-operator$/), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).toContain("Critical information infrastructure operator");

    await skipToContent();
    const article = await tabTo((f) => /^\/laws\/[^/]+\/\d{4}-\d{2}-\d{2}\/art-\d+$/.test(f.href ?? ""));
    await Promise.all([page.waitForURL((u) => u.pathname === article.href), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).toMatch(/^Art\. \d+ · /);
  });
});
