// npm run schema: writes the JSON Schemas of the rules files to rules/schema/, where editors
// find them (see rules/README.md). A test fails when the committed copies are out of date.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";
import { RULES_SCHEMAS, rulesJsonSchema, type RulesSchemaName } from "../data/rules-json-schema.js";

export const SCHEMA_DIR = path.join(PROJECT_ROOT, "rules", "schema");
export const SCHEMA_ORIGIN = "https://china-law-explorer.invalid"; // $id base of the committed copies

export function schemaFileText(name: RulesSchemaName): string {
  return `${JSON.stringify(rulesJsonSchema(name, SCHEMA_ORIGIN), null, 2)}\n`;
}

async function main(): Promise<void> {
  await mkdir(SCHEMA_DIR, { recursive: true });
  for (const name of Object.keys(RULES_SCHEMAS) as RulesSchemaName[]) {
    await writeFile(path.join(SCHEMA_DIR, name), schemaFileText(name));
    process.stdout.write(`wrote rules/schema/${name}\n`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
