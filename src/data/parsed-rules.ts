// The rules as read and validated file by file, before the cross-references are checked and the
// catalog is built: what the loader hands to the reference check and the catalog builder.
import type { z } from "zod";
import type { QuestionnaireFile } from "../domain/questionnaire-schema.js";
import type { ActorsFile, CatalogMeta, GlossaryFile, Instrument } from "../domain/rules-schema.js";
import type { YamlFile } from "./yaml-file.js";

export interface Parsed<T> {
  file: YamlFile;
  value: T;
}

export interface ParsedRules {
  meta: Parsed<CatalogMeta>;
  actors: Parsed<z.infer<typeof ActorsFile>>;
  glossary: Parsed<z.infer<typeof GlossaryFile>>;
  instruments: Parsed<Instrument>[];
  questionnaire?: Parsed<QuestionnaireFile>; // optional: a rules folder without one has no /check questions
  unloaded: ReadonlyMap<string, string>; // instrument id → the file that did not load: references into it are not checked
}

/** The validated values alone, without their files: what the catalog is built from, and what a start-up snapshot stores (snapshot.ts). */
export interface RulesData {
  meta: CatalogMeta;
  actors: z.infer<typeof ActorsFile>;
  glossary: z.infer<typeof GlossaryFile>;
  instruments: Instrument[];
  questionnaire?: QuestionnaireFile;
}

export function rulesData(rules: ParsedRules): RulesData {
  return {
    meta: rules.meta.value,
    actors: rules.actors.value,
    glossary: rules.glossary.value,
    instruments: rules.instruments.map((i) => i.value),
    ...(rules.questionnaire ? { questionnaire: rules.questionnaire.value } : {}),
  };
}
