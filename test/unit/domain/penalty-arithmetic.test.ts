import { describe, expect, it } from "vitest";
import { AUTHORITY_LABELS, custodyDays, describeCondition, describeSanction, describeSanctions, flattenSanctions, formatAmount, maxFine, tierLevel, worstCase } from "../../../src/domain/penalty-arithmetic.js";
import type { PenaltyTier, Sanction, SanctionEntry } from "../../../src/domain/rules-schema.js";

const fine = (min?: number, max?: number): Sanction => ({ bearer: "entity", kind: "fine", min, max, unit: "CNY" });

describe("penalty arithmetic", () => {
  it.each([
    [fine(50_000, 500_000), "RMB 50,000–500,000"],
    [fine(500_000), "≥ RMB 500,000 (no cap)"],
    [fine(undefined, 100_000), "up to RMB 100,000"],
    [{ bearer: "entity", kind: "fine", min: 1, max: 10, unit: "multiple", base: "illegal-gains" } as Sanction, "1–10 × illegal gains"],
    [{ bearer: "entity", kind: "fine", min: 1, max: 10, unit: "multiple", base: "purchase-amount" } as Sanction, "1–10 × the purchase amount"],
    [{ bearer: "entity", kind: "fine", max: 5, unit: "percent", base: "previous-year-turnover" } as Sanction, "up to 5% of the previous year's turnover"],
    [{ bearer: "individual", kind: "employment-ban", duration: "lifetime" } as Sanction, "for life"],
    [{ bearer: "individual", kind: "blacklist", duration: "open-ended" } as Sanction, "with no end date"],
    [{ bearer: "entity", kind: "registration-ban", min: 5, max: 5, unit: "years" } as Sanction, "5 years"],
    [{ bearer: "individual", kind: "fixed-term-imprisonment", max: 3, unit: "years" } as Sanction, "up to 3 years"],
    [{ bearer: "individual", kind: "fixed-term-imprisonment", min: 10, unit: "years" } as Sanction, "10 years or more"],
    [{ bearer: "managers", kind: "administrative-detention", min: 5, max: 15, unit: "days" } as Sanction, "5–15 days"],
    [{ bearer: "individual", kind: "exit-ban", min: 6, max: 36, unit: "months" } as Sanction, "6 months to 3 years"],
    [{ bearer: "entity", kind: "late-fine-surcharge", min: 3, max: 3, unit: "percent", base: "fine-amount", per: "day" } as Sanction, "3% of the fine per day"],
    [{ bearer: "entity", kind: "criminal-fine" } as Sanction, ""],
  ])("displays %j as the law states it", (s, text) => {
    expect(formatAmount(s)).toBe(text);
  });

  it("keeps an open upper bound open: an uncapped fine outranks any capped one", () => {
    expect(maxFine(fine(500_000))).toBe(Infinity);
    expect(maxFine(fine(1_000_000, 10_000_000))).toBe(10_000_000);
    expect(maxFine({ bearer: "entity", kind: "criminal-fine" })).toBeUndefined();
  });

  it("converts custody to days only to compare it", () => {
    expect(custodyDays({ bearer: "individual", kind: "fixed-term-imprisonment", min: 3, max: 7, unit: "years" })).toEqual({ min: 1095, max: 2555 });
    expect(custodyDays({ bearer: "individual", kind: "criminal-detention", max: 6, unit: "months" })).toEqual({ min: undefined, max: 180 });
    expect(custodyDays({ bearer: "individual", kind: "life-imprisonment" })?.max).toBe(Infinity);
  });

  it("finds the worst case for a bearer across tiers", () => {
    const w = worstCase([
      fine(10_000, 100_000),
      fine(500_000),
      { bearer: "managers", kind: "administrative-detention", max: 15, unit: "days" },
      { bearer: "individual", kind: "fixed-term-imprisonment", max: 3, unit: "years" },
      { bearer: "entity", kind: "licence-revocation" },
    ]);
    expect(w.maxFine).toBe(Infinity);
    expect(w.maxCustodyDays).toBe(3 * 365);
    expect(w.maxCustodySanction?.kind).toBe("fixed-term-imprisonment");
    expect(w.other).toEqual(["licence-revocation"]);
  });

  it.each([
    [{ gains: "none" as const }, "if there are no illegal gains"],
    [{ gains: { below: 100_000, orNone: true } }, "if illegal gains are under RMB 100,000 or there are none"],
    [{ gains: { atLeast: 100_000 } }, "if illegal gains are RMB 100,000 or more"],
  ])("states the condition %j on an amount in words", (c, text) => {
    expect(describeCondition(c)).toBe(text);
  });

  it("keeps a multiple or a share of turnover out of the fixed-amount arithmetic", () => {
    expect(maxFine({ bearer: "entity", kind: "fine", max: 5, unit: "percent", base: "previous-year-turnover" })).toBeUndefined();
    expect(maxFine({ bearer: "entity", kind: "fine", min: 1, max: 10, unit: "multiple", base: "illegal-gains" })).toBeUndefined();
  });

  it("prints a fine that goes with or instead of the sentence, and a conditional one", () => {
    expect(describeSanction({ bearer: "individual", kind: "criminal-fine", combine: "with-or-alone" })).toBe("Criminal fine (with or instead of the other penalties)");
    expect(describeSanction({ bearer: "entity", kind: "fine", max: 1_000_000, unit: "CNY", if: { gains: "none" }, optional: true })).toBe("Fine up to RMB 1,000,000 (if there are no illegal gains; discretionary)");
  });

  it("spreads a choice into its alternatives and joins them with 'or'", () => {
    const entries: SanctionEntry[] = [
      { oneOf: [{ bearer: "individual", kind: "life-imprisonment" }, { bearer: "individual", kind: "fixed-term-imprisonment", min: 10, unit: "years" }] },
      { bearer: "individual", kind: "deprivation-of-political-rights" },
    ];
    const flat = flattenSanctions(entries);
    expect(flat.map((s) => [s.kind, s.choice])).toEqual([["life-imprisonment", 0], ["fixed-term-imprisonment", 0], ["deprivation-of-political-rights", undefined]]);
    expect(describeSanctions(flat)).toBe("Life imprisonment or fixed-term imprisonment 10 years or more; Deprivation of political rights");
    expect(worstCase(flat).maxCustodySanction?.kind).toBe("life-imprisonment");
  });

  it("calls a tier of criminal sanctions only a crime, and any other unlabelled tier a first violation", () => {
    const tier = (sanctions: SanctionEntry[]): PenaltyTier => ({ id: "t", trigger: "T.", sanctions });
    expect(tierLevel(tier([{ bearer: "individual", kind: "criminal-liability" }]))).toBe("crime");
    expect(tierLevel(tier([{ bearer: "entity", kind: "warning" }]))).toBe("first-violation");
    expect(tierLevel({ ...tier([{ bearer: "entity", kind: "warning" }]), level: "serious" })).toBe("serious");
  });
});

describe("AUTHORITY_LABELS", () => {
  // The article page prints "Imposed by the <label>." ("Imposed by the the authority…" once).
  it("reads after 'Imposed by the'", () => {
    for (const label of Object.values(AUTHORITY_LABELS)) expect(label, label).not.toMatch(/^(the|a|an) /i);
  });
});
