// The official text on the article page and in search, from the short fixture texts written
// for the tests (test/fixtures/law-texts), and the page without them.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppsWithAndWithoutTexts, visibleText } from "../helpers/test-app.js";

const apps = useAppsWithAndWithoutTexts();
const get = (app: "withTexts" | "without", url: string) => apps[app].inject({ method: "GET", url });

describe("the article page with LAW_TEXTS_DIR set", () => {
  it("prints the text paragraph by paragraph, with an anchor and a citation for each paragraph and item", async () => {
    const res = await get("withTexts", "/laws/cybersecurity-law/2017-06-01/art-21");
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('id="para-1"');
    expect(html).toContain('id="para-1-item-3"');
    expect(html).toContain('href="#para-1-item-3"');
    const text = visibleText(html);
    expect(html).toContain('<a class="pin" href="#para-1-item-3">（三）<span class="visually-hidden" lang="en">: link to Art. 21(3)</span></a>按照规定留存网络日志不少于六个月。');
    expect(text).toContain("Art. 21(3) · 第二十一条第（三）项");
    expect(html).toMatch(/<button type="button" class="copy" data-copy="cite-para-1-item-3" aria-label="Copy the citation Art. 21\(3\)" hidden>/);
  });

  it("marks the figures that the sanctions table holds, and only those", async () => {
    const html = (await get("withTexts", "/laws/cybersecurity-law/2017-06-01/art-59")).body;
    const marked = [...html.slice(html.indexOf('class="law-text"')).matchAll(/<mark class="figure">([^<]+)<\/mark>/g)].map((m) => m[1]);
    expect(marked).toEqual(["一万元以上十万元以下", "五千元以上五万元以下"]);
  });

  it("shows what changed since the previous text, with a renumbered cross-reference left unmarked", async () => {
    const html = (await get("withTexts", "/laws/cybersecurity-law/2026-01-01/art-61")).body;
    const section = html.slice(html.indexOf('id="changes"'));
    expect(section).toContain("What changed since the");
    expect(section).toContain("<del>十万</del><ins>五十万</ins>");
    expect(section).toContain("本法第二十三条"); // Art. 21 of 2016 is Art. 23 of 2025: the same provision
    expect(section).not.toMatch(/<(ins|del)>[^<]*二十[一三]/);
    const older = (await get("withTexts", "/laws/cybersecurity-law/2017-06-01/art-59")).body;
    expect(older).toContain('href="/laws/cybersecurity-law/2026-01-01/art-61#changes"');
  });

  it("finds an article by a phrase of its official text", async () => {
    expect(apps.withTexts.searchIndex.search("不少于六个月")[0]?.key).toBe("cybersecurity-law/p21");
    expect(apps.without.searchIndex.search("不少于六个月").map((h) => h.key)).not.toContain("cybersecurity-law/p21");
    const res = await get("withTexts", `/search?q=${encodeURIComponent("在境外存储网络数据")}`);
    expect(visibleText(res.body)).toContain("Penalty for unlawful data export");
  });
});

describe("the article page without the texts", () => {
  it("says the text is not loaded here and links the official source", async () => {
    const res = await get("without", "/laws/cybersecurity-law/2017-06-01/art-21");
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain("The official Chinese text is not loaded on this server. Read it at the official source: http://www.npc.gov.cn/");
    expect(res.body).not.toContain('id="para-1"');
  });

  it("says so too for a version whose text the folder lacks", async () => {
    const res = await get("withTexts", "/laws/counterterrorism-law/2016-01-01/art-18");
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain("No official text is on file for this version.");
  });
});
