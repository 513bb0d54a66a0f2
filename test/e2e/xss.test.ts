// Script injection, in a real browser: payloads planted in the rules (labels, headings,
// summaries, triggers, glossary terms, source notes, version labels, which are no longer printed) and sent in query strings
// and paths, on every page that prints them. The browser context bypasses the CSP on purpose,
// so that escaping alone must keep every payload inert; the CSP itself is checked separately.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserApp, stopBrowserApp } from "../helpers/browser.js";
import { loadRules } from "../../src/data/load-rules.js";
import { FIXTURE_RULES } from "../helpers/test-app.js";


const P = {
  script: "<script>alert(1)</script>",
  img: '"><img src=x onerror=alert(2)>',
  title: "</title><script>alert(3)</script>",
  svg: "<svg onload=alert(4)>",
  ldjson: "</script><script>alert(5)</script>",
  attr: "' onmouseover='alert(6)' x='",
  js: "javascript:alert(7)",
} as const;

// Where each payload goes in the fixture rules; every `from` must occur exactly once.
const PLANTS: { file: string; from: string; to: string }[] = [
  { file: "actors.yaml", from: "label: { en: Network operator, zh: 网络运营者 }", to: `label: { en: ${JSON.stringify(`Network operator ${P.img}`)}, zh: 网络运营者 }` },
  { file: "actors.yaml", from: "description: Owner or manager of a network, or provider of network services.", to: `description: ${JSON.stringify(`Runs a network ${P.title}`)}` },
  { file: "actors.yaml", from: "aliases: [network service provider]", to: `aliases: [network service provider, ${JSON.stringify(P.svg)}]` },
  { file: "glossary.yaml", from: "en: real-name registration", to: `en: ${JSON.stringify(`real-name registration ${P.script}`)}` },
  { file: "glossary.yaml", from: "definition: Users give their true identity.", to: `definition: ${JSON.stringify(`Users give their true identity ${P.attr}`)}` },
  { file: "cybersecurity-law.yaml", from: "title: { en: Cybersecurity Law of the People's Republic of China, zh: 中华人民共和国网络安全法 }", to: `title: { en: ${JSON.stringify(`Cybersecurity Law ${P.ldjson}`)}, zh: 中华人民共和国网络安全法 }` },
  { file: "cybersecurity-law.yaml", from: "summary: Fixture of the Cybersecurity Law.", to: `summary: ${JSON.stringify(`Fixture summary ${P.script}`)}` },
  { file: "cybersecurity-law.yaml", from: "{ id: 2017-06-01, readFrom: official, label: 2016 text, adopted: 2016-11-07,", to: `{ id: 2017-06-01, readFrom: official, label: ${JSON.stringify(`2016 text ${P.attr}`)}, adopted: 2016-11-07, note: ${JSON.stringify(`Version note ${P.svg}`)},` },
  { file: "cybersecurity-law.yaml", from: "heading: { en: Data localisation }", to: `heading: { en: ${JSON.stringify(`Data localisation ${P.title}`)} }` },
  { file: "cybersecurity-law.yaml", from: "summary: CII operators store personal information and important data in China.", to: `summary: ${JSON.stringify(`CII operators store data in China ${P.svg}`)}` },
  { file: "cybersecurity-law.yaml", from: "duty: Store data in China. }", to: `duty: ${JSON.stringify(`Store data in China ${P.img}`)} }` },
  { file: "cybersecurity-law.yaml", from: "    sources: [{ doc: 002_f153fa18b756d0f6, note: 68 }]\n", to: `    sources: [{ doc: 002_f153fa18b756d0f6, note: 68 }]\n    web: [{ url: "https://example.org/report?a=%22%3E%3Cscript%3E", title: ${JSON.stringify(`Source title ${P.img}`)}, note: ${JSON.stringify(`Source note ${P.script}`)} }]\n` },
  { file: "cybersecurity-law.yaml", from: "trigger: It refuses to correct or harm results.", to: `trigger: ${JSON.stringify(`It refuses to correct ${P.script}`)}` },
  { file: "counterterrorism-law.yaml", from: "trigger: Fails to provide support.", to: `trigger: ${JSON.stringify(`Fails to provide support ${P.svg}`)}` },
];

