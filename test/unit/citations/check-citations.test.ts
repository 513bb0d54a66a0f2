// checkCitations on the fixture rules, with one `formerly` link planted: where a deleted
// article's conduct went, figures of a duty article read from the tiers that enforce it, dates.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCitations } from "../../../src/citations/check-citations.js";
import { citationReportMarkdown } from "../../../src/citations/citation-markdown.js";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { loadLawTexts } from "../../../src/texts/load-law-texts.js";
import { FIXTURE_RULES, FIXTURE_TEXTS, REAL_RULES } from "../../helpers/test-app.js";

let dir: string;
let catalog: Catalog;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "citations-"));
  cpSync(FIXTURE_RULES, dir, { recursive: true });
  const file = path.join(dir, "cybersecurity-law.yaml");
  const from = "        trigger: It refuses to correct or harm results (2026 text).\n";
  const text = readFileSync(file, "utf8");
  expect(text.split(from)).toHaveLength(2);
  writeFileSync(file, text.replace(from, `${from}        formerly: [p66]\n`));
  catalog = await loadRules(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (text: string, at: string) => checkCitations(catalog, text, at).citations;

describe("checkCitations", () => {
  it("says where a deleted article's conduct went, through the tier whose formerly names it", () => {
    const [c] = check("CSL Art. 66 (2017) punished data export.", "2026-06-01");
    expect(c?.status).toBe("deleted");
    expect(c?.movedTo?.map((m) => m.article.label)).toEqual(["CSL Art. 61 (2026)"]);
    expect(c?.message).toContain("Its conduct is now punished under CSL Art. 61 (2026)");
  });

  it("reads an earlier text's article as ok while that text is in force", () => {
    expect(check("CSL Art. 66 punished data export.", "2020-01-01")[0]?.status).toBe("ok");
  });

  it("compares the figures stated beside a duty article with the tiers that enforce it", () => {
    const [c] = check("Breaching CSL Art. 21 (2017) costs RMB 10,000 to 100,000, and its managers RMB 5,000 to 60,000.", "2020-01-01");
    expect(c?.figures.map((f) => f.status)).toEqual(["figure-matches", "figure-differs"]);
    expect(c?.figures[0]?.matches[0]).toMatchObject({ article: "CSL Art. 59 (2017)", bearer: "entity", tier: "refuses" });
    expect(c?.figures[1]?.message).toContain("RMB 5,000–50,000");
  });

  it("reads an article of a later text as not in force at an earlier date", () => {
    expect(check("CSL Art. 20 (2026) supports AI.", "2020-01-01")[0]?.status).toBe("not-in-force");
    expect(check("CSL Art. 20 supports AI.", "2020-01-01")[0]?.status).not.toBe("ok");
  });

  it("names a text the instrument does not have", () => {
    const [c] = check("CSL Art. 21 (2019)", "2020-01-01");
    expect(c?.status).toBe("no-such-article");
    expect(c?.message).toContain("has no text of 2019");
  });

  it("checks a paragraph or item against the official text when it is loaded, and says when nothing can check it", async () => {
    const texts = await loadLawTexts(FIXTURE_TEXTS, catalog);
    const at = "2020-01-01";
    const read = (text: string, withTexts: boolean) => checkCitations(catalog, text, at, "given", withTexts ? texts : undefined).citations[0];
    expect(read("网络安全法第二十一条第（三）项", true)).toMatchObject({ status: "ok", article: { para: 1, item: 3 } });
    expect(read("网络安全法第二十一条第（五）项", true)).toMatchObject({ status: "no-such-item" });
    expect(read("网络安全法第二十一条第（五）项", true)?.message).toContain("(official text)");
    expect(read("网络安全法第三十七条第二款", true)).toMatchObject({ status: "no-such-paragraph" });
    const unchecked = read("网络安全法第三十七条第二款", false);
    expect(unchecked?.status).toBe("ok");
    expect(unchecked?.pinpointNote).toContain("not checked");
  });

  it("exports the report as Markdown with absolute links and escapes what the text held", () => {
    const report = checkCitations(catalog, "CSL Art. 37 (2017) | <b>x</b>", "2026-06-01");
    const md = citationReportMarkdown(report, "https://law.example.org");
    expect(md).toContain("](https://law.example.org/laws/cybersecurity-law/2026-01-01/art-39)");
    expect(md).toContain("**Renumbered**");
    expect(md).not.toContain("<b>");
  });
});

describe("checkCitations on the real rules", () => {
  it("says which meaning of an ambiguous number the figures stated beside it fit, when only one does", async () => {
    const real = await loadRules(REAL_RULES);
    // RMB 50,000-500,000 is in both: 2017 Art. 66 (data export) and, read since, 2026 Art. 66 para. 1
    // (hacking). The managers' RMB 10,000-100,000 is 2017 Art. 66's alone.
    const [c] = checkCitations(real, "Under CSL Art. 66, the managers are fined RMB 10,000 to 100,000.", "2026-12-01").citations;
    expect(c?.status).toBe("ambiguous");
    expect(c?.message).toContain("The figures stated beside it fit CSL Art. 66 (2017) only.");
    expect(c?.figures.map((f) => [f.status, f.comparedWith])).toEqual([["figure-matches", "CSL Art. 66 (2017)"]]);
  });
});
