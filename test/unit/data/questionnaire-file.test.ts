// rules/questionnaire.yaml is validated like every rules file: a strict schema, then
// cross-checks against the actors and provisions, each problem at its file and line.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validateRules } from "../../../src/data/load-rules.js";
import { formatProblem } from "../../../src/data/problems.js";
import { FIXTURE_RULES } from "../../helpers/test-app.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function problemsWith(edit: (yaml: string) => string | undefined): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "rules-q-"));
  dirs.push(dir);
  await cp(FIXTURE_RULES, dir, { recursive: true });
  const file = path.join(dir, "questionnaire.yaml");
  const next = edit(await readFile(file, "utf8"));
  if (next === undefined) await rm(file);
  else await writeFile(file, next);
  return (await validateRules(dir)).problems.map(formatProblem);
}

describe("rules/questionnaire.yaml", () => {
  it("loads the fixture questionnaire into the catalog", async () => {
    const { catalog, problems } = await validateRules(FIXTURE_RULES);
    expect(problems).toEqual([]);
    expect(catalog?.questionnaire.groups.map((g) => g.id)).toEqual(["services", "infrastructure"]);
  });

  it("is optional: without it there are no questions and no general actors", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rules-q-"));
    dirs.push(dir);
    await cp(FIXTURE_RULES, dir, { recursive: true });
    await rm(path.join(dir, "questionnaire.yaml"));
    const { catalog } = await validateRules(dir);
    expect(catalog?.questionnaire).toEqual({ generalActors: [], groups: [] });
  });

  it.each([
    ["an unknown actor", (y: string) => y.replace("{ actor: telecom-operator }", "{ actor: telco }"), /questionnaire\.yaml:\d+ groups\[0\]\.questions\[0\]\.options\[1\]\.roles\[0\]\.actor: unknown actor "telco"/],
    ["an unknown general actor", (y: string) => y.replace("generalActors: [anyone,", "generalActors: [everyone,"), /questionnaire\.yaml:2 generalActors\[0\]: unknown actor "everyone"/],
    ["a defining provision that does not exist", (y: string) => y.replace("definedBy: cybersecurity-law/p39 }] }\n          - { value: unknown", "definedBy: cybersecurity-law/p999 }] }\n          - { value: unknown"), /options\[0\]\.roles\[0\]\.definedBy: no provision "cybersecurity-law\/p999"/],
    ["a don't-know answer without the provision that defines its role", (y: string) => y.replace("review: true, roles: [{ actor: cii-operator, definedBy: cybersecurity-law/p39 }]", "review: true, roles: [{ actor: cii-operator }]"), /options\[1\]\.roles\[0\]\.definedBy: is required for an uncertain answer/],
    ["a role without the fact that explains it", (y: string) => y.replace("fact: you provide telecommunications services, ", ""), /options\[1\]\.fact: is required when the answer brings roles/],
    ["a question named like a register parameter", (y: string) => y.replace("id: cii\n", "id: sort\n"), /questions\[0\]\.id: "sort" is a parameter of the register already/],
    ["a duplicate answer", (y: string) => y.replace("value: banking", "value: telecoms"), /options\[2\]\.value: duplicate answer "telecoms"/],
    ["a misspelt key", (y: string) => y.replace("choose: one", "chose: one"), /questionnaire\.yaml:\d+ groups\[1\]\.questions\[0\]/],
    ["a follow-up of a question that does not come first", (y: string) => y.replace("choose: one\n", "choose: one\n        followUp: { question: servise, answers: [network] }\n"), /groups\[1\]\.questions\[0\]\.followUp\.question: no earlier question "servise"/],
    ["a follow-up of an answer the question does not have", (y: string) => y.replace("choose: one\n", "choose: one\n        followUp: { question: service, answers: [cloud] }\n"), /groups\[1\]\.questions\[0\]\.followUp\.answers\[0\]: question "service" has no answer "cloud"/],
  ])("rejects %s, naming the file, line and path", async (_name, edit, expected) => {
    const problems = await problemsWith(edit);
    expect(problems.join("\n")).toMatch(expected);
  });
});