function plantedRules(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "xss-rules-"));
  cpSync(FIXTURE_RULES, dir, { recursive: true });
  for (const { file, from, to } of PLANTS) {
    const text = readFileSync(path.join(dir, file), "utf8");
    if (text.split(from).length !== 2) throw new Error(`${file}: "${from}" should occur once`);
    writeFileSync(path.join(dir, file), text.replace(from, to));
  }
  return dir;
}

let rulesDir: string;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const strayRequests: string[] = [];

beforeAll(async () => {
  rulesDir = plantedRules();
  ({ app, base, browser } = await startBrowserApp({}, rulesDir));
  // bypassCSP: the page's CSP would block inline scripts anyway; the test is that nothing got there.
  context = await browser.newContext({ baseURL: base, bypassCSP: true });
  page = await context.newPage();
  page.on("dialog", (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== base || /\/x$/.test(url.pathname)) strayRequests.push(r.url());
  });
});
afterAll(async () => {
  await stopBrowserApp({ app, browser });
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

// Runs in the page (a string: the project compiles without DOM types). Lists markup that can
// only come from a payload (event-handler attributes, stray scripts, img src=x, svg outside the
// charts, javascript: links), and returns the page's visible text (form values included) and title.
const INSPECT = `(() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) if (a.name.startsWith("on")) found.push("<" + el.localName + " " + a.name + ">");
    if (el.localName === "script" && !/^\\/static\\/app\\.[0-9a-f]{10}\\.js$/.test(el.getAttribute("src") || "") && el.getAttribute("type") !== "application/ld+json") found.push("<script> element");
    if (el.localName === "img" && el.getAttribute("src") === "x") found.push("<img src=x>");
    if (el.localName === "svg" && !el.classList.contains("chart-svg")) found.push("<svg> element");
    if (/^\\s*javascript:/i.test(el.getAttribute("href") || "")) found.push("javascript: link");
  }
  const values = [...document.querySelectorAll("input")].map((i) => i.value).join("\\n");
  return { found, text: document.body.innerText + "\\n" + values, title: document.title };
})()`;

interface Visit {
  url: string;
  status: number;
  shows: string[]; // payload text that must be visible, as text
}

/** Opens a page and returns what is wrong with it: executed or injected markup, missing text, headers. */
async function visit({ url, status, shows }: Visit): Promise<string[]> {
  const out: string[] = [];
  const before = dialogs.length;
  const res = await page.goto(url, { waitUntil: "load" });
  if (!res) return [`${url}: no response`];
  if (res.status() !== status) out.push(`status ${res.status()}, expected ${status}`);
  const csp = res.headers()["content-security-policy"] ?? "";
  if (!csp.includes("script-src 'self'") || csp.includes("unsafe-inline")) out.push(`CSP "${csp}"`);
  const { found, text, title } = (await page.evaluate(INSPECT)) as { found: string[]; text: string; title: string };
  out.push(...found);
  for (const s of shows) if (!text.includes(s) && !title.includes(s)) out.push(`does not show ${JSON.stringify(s)}`);
  if (dialogs.length > before) out.push(`dialog: ${dialogs.slice(before).join(", ")}`);
  return out.map((p) => `${url} → ${p}`);
}

async function visitAll(visits: Visit[]): Promise<string[]> {
  const out: string[] = [];
  for (const v of visits) out.push(...(await visit(v)));
  return out;
}

describe("payloads in the rules", () => {
  it("shows every planted payload as text on the pages that print them, and runs none", async () => {
    const problems = await visitAll([
      { url: "/", status: 200, shows: [`Cybersecurity Law ${P.ldjson}`, `Network operator ${P.img}`] },
      { url: "/actors/network-operator", status: 200, shows: [`Network operator ${P.img}`, `Runs a network ${P.title}`, P.svg] },
      { url: "/actors/cii-operator?group=theme&include=all", status: 200, shows: [`Store data in China ${P.img}`, `Data localisation ${P.title}`] },
      { url: "/profile?actor=network-operator&actor=cii-operator", status: 200, shows: [`Network operator ${P.img}`, `Store data in China ${P.img}`] },
      { url: "/laws", status: 200, shows: [`Cybersecurity Law ${P.ldjson}`] },
      { url: "/laws/cybersecurity-law", status: 200, shows: [`Fixture summary ${P.script}`, `Version note ${P.svg}`, `Data localisation ${P.title}`] },
      { url: "/laws/cybersecurity-law/2017-06-01/art-37", status: 200, shows: [`Data localisation ${P.title}`, `CII operators store data in China ${P.svg}`, `Store data in China ${P.img}`, `Source title ${P.img}`, `Source note ${P.script}`, "Fixture concern <script>alert(1)</script>"] },
      { url: "/laws/cybersecurity-law/2017-06-01/art-24", status: 200, shows: [`real-name registration ${P.script}`, `Users give their true identity ${P.attr}`, `Network operator ${P.img}`] },
      { url: "/laws/cybersecurity-law/2017-06-01/art-59", status: 200, shows: [`It refuses to correct ${P.script}`] },
      { url: "/laws/cybersecurity-law/art-37", status: 200, shows: [`Data localisation ${P.title}`] },
      { url: "/provisions?actor=network-operator", status: 200, shows: [`Data localisation ${P.title}`, `Network operator ${P.img}`] },
      { url: "/penalties", status: 200, shows: [`It refuses to correct ${P.script}`, `Fails to provide support ${P.svg}`] },
      { url: "/penalties?actor=network-operator", status: 200, shows: [`network operator ${P.img}`.toLowerCase()] },
      { url: "/penalties/compare?ids=cybersecurity-law/2017-06-01/art-59,counterterrorism-law/2016-01-01/art-84", status: 200, shows: [`It refuses to correct ${P.script}`, `Fails to provide support ${P.svg}`] },
      { url: "/search?q=localisation", status: 200, shows: [`CII operators store data in China ${P.svg}`] },
      { url: "/glossary", status: 200, shows: [`real-name registration ${P.script}`, `Users give their true identity ${P.attr}`] },
      { url: "/memo?items=cybersecurity-law/2017-06-01/art-37,cybersecurity-law/2017-06-01/art-59&actor=network-operator", status: 200, shows: [`Data localisation ${P.title}`, `CII operators store data in China ${P.svg}`, `It refuses to correct ${P.script}`] },
      { url: "/memo.html?items=cybersecurity-law/2017-06-01/art-37,cybersecurity-law/2017-06-01/art-59", status: 200, shows: [`Data localisation ${P.title}`, `It refuses to correct ${P.script}`] },
    ]);
    expect(problems).toEqual([]);
  });

  it("keeps the JSON-LD a JSON document whatever the title holds", async () => {
    await page.goto("/laws/cybersecurity-law/2017-06-01/art-37");
    const ld = (await page.evaluate(`[...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent)`)) as string[];
    expect(ld).toHaveLength(1);
    const doc = JSON.parse(ld[0] as string) as { name: string; isPartOf: { name: string } };
    expect(doc.isPartOf.name).toBe(`Cybersecurity Law ${P.ldjson}`);
    expect(doc.name).toBe(`Cybersecurity Law ${P.ldjson}, Art. 37`);
    expect(dialogs).toEqual([]);
  });
});

describe("payloads in the address", () => {
  it("echoes query strings as text on search, 400 and 404 pages, and runs none", async () => {
    const problems = await visitAll([
      // Echoed in the page title and the search box.
      { url: `/search?q=${encodeURIComponent(P.script + P.img + P.title + P.attr)}&actor=network-operator`, status: 200, shows: [P.script + P.img + P.title + P.attr] },
      // Not parameters of /provisions: a 400 that names them, as text.
      { url: `/provisions?q=${encodeURIComponent(P.script)}`, status: 400, shows: ['Unknown parameter "q"'] },
      { url: `/provisions?${encodeURIComponent(P.script)}=1&${encodeURIComponent(P.img)}=2`, status: 400, shows: [P.script, P.img] },
      { url: `/provisions?actor=${encodeURIComponent(P.svg)}`, status: 400, shows: [P.svg] },
      { url: `/actors/cii-operator?group=${encodeURIComponent(P.img)}`, status: 400, shows: [P.img] },
      { url: `/penalties/compare?ids=${encodeURIComponent(P.script)},${encodeURIComponent(P.img)}`, status: 400, shows: [P.script] },
      { url: `/penalties/changes?from=${encodeURIComponent("<b>x</b>")}`, status: 400, shows: ["<b>x</b>"] },
      { url: `/actors/${encodeURIComponent(P.img)}`, status: 404, shows: [P.img] },
      { url: `/laws/cybersecurity-law/2017-06-01/${encodeURIComponent(P.title)}`, status: 404, shows: [P.title] },
      { url: `/nowhere/${encodeURIComponent(P.js)}`, status: 404, shows: ["/nowhere/"] },
      // The memo echoes its title everywhere, and the add box's input in its 400 page.
      { url: `/memo?items=cybersecurity-law/2017-06-01/art-37&title=${encodeURIComponent(P.script + P.title + P.attr)}`, status: 200, shows: [P.script + P.title + P.attr] },
      { url: `/memo.html?items=cybersecurity-law/2017-06-01/art-37&title=${encodeURIComponent(P.script + P.img)}`, status: 200, shows: [P.script + P.img] },
      { url: `/memo?add=${encodeURIComponent(P.img)}`, status: 400, shows: [P.img] },
    ]);
    expect(problems).toEqual([]);
  });

});

describe("payloads in a pasted text", () => {
  it("prints the text pasted into the citation check, and the citations found in it, only as text", async () => {
    const pasted = `Under CSL Art. 37 (2017) ${P.script} data stays.\n《${P.img}》第十条 ${P.title}\nArticle 5 of the ${P.svg} Law; ${P.attr} ${P.ldjson} PIPL Art. 66: up to 5% ${P.js}</textarea><script>alert(8)</script>`;
    await page.goto("/check-citations");
    await page.fill("#citation-text", pasted);
    await page.fill("#citation-at", "2026-06-01");
    const before = dialogs.length;
    const [res] = await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click('button[value="html"]')]);
    expect(res?.status()).toBe(200);
    const { found, text } = (await page.evaluate(INSPECT)) as { found: string[]; text: string };
    expect(found).toEqual([]);
    expect(dialogs.slice(before)).toEqual([]);
    const box = (await page.evaluate(`document.querySelector("#citation-text").value`)) as string;
    expect(box).toBe(pasted.replace(/\r\n/g, "\n"));
    expect(text).toContain("CSL Art. 37 (2017) is Art. 39 in the 2026 text");
    expect(text).toContain(`《${P.img}》第十条`);
  });
});

