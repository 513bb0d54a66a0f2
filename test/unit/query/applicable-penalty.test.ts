// Which text's penalty applies (Administrative Penalty Law Art. 37, Criminal Law Art. 12), on the
// fixture rules: a Cybersecurity Law whose 2026 text raised one ladder, dropped a step of it, and
// moved the conduct of a deleted article (Art. 66) to a new one (Art. 71).
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog, InstrumentEntry } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { applicablePenalty, penaltyRegime } from "../../../src/query/applicable-penalty.js";
import { movedConductRules } from "../../helpers/fixture-variants.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
let csl: InstrumentEntry;
beforeAll(async () => {
  catalog = await loadRules(await movedConductRules());
  csl = catalog.instrumentById.get("cybersecurity-law") as InstrumentEntry;
});
const csl_ = (id: string) => catalog.provisionByKey.get(`cybersecurity-law/${id}`)!;

describe("applicablePenalty", () => {
  it("cannot tell when the later ladder is heavier in one respect and lighter in another, and says both", () => {
    // Art. 59 → 61: the 2026 text has no first-violation step (lighter) and raises the fines (heavier).
    const a = applicablePenalty(catalog, csl, csl_("p59"), "2025-06-01", "2026-03-01");
    expect(a).toMatchObject({ regime: "administrative", actVersion: "2017-06-01", decisionVersion: "2026-01-01", outcome: "cannot-tell" });
    expect(a.applies).toBeUndefined();
    expect(a.comparisons).toHaveLength(1);
    expect(a.comparisons[0]?.severity).toBe("mixed");
    expect(a.reason).toMatch(/heavier in some respects and lighter in others/);
    expect(a.reason).toMatch(/highest fine, RMB 100,000 → RMB 500,000 \(heavier\)/);
    expect(a.reason).toMatch(/first violation: the step itself, present → absent \(lighter\)/);
  });

  it("needs no comparison when one text was in force throughout", () => {
    const a = applicablePenalty(catalog, csl, csl_("p59"), "2026-02-01", "2026-03-01");
    expect(a).toMatchObject({ outcome: "act-text", applies: "2026-01-01", article: { number: "61" } });
    expect(a.severity).toBeUndefined();
  });

  it("follows the conduct of a deleted article to the article that took it over (Art. 66 → Art. 71)", () => {
    const a = applicablePenalty(catalog, csl, csl_("p66"), "2025-06-01", "2026-03-01");
    expect(a).toMatchObject({ outcome: "act-text", applies: "2017-06-01", severity: "same", article: { key: "cybersecurity-law/p66", number: "66" } });
    expect(a.comparisons[0]?.later.articles.map((x) => x.label)).toEqual(["CSL Art. 71 (2026)"]);
    expect(a.reason).toMatch(/sets the same penalties for this conduct/);
  });

  it("reached from the new article, names the earlier text's article for that conduct, not its number", () => {
    const a = applicablePenalty(catalog, csl, csl_("p71-v2026"), "2025-06-01", "2026-03-01");
    expect(a).toMatchObject({ outcome: "act-text", applies: "2017-06-01", article: { label: "CSL Art. 66 (2017)" } });
  });

  it("does not reach back: an article with no earlier counterpart does not punish an earlier act", () => {
    const a = applicablePenalty(catalog, csl, csl_("p71-v2026"), "2016-06-01", "2026-03-01");
    expect(a.outcome).toBe("no-penalty");
  });

  it("cannot tell for an act that continued across an amendment that changed the penalty", () => {
    const a = applicablePenalty(catalog, csl, csl_("p59"), "2026-02-15", "2026-03-01", "2025-10-01");
    expect(a).toMatchObject({ outcome: "cannot-tell", actStart: "2025-10-01", actVersion: "2026-01-01" });
    expect(a.reason).toMatch(/continued from 1 October 2025 to 15 February 2026/);
  });

  it("answers a continuing act whose penalty did not change as a single act", () => {
    const a = applicablePenalty(catalog, csl, csl_("p66"), "2025-12-20", "2026-03-01", "2025-10-01");
    expect(a).toMatchObject({ outcome: "act-text", applies: "2017-06-01" });
  });

  it("refuses a decision before the act, and a continuing act that ends before it starts", () => {
    expect(applicablePenalty(catalog, csl, csl_("p59"), "2026-03-01", "2025-06-01")).toMatchObject({ outcome: "invalid" });
    expect(applicablePenalty(catalog, csl, csl_("p59"), "2025-03-01", "2026-06-01", "2025-06-01")).toMatchObject({ outcome: "invalid" });
  });

  it("cannot tell where a tier is below high confidence", async () => {
    const real = await loadRules(REAL_RULES);
    const medium = real.provisions.find((p) => p.versionIds.length > 1 && p.data.penalties.length > 0 && p.data.confidence !== "high" && p.data.penalties.every((t) => !t.formerly));
    if (!medium) return expect.fail("the real rules have no amended penalty article below high confidence to test with");
    const ins = real.instrumentById.get(medium.instrumentId) as InstrumentEntry;
    const [v1, v2] = medium.versionIds as [string, string];
    const a = applicablePenalty(real, ins, medium, v2 > v1 ? v1 : v2, v2);
    expect(a.outcome).toBe("cannot-tell");
    expect(a.reason).toMatch(/confidence/);
  });

  it("says it lacks the text in force at the act, rather than that the law was not in force, before the first text it holds", async () => {
    const real = await loadRules(REAL_RULES);
    const cl = real.instrumentById.get("criminal-law") as InstrumentEntry;
    const a = applicablePenalty(real, cl, real.provisionByKey.get("criminal-law/p286")!, "2010-06-01", "2026-03-01");
    expect(a.outcome).toBe("cannot-tell");
    expect(a.reason).toMatch(/was in force on 1 June 2010, but the rules hold its texts only from 1 November 2015/);
  });

  it("treats Criminal Law articles under Art. 12 and the rest under the Administrative Penalty Law", async () => {
    const real = await loadRules(REAL_RULES);
    expect(penaltyRegime(real.provisionByKey.get("criminal-law/p287-2")!)).toBe("criminal");
    expect(penaltyRegime(csl_("p59"))).toBe("administrative");
  });
});
