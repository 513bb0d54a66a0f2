// What `npm run validate` checks when LAW_TEXTS_DIR is set: every text a version names parses,
// and every article number the rules give a provision in that version is an article of that
// version's text. Problems carry the file and line of the text or of the rules key.
import type { Catalog } from "../domain/catalog.js";
import { formatPath, type RulesProblem } from "../data/problems.js";
import type { LawTexts } from "./load-law-texts.js";
import { textFileName } from "./load-law-texts.js";
import type { RulesLines } from "./rules-lines.js";

export async function checkTextCoverage(catalog: Catalog, texts: LawTexts, lines: RulesLines, options: { missingArticles?: boolean } = {}): Promise<RulesProblem[]> {
  const problems: RulesProblem[] = texts.problems.map((p) => ({ file: p.file, line: p.line, path: "", message: p.message }));
  for (const ins of catalog.instruments) {
    for (const v of ins.versions) {
      const text = texts.text(ins.id, v.id);
      if (!text || !v.text) continue;
      const name = textFileName(v.text);
      for (const p of ins.provisions) {
        const number = p.data.numbers[v.id];
        if (number === undefined) continue;
        const pi = ins.data.provisions.indexOf(p.data);
        const at = async (keyPath: (string | number)[], message: string) => problems.push({ ...(await lines(ins.id, ["provisions", pi, ...keyPath])), path: formatPath(["provisions", pi, ...keyPath]), message });
        const article = text.parsed.articleByNumber.get(number);
        if (!article) {
          if (options.missingArticles !== false) await at(["numbers", v.id], `Art. ${number} is not an article of the official text ${name}`);
          continue;
        }
        // The paragraph and item counts the rules give (for their pinpoints) are the text's.
        const declared = typeof p.data.paragraphs === "number" ? p.data.paragraphs : p.data.paragraphs?.[v.id];
        if (declared !== undefined && declared !== article.paragraphs.length) {
          await at(typeof p.data.paragraphs === "number" ? ["paragraphs"] : ["paragraphs", v.id], `Art. ${number} has ${article.paragraphs.length} paragraph${article.paragraphs.length === 1 ? "" : "s"} in ${name}, not ${declared}`);
        }
        for (const [para, count] of Object.entries(p.data.items ?? {})) {
          const found = article.paragraphs[Number(para) - 1]?.items.length ?? 0;
          if (found !== count) await at(["items", para], `Art. ${number} para. ${para} has ${found} item${found === 1 ? "" : "s"} in ${name}, not ${count}`);
        }
      }
    }
  }
  return problems;
}
