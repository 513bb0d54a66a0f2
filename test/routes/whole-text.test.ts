// The whole text of a version on one page (/laws/<id>/<version>/text), on the fixture rules, with
// the short fixture texts (test/fixtures/law-texts) and without them.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppsWithAndWithoutTexts, visibleText } from "../helpers/test-app.js";

const apps = useAppsWithAndWithoutTexts();
const get = (app: "withTexts" | "without", url: string) => apps[app].inject({ method: "GET", url });

describe("the whole text without the official texts", () => {
  it("prints every article the rules give the version, in article order, with its summary", async () => {
    const res = await get("without", "/laws/cybersecurity-law/2017-06-01/text");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    const ids = [...res.body.matchAll(/<article class="whole-article" id="(art-[^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["art-21", "art-24", "art-37", "art-39", "art-59", "art-66"]);
    const t = visibleText(res.body);
    expect(t).toContain("Network operators must protect their networks under the tiered protection scheme.");
    expect(t).toContain("The official Chinese text is not loaded on this server");
  });
});

describe("the whole text with the official texts loaded", () => {
  it("prints every article of the official text, those the rules do not encode as well, in article order", async () => {
    const html = (await get("withTexts", "/laws/cybersecurity-law/2026-01-01/text")).body;
    const ids = [...html.matchAll(/<article class="whole-article" id="(art-[^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["art-1", "art-20", "art-23", "art-26", "art-39", "art-41", "art-61"]);
    const first = html.slice(html.indexOf('id="art-1"'), html.indexOf('id="art-20"'));
    expect(visibleText(first)).toContain("Not summarised here");
    expect(first).toContain("为了测试全文页面，制定本测试文本。");
    expect(visibleText(html)).toContain("7 articles, 6 summarised here");
  });

  it("puts the official paragraphs beside the summary, with anchors #art-N and #art-N-para-K (and items)", async () => {
    const html = (await get("withTexts", "/laws/cybersecurity-law/2026-01-01/text")).body;
    expect(html).toContain('class="whole-text with-official"');
    const art23 = html.slice(html.indexOf('id="art-23"'), html.indexOf('id="art-26"'));
    expect(art23).toContain('id="art-23-para-1"');
    expect(art23).toContain('id="art-23-para-1-item-3"');
    expect(art23).toContain('href="#art-23-para-1-item-3"');
    expect(art23).toContain("按照规定留存网络日志不少于六个月。");
    expect(art23).toMatch(/<div class="en">[\s\S]*Network operators must protect their networks[\s\S]*<\/div>\s*<div class="official law-text" lang="zh-Hans">/);
    // The fixture article 61 has a second paragraph nowhere: no anchor is made up.
    expect(html).not.toContain('id="art-61-para-2"');
  });

  it("gives each article its number in every text, and links its duties and penalties to the article page", async () => {
    const html = (await get("withTexts", "/laws/cybersecurity-law/2026-01-01/text")).body;
    const art39 = html.slice(html.indexOf('id="art-39"'), html.indexOf('id="art-41"'));
    expect(art39).toContain('<a href="/laws/cybersecurity-law/2017-06-01/art-37">Art. 37 in the 2017 text</a>');
    expect(art39).toMatch(/<a class="marker duty" href="\/laws\/cybersecurity-law\/2026-01-01\/art-39#obligation-[a-z0-9-]+" title="[^"]+">Duty: /);
    const art61 = html.slice(html.indexOf('id="art-61"'));
    expect(art61).toMatch(/<a class="marker penalty" href="\/laws\/cybersecurity-law\/2026-01-01\/art-61#tier-[a-z0-9-]+" title="[^"]*">Penalty: /);
    const art20 = html.slice(html.indexOf('id="art-20"'), html.indexOf('id="art-23"'));
    expect(visibleText(art20)).toContain("Not in the 2017 text");
  });

  it("groups the articles under the chapters of the official text, listed in the contents", async () => {
    const html = (await get("withTexts", "/laws/cybersecurity-law/2026-01-01/text")).body;
    const headings = [...html.matchAll(/<h2 id="part-\d+-h">([\s\S]*?)<\/h2>/g)].map((m) => visibleText(m[1] as string).trim());
    expect(headings).toEqual(["第一章 总则", "第三章 网络运行安全", "第六章 法律责任"]);
    expect(html).toContain('<nav class="toc toc-side" aria-label="Contents of the whole text">');
    expect(html).toMatch(/<details class="toc toc-fold">\s*<summary>Contents \(7 articles\)<\/summary>/);
    expect(html).toContain('<a href="#art-61">Art. 61');
  });
});

describe("links to the whole text", () => {
  it("is linked from the instrument page, each version's contents and every article", async () => {
    const law = (await get("without", "/laws/cybersecurity-law")).body;
    expect(law).toContain('href="/laws/cybersecurity-law/2026-01-01/text"');
    expect(law).toContain('href="/laws/cybersecurity-law/2017-06-01/text"');
    const contents = (await get("without", "/laws/cybersecurity-law/2017-06-01")).body;
    expect(contents).toMatch(/<a class="button read-whole" href="\/laws\/cybersecurity-law\/2017-06-01\/text">Read the whole 2017 text on one page<\/a>/);
    const article = (await get("without", "/laws/cybersecurity-law/2017-06-01/art-37")).body;
    expect(article).toContain('<a href="/laws/cybersecurity-law/2017-06-01/text#art-37">Read the whole law</a>');
  });

  it("answers an unknown version with a 404 that lists the whole text of each version, and a query string with a 301", async () => {
    const res = await get("without", "/laws/cybersecurity-law/2019-01-01/text");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/laws/cybersecurity-law/2026-01-01/text"');
    const q = await get("without", "/laws/cybersecurity-law/2026-01-01/text?x=1");
    expect(q.statusCode).toBe(301);
    expect(q.headers.location).toBe("/laws/cybersecurity-law/2026-01-01/text");
  });
});
