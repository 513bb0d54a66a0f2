import { describe, expect, it } from "vitest";
import { compareLadders } from "../../../src/domain/penalty-severity.js";
import type { PenaltyTier } from "../../../src/domain/rules-schema.js";

const tier = (sanctions: PenaltyTier["sanctions"], level?: PenaltyTier["level"]): PenaltyTier => ({ id: "t", trigger: "x", sanctions, ...(level ? { level } : {}) });
const fine = (min: number, max: number) => ({ bearer: "entity" as const, kind: "fine" as const, min, max, unit: "CNY" as const });

describe("comparing two ladders step by step and bearer by bearer", () => {
  it.each([
    { name: "the same figures", a: [tier([fine(10_000, 100_000)])], b: [tier([fine(10_000, 100_000)])], severity: "same" },
    { name: "a higher maximum", a: [tier([fine(10_000, 100_000)])], b: [tier([fine(10_000, 500_000)])], severity: "heavier" },
    { name: "a lower minimum only", a: [tier([fine(50_000, 100_000)])], b: [tier([fine(10_000, 100_000)])], severity: "lighter" },
    { name: "a higher maximum and a lower minimum", a: [tier([fine(50_000, 100_000)])], b: [tier([fine(10_000, 500_000)])], severity: "mixed" },
    { name: "a warning offered instead of the fine (或者)", a: [tier([fine(10_000, 100_000)])], b: [tier([{ oneOf: [{ bearer: "entity", kind: "warning" }, fine(10_000, 100_000)] }])], severity: "lighter" },
    { name: "a fine the authority may now leave out (可以)", a: [tier([fine(10_000, 100_000)])], b: [tier([{ ...fine(10_000, 100_000), optional: true }])], severity: "lighter" },
    { name: "a new serious step", a: [tier([fine(10_000, 100_000)])], b: [tier([fine(10_000, 100_000)]), tier([fine(100_000, 1_000_000)], "serious")], severity: "heavier" },
    { name: "a step dropped", a: [tier([fine(10_000, 100_000)]), tier([fine(100_000, 1_000_000)], "serious")], b: [tier([fine(10_000, 100_000)])], severity: "lighter" },
    { name: "a fine of the managers added", a: [tier([fine(10_000, 100_000)])], b: [tier([fine(10_000, 100_000), { bearer: "managers", kind: "fine", min: 10_000, max: 100_000, unit: "CNY" }])], severity: "heavier" },
    { name: "a multiple of the illegal gains raised", a: [tier([{ bearer: "entity", kind: "fine", min: 1, max: 5, unit: "multiple", base: "illegal-gains" }])], b: [tier([{ bearer: "entity", kind: "fine", min: 1, max: 10, unit: "multiple", base: "illegal-gains" }])], severity: "heavier" },
    { name: "detention lengthened", a: [tier([{ bearer: "individual", kind: "administrative-detention", min: 5, max: 10, unit: "days" }])], b: [tier([{ bearer: "individual", kind: "administrative-detention", min: 5, max: 15, unit: "days" }])], severity: "heavier" },
    { name: "revocation replacing suspension", a: [tier([{ bearer: "entity", kind: "suspension-of-business" }])], b: [tier([{ bearer: "entity", kind: "licence-revocation" }])], severity: "heavier" },
    { name: "detention shortened for a step that now reaches more conduct", a: [tier([{ bearer: "individual", kind: "administrative-detention", max: 15, unit: "days" }])], b: [{ ...tier([{ bearer: "individual", kind: "administrative-detention", max: 10, unit: "days" }]), triggerChange: "widened" }], severity: "mixed" },
    { name: "confiscation added", a: [tier([fine(10_000, 100_000)])], b: [tier([fine(10_000, 100_000), { bearer: "entity", kind: "confiscation" }])], severity: "heavier" },
  ] satisfies { name: string; a: PenaltyTier[]; b: PenaltyTier[]; severity: string }[])("$name: $severity", ({ a, b, severity }) => {
    const r = compareLadders(a, b);
    expect(r.severity).toBe(severity);
    expect(r.differences.length > 0).toBe(severity !== "same");
  });
});
