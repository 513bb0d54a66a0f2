// npm run --silent catalog: the whole validated catalog as JSON on standard output.
import { loadConfig } from "../config.js";
import { catalogDocument } from "../data/catalog-document.js";
import { validateRules } from "../data/load-rules.js";
import { formatProblem } from "../data/problems.js";

const { catalog, problems } = await validateRules(process.argv[2] ?? loadConfig().rulesDir);
if (!catalog) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(catalogDocument(catalog), null, 2)}\n`);
