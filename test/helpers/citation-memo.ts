// The memo written for the citation-check tests (test/fixtures/citation-memo.txt) and what every
// channel (the page, the API, the MCP tool) must say about it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { CitationReport } from "../../src/citations/check-citations.js";

export const MEMO = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/citation-memo.txt"), "utf8");
const byText = (r: CitationReport, s: string) => r.citations.filter((c) => c.text === s);

/** Every status of the memo, as the acceptance lists them: one assertion per case. */
export function assertMemoReport(r: CitationReport): void {
  expect(r.asAt).toBe("2026-12-08"); // the date rules/catalog.yaml describes the law as of
  const [csl37] = byText(r, "CSL Art. 37 (2017)");
  expect(csl37?.status).toBe("renumbered");
  expect(csl37?.message).toContain("CSL Art. 37 (2017) is Art. 39 in the 2026 text");
  expect(csl37?.now?.href).toBe("/laws/cybersecurity-law/2026-01-01/art-39");

  const [wrongFine, rightMultiple] = byText(r, "CSL Art. 64 (2017)");
  expect(wrongFine?.status).toBe("deleted");
  expect(wrongFine?.figures[0]?.status).toBe("figure-differs");
  expect(wrongFine?.figures[0]?.message).toContain("up to RMB 1,000,000 if there are no illegal gains");
  expect(wrongFine?.figures[0]?.textSays.some((f) => f.bearer === "entity" && f.max === 1000000)).toBe(true);
  expect(rightMultiple?.figures[0]?.status).toBe("figure-matches");
  expect(rightMultiple?.figures[0]?.matches.some((f) => f.bearer === "entity" && f.min === 1 && f.max === 10)).toBe(true);

  expect(byText(r, "网络安全法第九十条")[0]?.status).toBe("no-such-article");

  const [pipl5, pipl10] = byText(r, "PIPL Art. 66");
  expect(pipl5?.status).toBe("ok");
  expect(pipl5?.figures.map((f) => f.status)).toEqual(["figure-matches"]);
  expect(pipl5?.figures[0]?.matches[0]).toMatchObject({ bearer: "entity", unit: "percent", max: 5, tier: "serious" });
  expect(pipl10?.figures.map((f) => f.status)).toEqual(["figure-differs"]);
  expect(pipl10?.figures[0]?.message).toContain("the text says up to 5% of the previous year's turnover");
  const zh = byText(r, "《个人信息保护法》第六十六条第二款")[0];
  expect(zh?.status).toBe("ok");
  expect(zh?.figures[0]).toMatchObject({ status: "figure-matches", text: "五千万元以下", max: 50000000 });

  expect(byText(r, "PIPL Art. 66 para. 3")[0]?.status).toBe("no-such-paragraph");
  expect(byText(r, "CSL Art. 54(5) (2017)")[0]?.status).toBe("no-such-item");
  const ambiguous = byText(r, "Article 37 of the Cybersecurity Law")[0];
  expect(ambiguous?.status).toBe("ambiguous");
  expect(ambiguous?.choices?.map((ch) => ch.article.label).sort()).toEqual(["CSL Art. 37 (2017)", "CSL Art. 37 (2026)"]);
  expect(byText(r, "《电子商务法》第十条")[0]?.status).toBe("unknown-instrument");
  expect(byText(r, "《刑法》第二百八十七条之二")[0]).toMatchObject({ status: "ok", article: { number: "287-2" } });
  const deleted = byText(r, "CSL Art. 66 (2017)")[0];
  expect(deleted?.status).toBe("deleted");
  expect(deleted?.message).toContain("Art. 71");
  expect(r.summary["figure-matches"]).toBe(3);
  expect(r.summary["figure-differs"]).toBe(2);
}

