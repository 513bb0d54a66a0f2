// npm run validate: checks every file in rules/ and prints every problem as
// file:line path: message, or the counts when all is well. Exit 1 on any problem.
import { loadConfig } from "../config.js";
import { countCatalog } from "../domain/catalog-counts.js";
import { validateRules } from "../data/load-rules.js";
import { formatProblem } from "../data/problems.js";

const dir = process.argv[2] ?? loadConfig().rulesDir;
const { catalog, problems } = await validateRules(dir);
if (!catalog) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`validate: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}`);
  process.exit(1);
}
const c = countCatalog(catalog);
console.log(
  `validate: ok — ${c.instruments} instruments, ${c.versions} versions, ${c.provisions} provisions, ${c.obligations} obligations, ${c.tiers} penalty tiers, ${c.sanctions} sanctions, ${c.actors} actors, ${c.terms} glossary terms`,
);
