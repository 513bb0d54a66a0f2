// The fixture rules with one more 2026 article: CSL Art. 71, which took over the conduct of the
// deleted Art. 66 with the same ladder (formerly: [p66]). Written to a temporary folder, so the
// other tests keep their fixture counts.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIXTURE_RULES } from "./test-app.js";

const ART_71 = `  - id: p71-v2026
    numbers: { 2026-01-01: "71" }
    heading: { en: Penalty for data export in breach of other laws }
    summary: Data export in breach of Art. 39 is punished as before.
    penalties:
      - id: data-export
        trigger: A CII operator stores data abroad in breach of Art. 39.
        enforces: [p37]
        formerly: [p66]
        sanctions:
          - { bearer: entity, kind: fine, min: 50000, max: 500000, unit: CNY }
          - { bearer: entity, kind: licence-revocation, optional: true }
          - { bearer: managers, kind: fine, min: 10000, max: 100000, unit: CNY }
    confidence: high
`;

export async function movedConductRules(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "moved-conduct-"));
  await cp(FIXTURE_RULES, dir, { recursive: true });
  const file = path.join(dir, "cybersecurity-law.yaml");
  const text = await readFile(file, "utf8");
  await writeFile(file, text.replace("  - id: p20-v2026\n", `${ART_71}  - id: p20-v2026\n`));
  return dir;
}