describe("after every page", () => {
  it("made no request off the site or to x, and no dialog opened, on any page", () => {
    expect(strayRequests).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe("the rules validator", () => {
  it.each([
    ["an instrument's official link", "cybersecurity-law.yaml", 'official:\n  - { url: "http://www.npc.gov.cn/", title: NPC }', `official:\n  - { url: ${JSON.stringify(P.js)}, title: NPC }`],
    ["a version's official text", "cybersecurity-law.yaml", "{ id: 2026-01-01, readFrom: official, label: 2025 amended text, adopted: 2025-10-28,", `{ id: 2026-01-01, readFrom: official, label: 2025 amended text, adopted: 2025-10-28, official: "data:text/html,<script>alert(1)</script>",`],
    ["a provision's web source", "counterterrorism-law.yaml", "    heading: { en: Content monitoring }\n", `    heading: { en: Content monitoring }\n    web: [{ url: "JAVASCRIPT:alert(1)", title: T }]\n`],
  ])("refuses a script URL in %s", async (_what, file, from, to) => {
    const dir = mkdtempSync(path.join(tmpdir(), "xss-url-"));
    try {
      cpSync(FIXTURE_RULES, dir, { recursive: true });
      const text = readFileSync(path.join(dir, file), "utf8");
      expect(text.split(from)).toHaveLength(2);
      writeFileSync(path.join(dir, file), text.replace(from, to));
      await expect(loadRules(dir)).rejects.toThrow(/(url|official): must be an http:\/\/ or https:\/\/ URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
