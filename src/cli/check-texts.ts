// npm run check:texts -- DIR: every structured figure, article number and `enforces` link in
// rules/ checked against the official texts in DIR (default: LAW_TEXTS_DIR). Prints a table
// per instrument and version, then every contradiction as
//   rules/file.yaml:line provision path: rules say X, text says Y
// Exit 1 on any contradiction, on a text that cannot be parsed, or when DIR is not a folder.
import { stat } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { formatProblem } from "../data/problems.js";
import { validateRules } from "../data/load-rules.js";
import { checkFigures, formatFiguresReport } from "../texts/check-figures.js";
import { checkTextCoverage } from "../texts/check-text-coverage.js";
import { loadLawTexts } from "../texts/load-law-texts.js";
import { rulesLines } from "../texts/rules-lines.js";

const config = loadConfig();
const dir = process.argv[2] ?? config.lawTextsDir;
if (!dir || !(await stat(dir).then((s) => s.isDirectory(), () => false))) {
  console.error(`check:texts: ${dir ? `"${dir}" is not a folder` : "name the folder of official texts: npm run check:texts -- DIR (or set LAW_TEXTS_DIR)"}`);
  process.exit(1);
}
const { catalog, problems } = await validateRules(config.rulesDir);
if (!catalog) {
  for (const p of problems) console.error(formatProblem(p));
  console.error("check:texts: the rules do not validate (npm run validate)");
  process.exit(1);
}
const texts = await loadLawTexts(dir, catalog);
const lines = rulesLines(config.rulesDir);
// Texts that cannot be parsed, and paragraph or item counts that are not the text's (an article
// the text lacks is a contradiction of the report below).
const structure = await checkTextCoverage(catalog, texts, lines, { missingArticles: false });
for (const p of structure) console.error(formatProblem(p));
const report = await checkFigures(catalog, texts, lines);
console.log(`check:texts: the figures in ${config.rulesDir} against the official texts in ${dir}\n`);
console.log(formatFiguresReport(report));
if (report.contradictions.length > 0 || structure.length > 0) process.exit(1);
