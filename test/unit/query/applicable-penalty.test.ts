// Which text's penalty applies (Administrative Penalty Law Art. 37, Criminal Law Art. 12), on the
// real rules: the Cybersecurity Law's 2026 amendment raised some fines and kept others.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog, InstrumentEntry } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { applicablePenalty, penaltyRegime } from "../../../src/query/applicable-penalty.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
let csl: InstrumentEntry;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
  csl = catalog.instrumentById.get("cybersecurity-law") as InstrumentEntry;
});
const csl_ = (id: string) => catalog.provisionByKey.get(`cybersecurity-law/${id}`)!;

describe("applicablePenalty", () => {
  it("applies the text in force at the act when the later one is heavier (CSL Art. 59 → 61, fines raised)", () => {
    const a = applicablePenalty(catalog, csl, csl_("p59"), "2025-06-01", "2026-03-01");
    expect(a).toMatchObject({ regime: "administrative", actVersion: "2017-06-01", decisionVersion: "2026-01-01", applies: "2017-06-01", severity: "heavier" });
  });

  it("applies the act's text when the later one sets the same maxima (CSL Art. 61 → 64)", () => {
    expect(applicablePenalty(catalog, csl, csl_("p61"), "2025-06-01", "2026-03-01")).toMatchObject({ applies: "2017-06-01", severity: "same" });
  });

  it("needs no comparison when one text was in force throughout", () => {
    const a = applicablePenalty(catalog, csl, csl_("p59"), "2026-02-01", "2026-03-01");
    expect(a.applies).toBe("2026-01-01");
    expect(a.severity).toBeUndefined();
  });

  it("does not reach back: a penalty article inserted in 2026 does not apply to a 2025 act", () => {
    const a = applicablePenalty(catalog, csl, csl_("p63-v2026"), "2025-06-01", "2026-03-01");
    expect(a.applies).toBeUndefined();
    expect(a.reason).toMatch(/was not in the text in force from 1 June 2017/);
  });

  it("says when the later text dropped the article, without guessing where the conduct went", () => {
    const a = applicablePenalty(catalog, csl, csl_("p66"), "2025-06-01", "2026-03-01");
    expect(a.applies).toBe("2017-06-01");
    expect(a.reason).toMatch(/no longer has this article/);
  });

  it("refuses a decision before the act", () => {
    expect(applicablePenalty(catalog, csl, csl_("p59"), "2026-03-01", "2025-06-01").applies).toBeUndefined();
  });

  it("treats Criminal Law articles under Art. 12 and the rest under the Administrative Penalty Law", () => {
    expect(penaltyRegime(catalog.provisionByKey.get("criminal-law/p287-2")!)).toBe("criminal");
    expect(penaltyRegime(csl_("p59"))).toBe("administrative");
  });
});
