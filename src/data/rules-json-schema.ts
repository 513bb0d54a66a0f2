// JSON Schemas of the rules files, generated from the same Zod schemas the loader validates
// with, for editors (YAML language servers) and for anyone checking rules outside this code.
// Served at /data/*.schema.json; `npm run schema` writes them to rules/schema/.
import { z } from "zod";
import { QuestionnaireFile } from "../domain/questionnaire-schema.js";
import { ActorsFile, CatalogMeta, GlossaryFile, Instrument } from "../domain/rules-schema.js";

export const RULES_SCHEMAS = {
  "rules.schema.json": { schema: Instrument, title: "An instrument file of rules/ (one law, regulation, interpretation or draft)" },
  "actors.schema.json": { schema: ActorsFile, title: "rules/actors.yaml: the actor hierarchy" },
  "glossary.schema.json": { schema: GlossaryFile, title: "rules/glossary.yaml: search and glossary terms" },
  "catalog.schema.json": { schema: CatalogMeta, title: "rules/catalog.yaml: data version and as-of date" },
  "questionnaire.schema.json": { schema: QuestionnaireFile, title: "rules/questionnaire.yaml: the company questionnaire and the roles its answers bring" },
} as const;

export type RulesSchemaName = keyof typeof RULES_SCHEMAS;

export function rulesJsonSchema(name: RulesSchemaName, origin: string): Record<string, unknown> {
  const { schema, title } = RULES_SCHEMAS[name];
  // "input": what an editor writes (defaults optional, article numbers as string or number).
  const generated = z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `${origin}/data/${name}`, title, description: "Generated from src/domain/rules-schema.ts. The loader also checks what a schema cannot: cross-references, version dates, min ≤ max (npm run validate).", ...rest };
}
