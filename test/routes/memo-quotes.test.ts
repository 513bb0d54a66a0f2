// Memo exports that quote: a tier that only refers to another article's sanctions shows the
// reference in every export (on the real rules: CSL Art. 39 and Art. 71 of the 2026 text), and
// with the official texts loaded each item carries the Chinese wording it cites, marked as the
// official text (on the fixture rules and texts).
import { strFromU8, unzipSync } from "fflate";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, FIXTURE_TEXTS, REAL_RULES, visibleText } from "../helpers/test-app.js";

let real: FastifyInstance;
let withTexts: FastifyInstance;
let without: FastifyInstance;
beforeAll(async () => {
  [real, withTexts, without] = await Promise.all([buildTestApp({}, REAL_RULES), buildTestApp({ lawTextsDir: FIXTURE_TEXTS }), buildTestApp()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([real?.close(), withTexts?.close(), without?.close()]);
});
const docxText = (payload: Buffer) => strFromU8(unzipSync(new Uint8Array(payload))["word/document.xml"] as Uint8Array);
/** The rows of the first table after `after` in a document.xml, each as its cells' text. */
function tableRows(xml: string, after: string): string[][] {
  const table = xml.slice(xml.indexOf(after)).match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? "";
  return [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")));
}

describe("sanctions a tier only refers to", () => {
  it("fill the .docx sanctions table of CSL Art. 39 (2026) with the articles referred to", async () => {
    const res = await real.inject("/memo.docx?items=cybersecurity-law/2026-01-01/art-39");
    expect(res.statusCode).toBe(200);
    const rows = tableRows(docxText(res.rawPayload), "Sanctions for breaching it");
    expect(rows.length).toBeGreaterThan(1); // the header and at least one sanction
    const body = rows.slice(1).map((r) => r.join(" | ")).join("\n");
    expect(body).toContain("CSL Art. 71 (2026)");
    expect(body).toMatch(/The laws that punish this conduct today include PIPL Art\. 66[^\n]*; DSL Art\. 46[^\n]*\(our reading: the article names no law\)/);
  });

  it("give CSL Art. 71 (2026) its sanctions in Markdown, HTML and CSV", async () => {
    const md = (await real.inject("/memo.md?items=cybersecurity-law/2026-01-01/art-71")).body;
    const section = md.slice(md.indexOf("**Sanctions this article sets**"));
    expect(section).toMatch(/- \[CSL Art\. 71 \(2026\)\]\([^)]+\): A CII operator stores personal information[^\n]*\n(?: {2}- [^\n]*\n)*? {2}- The laws that punish this conduct today include \[PIPL Art\. 66[^\]]*\]\(http[^)]+\/art-66\); \[DSL Art\. 46[^\]]*\]\(http[^)]+\/art-46\) \(our reading: the article names no law\)/);
    const html = visibleText((await real.inject("/memo.html?items=cybersecurity-law/2026-01-01/art-71")).body);
    expect(html).toMatch(/Under the article referred to The laws that punish this conduct today include PIPL Art\. 66/);
    const csv = (await real.inject("/memo.csv?items=cybersecurity-law/2026-01-01/art-71")).body;
    expect(csv).toContain("The laws that punish this conduct today include PIPL Art. 66");
    const page = visibleText((await real.inject("/memo?items=cybersecurity-law/2026-01-01/art-71")).body);
    expect(page).toContain("The laws that punish this conduct today include PIPL Art. 66");
  });
});

describe("the official wording in the memo exports", () => {
  const ITEM = "cybersecurity-law/2017-06-01/art-21";
  const WORDS = "按照规定留存网络日志不少于六个月。";

  it("is quoted under the summary in Word, Markdown, HTML and on the page, marked as the official text", async () => {
    const docx = docxText((await withTexts.inject(`/memo.docx?items=${ITEM}`)).rawPayload);
    expect(docx).toContain("Official text (中文原文), 中华人民共和国网络安全法（测试文本）第二十一条:");
    expect(docx).toContain(WORDS);
    expect(docx.indexOf(WORDS)).toBeGreaterThan(docx.indexOf("tiered protection scheme"));
    const md = (await withTexts.inject(`/memo.md?items=${ITEM}`)).body;
    expect(md).toContain("*Official text (中文原文), 中华人民共和国网络安全法（测试文本）第二十一条:*");
    expect(md).toContain(`> （三）${WORDS}`);
    const html = (await withTexts.inject(`/memo.html?items=${ITEM}`)).body;
    expect(html).toMatch(/<em>Official text \(中文原文\), [^<]*第二十一条:<\/em><\/p>\s*<blockquote lang="zh-Hans"[^>]*><p>[^<]*<br>（一）/);
    const page = (await withTexts.inject(`/memo?items=${ITEM}`)).body;
    expect(page).toContain(WORDS);
  });

  it("is left out when the official texts are not loaded", async () => {
    const md = (await without.inject(`/memo.md?items=${ITEM}`)).body;
    expect(md).not.toContain("Official text");
    expect(md).not.toContain(WORDS);
  });
});
