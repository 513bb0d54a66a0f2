// Variants of the fixture rules for tests that need one more fact, written to a temporary folder
// so that the other tests keep their fixture counts.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIXTURE_RULES } from "./test-app.js";

/** The fixture rules with each named file's text passed through its edit. */
export async function fixtureRulesWith(edits: Record<string, (text: string) => string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "fixture-variant-"));
  await cp(FIXTURE_RULES, dir, { recursive: true });
  for (const [name, edit] of Object.entries(edits)) {
    const file = path.join(dir, name);
    const before = await readFile(file, "utf8");
    const after = edit(before);
    if (after === before) throw new Error(`fixture-variants: the edit of ${name} changed nothing`);
    await writeFile(file, after);
  }
  return dir;
}

const ART_71 = `  - id: p71-v2026
    numbers: { 2026-01-01: "71" }
    heading: { en: Penalty for data export in breach of other laws }
    summary: Data export in breach of Art. 39 is punished as before.
    penalties:
      - id: data-export
        trigger: A CII operator stores data abroad in breach of Art. 39.
        enforces: [p37]
        punishes: [cii-operator]
        formerly: [p66]
        sanctions:
          - { bearer: entity, kind: fine, min: 50000, max: 500000, unit: CNY }
          - { bearer: entity, kind: licence-revocation, optional: true }
          - { bearer: managers, kind: fine, min: 10000, max: 100000, unit: CNY }
    confidence: high
`;

/** One more 2026 article: CSL Art. 71, which took over the conduct of the deleted Art. 66 with the same ladder. */
export function movedConductRules(): Promise<string> {
  return fixtureRulesWith({ "cybersecurity-law.yaml": (t) => t.replace("  - id: p20-v2026\n", `${ART_71}  - id: p20-v2026\n`) });
}

/** CSL Art. 59's fines on refusal punish CII operators only, not every network operator bound by Art. 21. */
export function narrowBearerRules(): Promise<string> {
  return fixtureRulesWith({
    "cybersecurity-law.yaml": (t) => t.replace("        escalates: basic\n        trigger: It refuses to correct or harm results.\n        enforces: [p21]\n        punishes: [network-operator]\n", "        escalates: basic\n        trigger: It refuses to correct or harm results.\n        enforces: [p21]\n        punishes: [cii-operator]\n"),
  });
}
