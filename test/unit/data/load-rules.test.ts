import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadRules, validateRules } from "../../../src/data/load-rules.js";
import { formatProblem, RulesInvalidError } from "../../../src/data/problems.js";
import { FIXTURE_RULES } from "../../helpers/test-app.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** The fixture rules with one file replaced or added. */
async function rulesWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "rules-"));
  dirs.push(dir);
  await cp(FIXTURE_RULES, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const HEAD = `id: bad
title: { en: Bad Law, zh: 坏法 }
short: { en: BL }
kind: law
draft: false
issuer: { en: NPCSC }
dates: { adopted: 2016-01-01, inForce: 2016-06-01 }
status: in-force
summary: A fixture.
sources: [{ doc: 002_f153fa18b756d0f6, note: 1 }]
versions:
  - { id: 2016-06-01, readFrom: official, label: first }
`;

const provision = (body: string) => `${HEAD}provisions:\n  - id: p1\n    numbers: { 2016-06-01: "1" }\n    heading: { en: One }\n    summary: S.\n    confidence: high\n${body}`;

// [case, file, content, expected "file:line path: message" fragment]
const CASES: [string, string, string, RegExp][] = [
  ["bad YAML", "bad.yaml", `${HEAD}provisions: [\n`, /bad\.yaml:\d+: YAML: /],
  ["wrong type", "bad.yaml", HEAD.replace("draft: false", "draft: maybe"), /bad\.yaml:5 draft: /],
  ["unknown key", "bad.yaml", `${HEAD}colour: red\n`, /bad\.yaml:13 colour: unknown key "colour"/],
  ["unknown kind", "bad.yaml", HEAD.replace("kind: law", "kind: decree"), /bad\.yaml:4 kind: must be one of: law, /],
  ["missing required field", "bad.yaml", HEAD.replace("summary: A fixture.\n", ""), /bad\.yaml:\d+ summary: is required/],
  ["id differs from file name", "other.yaml", HEAD, /other\.yaml:1 id: must equal the file name "other"/],
  ["unknown actor", "bad.yaml", provision("    obligations:\n      - { id: o, actors: [cii], theme: reporting, duty: D. }\n"), /bad\.yaml:20 provisions\[0\]\.obligations\[0\]\.actors\[0\]: unknown actor "cii"/],
  ["notFor naming an actor that is no kind of the bearer", "bad.yaml", provision("    obligations:\n      - { id: o, actors: [cii-operator], notFor: [telecom-operator], theme: reporting, duty: D. }\n"), /bad\.yaml:20 provisions\[0\]\.obligations\[0\]\.notFor\[0\]: "telecom-operator" is not a kind of any bearer \(cii-operator\)/],
  ["unknown theme", "bad.yaml", provision("    obligations:\n      - { id: o, actors: [anyone], theme: snacks, duty: D. }\n"), /bad\.yaml:20 provisions\[0\]\.obligations\[0\]\.theme: must be one of/],
  ["dangling enforces link", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        enforces: [p99]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /bad\.yaml:22 provisions\[0\]\.penalties\[0\]\.enforces\[0\]: no provision "bad\/p99"/],
  ["dangling related link", "bad.yaml", provision("    related: [cybersecurity-law/p999]\n"), /bad\.yaml:19 provisions\[0\]\.related\[0\]: no provision "cybersecurity-law\/p999"/],
  ["min greater than max", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: fine, min: 500000, max: 50000, unit: CNY }]\n"), /bad\.yaml:22 provisions\[0\]\.penalties\[0\]\.sanctions\[0\]\.max: must be ≥ min \(500000\)/],
  ["amount without unit", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: fine, min: 5 }]\n"), /sanctions\[0\]\.unit: is required when min or max is given/],
  ["wrong unit for kind", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: fine, max: 5, unit: days }]\n"), /sanctions\[0\]\.unit: a fine is measured in CNY or multiple or percent, not days/],
  ["pinpoint to a paragraph the article does not have", "bad.yaml", provision("    paragraphs: 2\n    penalties:\n      - id: t\n        trigger: T.\n        enforces: [p1.3]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /bad\.yaml:\d+ provisions\[0\]\.penalties\[0\]\.enforces\[0\]: p1\.3: Art\. 1 has 2 paragraphs in version 2016-06-01, not 3/],
  ["pinpoint into an article with no paragraph count", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        enforces: [p1.1]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /enforces\[0\]: p1\.1: p1 gives no paragraph count for version 2016-06-01/],
  ["item beyond the paragraph's items", "bad.yaml", provision("    paragraphs: 1\n    items: { 1: 2 }\n    penalties:\n      - id: t\n        trigger: T.\n        enforces: [p1.1.4]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /p1\.1\.4: paragraph 1 of Art\. 1 has 2 items, not 4/],
  ["multiple without a base", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: fine, min: 1, max: 5, unit: multiple }]\n"), /sanctions\[0\]\.base: is required with unit multiple/],
  ["escalation from an unknown tier", "bad.yaml", provision("    penalties:\n      - id: t\n        escalates: basic\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /penalties\[0\]\.escalates: no tier "basic" in this provision/],
  ["escalation from a later tier", "bad.yaml", provision("    penalties:\n      - id: a\n        escalates: b\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: warning }]\n      - id: b\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /escalates: tier "b" must come before the tier that escalates from it/],
  ["tier that punishes none of the bearers of a duty it enforces", "bad.yaml", provision("    obligations:\n      - { id: o, actors: [telecom-operator], theme: reporting, duty: D. }\n    penalties:\n      - id: t\n        trigger: T.\n        enforces: [p1]\n        punishes: [financial-institution]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /provisions\[0\]\.penalties\[0\]\.enforces\[0\]: p1 reaches duty "o" \(telecom-operator\), but the tier punishes financial-institution/],
  ["tier that enforces a duty without saying whom it punishes", "bad.yaml", provision("    obligations:\n      - { id: o, actors: [anyone], theme: reporting, duty: D. }\n    penalties:\n      - id: t\n        trigger: T.\n        enforces: [p1]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /provisions\[0\]\.penalties\[0\]\.punishes: is required with enforces/],
  ["unknown actor punished", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        punishes: [bank]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /penalties\[0\]\.punishes\[0\]: unknown actor "bank"/],
  ["link to an obligation the article does not have", "bad.yaml", provision("    obligations:\n      - { id: o, actors: [anyone], theme: reporting, duty: D. }\n    penalties:\n      - id: t\n        trigger: T.\n        enforces: [p1#other]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /enforces\[0\]: p1#other: no obligation "other" in bad\/p1/],
  ["formerly naming an article of another instrument", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        formerly: [cybersecurity-law/p66]\n        sanctions: [{ bearer: entity, kind: warning }]\n"), /penalties\[0\]\.formerly\[0\]: formerly names an article of an earlier text of the same instrument/],
  ["misspelt kind inside a choice", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions:\n          - oneOf: [{ bearer: entity, kind: warnin }, { bearer: entity, kind: order-to-stop }]\n"), /sanctions\[0\]\.oneOf\[0\]\.kind: must be one of: warning/],
  ["manager group on another bearer", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, who: persons-in-charge, kind: warning }]\n"), /sanctions\[0\]\.who: names a group of managers: only with bearer managers/],
  ["an object on a sanction that acts on no thing", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: fine, max: 5, unit: CNY, object: { en: the app } }]\n"), /sanctions\[0\]\.object: names the thing a sanction acts on: only with .*not fine/],
  ["an object on an individual's sanction", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: individual, kind: suspension-of-business, object: { en: the app } }]\n"), /sanctions\[0\]\.object: names a thing of the entity punished: only with bearer entity/],
  ["a daily charge with no amount", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: late-fine-surcharge, per: day }]\n"), /sanctions\[0\]\.per: charges an amount for each day: give the amount/],
  ["a cap on an amount not charged by the day", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: late-fine-surcharge, max: 3, unit: percent, base: fine-amount, upTo: fine-amount }]\n"), /sanctions\[0\]\.upTo: caps an amount charged each day: only with per/],
  ["condition without an amount", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: entity, kind: warning, if: { gains: none } }]\n"), /sanctions\[0\]\.if: makes an amount conditional/],
  ["a threshold counted in the wrong unit", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        thresholds: [{ measure: views, atLeast: 5000, unit: CNY }]\n        sanctions: [{ bearer: individual, kind: criminal-liability }]\n"), /penalties\[0\]\.thresholds\[0\]\.unit: views is counted in times or multiple, not CNY/],
  ["a threshold given twice for one bearer", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        thresholds: [{ measure: illegal-gains, bearer: entity, atLeast: 50000, unit: CNY }, { measure: illegal-gains, bearer: entity, atLeast: 20000, unit: CNY }]\n        sanctions: [{ bearer: entity, kind: criminal-liability }]\n"), /thresholds\[1\]\.measure: illegal-gains \(entity\) is given twice/],
  ["a multiple threshold on a tier that escalates from none", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        thresholds: [{ measure: business-volume, atLeast: 5, unit: multiple }]\n        sanctions: [{ bearer: individual, kind: criminal-liability }]\n"), /thresholds\[0\]\.unit: a multiple is of the threshold of the tier this one escalates from/],
  ["a multiple of a threshold the lower tier does not state", "bad.yaml", provision("    penalties:\n      - id: a\n        trigger: T.\n        thresholds: [{ measure: business-volume, bearer: individual, atLeast: 50000, unit: CNY }]\n        sanctions: [{ bearer: individual, kind: criminal-liability }]\n      - id: b\n        escalates: a\n        trigger: T.\n        thresholds: [{ measure: business-volume, bearer: entity, atLeast: 5, unit: multiple }]\n        sanctions: [{ bearer: entity, kind: criminal-liability }]\n"), /penalties\[1\]\.thresholds\[0\]\.unit: tier "a" states no business-volume threshold for entity to take a multiple of/],
  ["a practice suspension counted in days", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: [{ bearer: individual, kind: practice-suspension, max: 30, unit: days }]\n"), /sanctions\[0\]\.unit: a practice-suspension is measured in months or years, not days/],
  ["a tier with no sanction and no referral", "bad.yaml", provision("    penalties:\n      - id: t\n        trigger: T.\n        sanctions: []\n"), /penalties\[0\]\.sanctions: must list at least one sanction, or name the article whose sanctions apply in refersTo/],
  ["an instrument with no source and not marked beyond the sources", "bad.yaml", HEAD.replace(/sources:.*\n/, "sources: []\n"), /bad\.yaml:\d+ sources: must cite at least one source document/],
  ["high confidence for an article read only from a reproduction", "bad.yaml", HEAD.replace("readFrom: official", "readFrom: reproduction") + "provisions:\n  - id: p1\n    numbers: { 2016-06-01: \"1\" }\n    heading: { en: One }\n    summary: S.\n    confidence: high\n", /provisions\[0\]\.confidence: is "high", but no text this article is in was read from an official text \(2016-06-01: reproduction\)/],
  ["a working note shown to readers", "bad.yaml", provision("    confidenceNote: Checked against the copy in law-texts.\n"), /provisions\[0\]\.confidenceNote: reads as a working note \("law-texts"\)/],
  ["a working note on an official source", "bad.yaml", HEAD.replace("summary: A fixture.\n", 'summary: A fixture.\nofficial: [{ url: "https://example.org/", title: T, note: "Found with the search tool." }]\n'), /official\[0\]\.note: reads as a working note \("search tool"\)/],
  ["a guess shown to readers", "bad.yaml", HEAD.replace("summary:", "statusNote: Presumably in force.\nsummary:"), /statusNote: reads as a working note \("Presumably"\)/],
  ["duplicate provision id", "bad.yaml", `${provision("")}  - id: p1\n    numbers: { 2016-06-01: "2" }\n    heading: { en: Two }\n    summary: S.\n    confidence: high\n`, /bad\.yaml:19 provisions\[1\]\.id: duplicate provision id "p1"/],
  ["duplicate number in a version", "bad.yaml", `${provision("")}  - id: p2\n    numbers: { 2016-06-01: "1" }\n    heading: { en: Two }\n    summary: S.\n    confidence: high\n`, /provisions\[1\]\.numbers\.2016-06-01: Art\. 1 of version 2016-06-01 is already provision "p1"/],
  ["number in a missing version", "bad.yaml", provision("").replace('numbers: { 2016-06-01: "1" }', 'numbers: { 2016-06-01: "1", 2020-01-01: "2" }'), /bad\.yaml:15 provisions\[0\]\.numbers\.2020-01-01: unknown version "2020-01-01"/],
  ["date order", "bad.yaml", HEAD.replace("inForce: 2016-06-01", "inForce: 2015-06-01"), /bad\.yaml:7 dates\.inForce: 2015-06-01 is before adopted \(2016-01-01\)/],
  ["script URL in a link", "bad.yaml", provision('    web: [{ url: "javascript:alert(1)", title: T }]\n'), /bad\.yaml:\d+ provisions\[0\]\.web\[0\]\.url: must be an http:\/\/ or https:\/\/ URL/],
  ["data URL as a version's official text", "bad.yaml", HEAD.replace("label: first }", 'label: first, official: "data:text/html,x" }'), /bad\.yaml:\d+ versions\[0\]\.official: must be an http:\/\/ or https:\/\/ URL/],
  ["impossible date", "bad.yaml", HEAD.replace("adopted: 2016-01-01", "adopted: 2016-02-30"), /bad\.yaml:7 dates\.adopted: is not a real calendar date/],
  ["versions out of order", "bad.yaml", HEAD.replace("  - { id: 2016-06-01, readFrom: official, label: first }\n", "  - { id: 2016-06-01, readFrom: official, label: first }\n  - { id: 2010-01-01, readFrom: official, label: older }\n"), /bad\.yaml:11 versions: versions must be listed oldest first/],
  ["draft reported as in force", "bad.yaml", HEAD.replace("draft: false", "draft: true"), /bad\.yaml:8 status: a draft must have status draft-pending, never-adopted or replaced/],
  ["lineage id not minted from first number", "bad.yaml", provision("").replace("  - id: p1\n", "  - id: p7\n"), /provisions\[0\]\.id: a lineage id is minted from the first number: expected p1/],
  ["low confidence without a note", "bad.yaml", provision("").replace("confidence: high", "confidence: low"), /provisions\[0\]\.confidenceNote: is required when confidence is "low"/],
  ["unknown source document", "bad.yaml", HEAD.replace("002_f153fa18b756d0f6", "999_0000000000000000"), /bad\.yaml:10 sources\[0\]\.doc: unknown source document/],
  ["unknown glossary term", "bad.yaml", provision("    terms: [unicorn]\n"), /provisions\[0\]\.terms\[0\]: no glossary term "unicorn"/],
  ["bad article number", "bad.yaml", provision("").replace('numbers: { 2016-06-01: "1" }', 'numbers: { 2016-06-01: "1a" }'), /provisions\[0\]\.numbers\.2016-06-01: must be an article number/],
  ["duplicate YAML key", "bad.yaml", HEAD.replace("draft: false", "draft: false\ndraft: true"), /bad\.yaml:\d+: YAML: Map keys must be unique/],
  ["actor hierarchy loop", "actors.yaml", "- { id: a, label: { en: A }, description: D, parents: [b] }\n- { id: b, label: { en: B }, description: D, parents: [a] }\n", /actors\.yaml:1 \[0\]\.parents: the hierarchy loops back to "a"/],
  ["unknown parent actor", "actors.yaml", "- { id: a, label: { en: A }, description: D, parents: [nobody] }\n", /actors\.yaml:1 \[0\]\.parents\[0\]: unknown actor "nobody"/],
];

describe("loading rules", () => {
  it("loads the fixture rules into a frozen catalog", async () => {
    const catalog = await loadRules(FIXTURE_RULES);
    expect(catalog.instruments.map((i) => i.id)).toEqual(["cybersecurity-law", "counterterrorism-law", "foundations-draft"]);
    expect(Object.isFrozen(catalog.provisions[0]?.data)).toBe(true);
    expect(catalog.provisionByKey.get("cybersecurity-law/p37")?.enforcedBy).toEqual(["cybersecurity-law/p66"]);
  });

  it.each(CASES)("reports %s at file, line and path", async (_name, file, content, expected) => {
    const dir = await rulesWith({ [file]: content });
    const { catalog, problems } = await validateRules(dir);
    expect(catalog).toBeUndefined();
    const lines = problems.map(formatProblem);
    expect(lines.some((l) => expected.test(l)), `expected ${expected} in:\n${lines.join("\n")}`).toBe(true);
  });

  it("reports every problem at once, not the first", async () => {
    const dir = await rulesWith({
      "bad.yaml": provision("    obligations:\n      - { id: o, actors: [ghost], theme: reporting, duty: D. }\n    related: [p404]\n"),
      "worse.yaml": HEAD.replace("id: bad", "id: worse").replace("kind: law", "kind: decree"),
    });
    const { problems } = await validateRules(dir);
    const lines = problems.map(formatProblem).join("\n");
    expect(lines).toContain('unknown actor "ghost"');
    expect(lines).toContain('no provision "bad/p404"');
    expect(lines).toContain("worse.yaml:4 kind");
  });

  it("refuses with an error listing the problems", async () => {
    const dir = await rulesWith({ "bad.yaml": HEAD.replace("kind: law", "kind: decree") });
    await expect(loadRules(dir)).rejects.toBeInstanceOf(RulesInvalidError);
  });
});
