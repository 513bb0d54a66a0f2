// npm run validate: checks every file in rules/ and prints every problem as
// file:line path: message, or the counts when all is well. Exit 1 on any problem.
import { loadConfig } from "../config.js";
import { countCatalog } from "../domain/catalog-counts.js";
import { validateRules } from "../data/load-rules.js";
import { formatProblem } from "../data/problems.js";
import { checkTextCoverage } from "../texts/check-text-coverage.js";
import { loadLawTexts } from "../texts/load-law-texts.js";
import { rulesLines } from "../texts/rules-lines.js";

const config = loadConfig();
const dir = process.argv[2] ?? config.rulesDir;
const { catalog, problems } = await validateRules(dir);
// With LAW_TEXTS_DIR set, the official texts too: each parses, and has every article the rules number.
if (catalog && config.lawTextsDir) {
  const texts = await loadLawTexts(config.lawTextsDir, catalog);
  const textProblems = await checkTextCoverage(catalog, texts, rulesLines(dir));
  for (const p of textProblems) console.error(formatProblem(p));
  const named = catalog.instruments.flatMap((i) => i.versions).filter((v) => v.text).length;
  console.log(`validate: official texts — ${texts.loaded} of ${named} named texts loaded from ${config.lawTextsDir}`);
  if (textProblems.length > 0) {
    console.error(`validate: the rules are valid, but ${textProblems.length} problem${textProblems.length === 1 ? "" : "s"} with the official texts in ${config.lawTextsDir}`);
    process.exit(1);
  }
}
if (!catalog) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`validate: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}`);
  process.exit(1);
}
const c = countCatalog(catalog);
console.log(
  `validate: ok — ${c.instruments} instruments, ${c.versions} versions, ${c.provisions} provisions, ${c.obligations} obligations, ${c.tiers} penalty tiers, ${c.sanctions} sanctions, ${c.actors} actors, ${c.terms} glossary terms`,
);
