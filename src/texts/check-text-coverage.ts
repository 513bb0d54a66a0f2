// What `npm run validate` checks when LAW_TEXTS_DIR is set: every text a version names parses,
// and every article number the rules give a provision in that version is an article of that
// version's text. Problems carry the file and line of the text or of the rules key.
import type { Catalog } from "../domain/catalog.js";
import type { RulesProblem } from "../data/problems.js";
import type { LawTexts } from "./load-law-texts.js";
import { textFileName } from "./load-law-texts.js";
import type { RulesLines } from "./rules-lines.js";

export async function checkTextCoverage(catalog: Catalog, texts: LawTexts, lines: RulesLines): Promise<RulesProblem[]> {
  const problems: RulesProblem[] = texts.problems.map((p) => ({ file: p.file, line: p.line, path: "", message: p.message }));
  for (const ins of catalog.instruments) {
    for (const v of ins.versions) {
      const text = texts.text(ins.id, v.id);
      if (!text || !v.text) continue;
      for (const p of ins.provisions) {
        const number = p.data.numbers[v.id];
        if (number === undefined || text.parsed.articleByNumber.has(number)) continue;
        const keyPath = ["provisions", ins.data.provisions.indexOf(p.data), "numbers", v.id];
        const at = await lines(ins.id, keyPath);
        problems.push({ ...at, path: `provisions[${keyPath[1]}].numbers.${v.id}`, message: `Art. ${number} is not an article of the official text ${textFileName(v.text)}` });
      }
    }
  }
  return problems;
}
