import { describe, expect, it } from "vitest";
import { custodyDays, formatAmount, maxFine, worstCase } from "../../../src/domain/penalty-arithmetic.js";
import type { Sanction } from "../../../src/domain/rules-schema.js";

const fine = (min?: number, max?: number): Sanction => ({ bearer: "entity", kind: "fine", min, max, unit: "CNY" });

describe("penalty arithmetic", () => {
  it.each([
    [fine(50_000, 500_000), "RMB 50,000–500,000"],
    [fine(500_000), "≥ RMB 500,000 (no cap)"],
    [fine(undefined, 100_000), "up to RMB 100,000"],
    [{ bearer: "entity", kind: "fine-multiple-of-gains", min: 1, max: 10, unit: "multiple" } as Sanction, "1–10 × illegal gains"],
    [{ bearer: "individual", kind: "fixed-term-imprisonment", max: 3, unit: "years" } as Sanction, "up to 3 years"],
    [{ bearer: "individual", kind: "fixed-term-imprisonment", min: 10, unit: "years" } as Sanction, "10 years or more"],
    [{ bearer: "managers", kind: "administrative-detention", min: 5, max: 15, unit: "days" } as Sanction, "5–15 days"],
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
});
