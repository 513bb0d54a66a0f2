// The one loader for everything: the server, `npm run validate`, `npm run catalog` and the
// tests. It reads every file in rules/, validates each against its schema, checks every
// cross-reference, and either returns a frozen catalog or throws with every problem found.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { Catalog } from "../domain/catalog.js";
import { QuestionnaireFile } from "../domain/questionnaire-schema.js";
import { ActorsFile, CatalogMeta, GlossaryFile, Instrument } from "../domain/rules-schema.js";
import { buildCatalog } from "./build-catalog.js";
import { checkQuestionnaire } from "./check-questionnaire.js";
import { checkReferences } from "./check-references.js";
import { RulesInvalidError, type RulesProblem } from "./problems.js";
import { rulesData, type Parsed, type ParsedRules, type RulesData } from "./parsed-rules.js";
import { problemAt, readYamlFile, type ReadBytes, type YamlFile } from "./yaml-file.js";

export interface LoadOptions {
  readFile?: ReadBytes; // how a file's bytes are read (tests inject failures)
}

const SPECIAL_FILES = new Set(["actors.yaml", "glossary.yaml", "catalog.yaml"]);
const OPTIONAL_FILES = new Set(["questionnaire.yaml"]);

/** Loads and validates rules/ (or another folder); throws RulesInvalidError listing every problem. */
export async function loadRules(rulesDir: string, options: LoadOptions = {}): Promise<Catalog> {
  const { catalog, problems } = await validateRules(rulesDir, options);
  if (!catalog) throw new RulesInvalidError(problems);
  return catalog;
}

/** The catalog and the validated values it was built from (data), or the problems found. */
export async function validateRules(rulesDir: string, options: LoadOptions = {}): Promise<{ catalog?: Catalog; data?: RulesData; problems: RulesProblem[] }> {
  const problems: RulesProblem[] = [];
  const display = (name: string) => path.join(path.relative(process.cwd(), rulesDir) || ".", name);
  let names: string[];
  try {
    names = (await readdir(rulesDir)).filter((n) => n.endsWith(".yaml") || n.endsWith(".yml")).sort();
  } catch (e) {
    return { problems: [{ file: rulesDir, path: "", message: `cannot read the rules folder: ${(e as Error).message}` }] };
  }
  for (const required of SPECIAL_FILES) {
    if (!names.includes(required)) problems.push({ file: display(required), path: "", message: "file is missing" });
  }

  const parseWith = async <S extends z.ZodType>(name: string, schema: S): Promise<Parsed<z.infer<S>> | undefined> => {
    try {
      const file = await readYamlFile(path.join(rulesDir, name), display(name), options.readFile);
      problems.push(...file.problems);
      if (file.problems.length > 0) return undefined;
      const result = schema.safeParse(file.value);
      if (!result.success) {
        for (const issue of result.error.issues.flatMap((i) => unwrapUnion(i))) {
          // Point an unknown key at its own line, not at the object that holds it.
          const at = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...issue.path, issue.keys[0] as string] : issue.path;
          problems.push(problemAt(file, at, describeIssue(issue, valueAt(file.value, issue.path))));
        }
        return undefined;
      }
      return { file, value: result.data };
    } catch (e) {
      // A reader or schema that throws must still end as one line naming the file, never a stack.
      problems.push({ file: display(name), path: "", message: `cannot be read: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` });
      return undefined;
    }
  };

  const meta = names.includes("catalog.yaml") ? await parseWith("catalog.yaml", CatalogMeta) : undefined;
  const actors = names.includes("actors.yaml") ? await parseWith("actors.yaml", ActorsFile) : undefined;
  const glossary = names.includes("glossary.yaml") ? await parseWith("glossary.yaml", GlossaryFile) : undefined;
  const instruments: Parsed<Instrument>[] = [];
  const questionnaire = names.includes("questionnaire.yaml") ? await parseWith("questionnaire.yaml", QuestionnaireFile) : undefined;
  const unloaded = new Map<string, string>();
  for (const name of names.filter((n) => !SPECIAL_FILES.has(n) && !OPTIONAL_FILES.has(n))) {
    const parsed = await parseWith(name, Instrument);
    if (!parsed) {
      unloaded.set(name.replace(/\.ya?ml$/, ""), display(name));
      continue;
    }
    const expected = name.replace(/\.ya?ml$/, "");
    if (parsed.value.id !== expected) {
      problems.push(problemAt(parsed.file, ["id"], `must equal the file name "${expected}" (one file per instrument, named by its id)`));
    }
    instruments.push(parsed);
  }
  if (!meta || !actors || !glossary) {
    const missing = [!meta && "catalog.yaml", !actors && "actors.yaml", !glossary && "glossary.yaml"].filter(Boolean).join(", ");
    problems.push({ file: display(""), path: "", message: `cross-references were not checked: ${missing} did not load` });
    return { problems };
  }
  if (names.includes("questionnaire.yaml") && !questionnaire) return { problems };

  const rules: ParsedRules = { meta, actors, glossary, instruments, questionnaire, unloaded };
  problems.push(...checkReferences(rules));
  if (questionnaire) {
    const actorIds = new Set(actors.value.map((a) => a.id));
    const provisionKeys = new Set(instruments.flatMap(({ value }) => value.provisions.map((p) => `${value.id}/${p.id}`)));
    problems.push(...checkQuestionnaire(questionnaire.value, questionnaire.file, actorIds, provisionKeys, rules.unloaded));
  }
  if (problems.length > 0) return { problems };
  const data = rulesData(rules);
  return { catalog: buildCatalog(data), data, problems };
}

// A plain YAML number too large for a double (1e400) is read as a string, not Infinity.
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function describeIssue(issue: z.core.$ZodIssue, given: unknown): string {
  if (issue.code === "invalid_type" && issue.expected === "number" && typeof given === "string" && NUMBER_LIKE.test(given.trim()) && !Number.isFinite(Number(given.replace(/_/g, "")))) {
    return `${given.length > 24 ? `${given.slice(0, 24)}…` : given} is too large a number (the largest is about 1.8e308)`;
  }
  if (issue.code === "unrecognized_keys") return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_value") return `must be one of: ${issue.values.map(String).join(", ")}`;
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) return `is required (${issue.expected})`;
  return issue.message;
}

function valueAt(root: unknown, at: ReadonlyArray<PropertyKey>): unknown {
  let cur = root;
  for (const key of at) cur = cur !== null && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  return cur;
}

/**
 * A value that matches no branch of a union (a sanction, or a oneOf choice of sanctions) is
 * reported through the branch it came closest to, so the editor reads "kind: invalid option"
 * rather than "Invalid input".
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || !("errors" in issue) || issue.errors.length === 0) return [issue];
  const branches = issue.errors as z.core.$ZodIssue[][];
  const closest = branches.reduce((best, b) => (b.length < best.length ? b : best));
  if (closest.length === 0) return [issue];
  return closest.flatMap((i) => unwrapUnion({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}
