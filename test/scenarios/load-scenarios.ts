// Reads every test/scenarios/*.yaml file and validates it with the scenario schema. A file that
// does not validate is reported with every problem; its scenarios are not run.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { ScenarioFile, type Scenario } from "./scenario-schema.js";

export const SCENARIO_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
}

export interface ScenarioSet {
  scenarios: LoadedScenario[];
  problems: string[]; // "file: path: message", every one
}

export function loadScenarios(dir = SCENARIO_DIR): ScenarioSet {
  const scenarios: LoadedScenario[] = [];
  const problems: string[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  for (const file of files) {
    let raw: unknown;
    try {
      // The core schema: dates stay strings, and "yes" and "no" (questionnaire answers) stay words.
      raw = yaml.load(fs.readFileSync(path.join(dir, file), "utf8"), { schema: yaml.CORE_SCHEMA });
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
      continue;
    }
    const parsed = ScenarioFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = issue.path.length > 0 ? issue.path.join(".") : "(file)";
        const id = typeof issue.path[0] === "number" && Array.isArray(raw) ? ` (${(raw[issue.path[0]] as { id?: string })?.id ?? "no id"})` : "";
        problems.push(`${file}: ${at}${id}: ${issue.message}`);
      }
      continue;
    }
    for (const scenario of parsed.data) scenarios.push({ file, scenario });
  }
  const seen = new Map<string, string>();
  for (const { file, scenario } of scenarios) {
    const other = seen.get(scenario.id);
    if (other) problems.push(`${file}: scenario id ${scenario.id} is also used in ${other}`);
    seen.set(scenario.id, file);
  }
  return { scenarios, problems };
}

/** The instrument a scenario is counted under: the one its first basis names. */
export function scenarioInstrument(s: Scenario): string {
  return (s.basis[0] as string).split(" ")[0] as string;
}
