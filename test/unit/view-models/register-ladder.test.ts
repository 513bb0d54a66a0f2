// The ladder of a duty's penalty: tiers in order of their step, a tier after the one it
// escalates from, criminal tiers set apart, and the step's words never claiming a first
// violation the rules do not state.
import { describe, expect, it } from "vitest";
import type { Catalog, ProvisionEntry, TierRef } from "../../../src/domain/catalog.js";
import type { PenaltyTier } from "../../../src/domain/rules-schema.js";
import { ladders, ladderStep, levelWords } from "../../../src/view-models/register.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { tierRef } from "../../../src/query/actor-obligations.js";
import { REAL_RULES } from "../../helpers/test-app.js";

const provision = (key: string, instrumentId: string): ProvisionEntry => ({
  key,
  instrumentId,
  data: { id: key.split("/")[1], numbers: { "2020-01-01": "9" }, heading: { en: "H" }, summary: "S", obligations: [], penalties: [], related: [], terms: [], sources: [], web: [], concerns: [], confidence: "high" } as unknown as ProvisionEntry["data"],
  versionIds: ["2020-01-01"],
  enforces: [],
  enforcedBy: [],
  related: [],
  refersTo: [],
  referredBy: [],
});
const catalog = { instrumentById: new Map([["law", { data: { short: { en: "L" }, draft: false }, versions: [{ id: "2020-01-01" }], currentVersion: "2020-01-01" }], ["criminal-law", { data: { short: { en: "CL" }, draft: false }, versions: [{ id: "2020-01-01" }], currentVersion: "2020-01-01" }]]), provisionByKey: new Map() } as unknown as Catalog;
const p9 = provision("law/p9", "law");
const cl = provision("criminal-law/p1", "criminal-law");
const tier = (t: Partial<PenaltyTier> & { id: string }, p = p9): TierRef => ({ key: `${p.key}#${t.id}`, provision: p, versionIds: ["2020-01-01"], tier: { trigger: `T ${t.id}.`, sanctions: [{ bearer: "entity", kind: "fine", max: 1000, unit: "CNY" }], ...t } as PenaltyTier });

describe("the penalty ladder", () => {
  it("orders tiers by their step, first violation first, whatever their order in the file", () => {
    const { ladders: [l] } = ladders(catalog, [tier({ id: "c", level: "especially-serious" }), tier({ id: "a", level: "first-violation" }), tier({ id: "b", level: "refuses-to-correct" })], "2020-06-01");
    expect(l?.steps.map((s) => s.when)).toEqual(["On first violation", "If it refuses to correct", "If especially serious"]);
    expect(l?.article.label).toBe("L Art. 9");
  });

  it("puts a minor case (情节较轻) first, in words", () => {
    const { ladders: [l] } = ladders(catalog, [tier({ id: "serious", level: "serious", escalates: "lighter" }), tier({ id: "lighter", level: "minor" })], "2020-06-01");
    expect(l?.steps.map((s) => s.when)).toEqual(["If the circumstances are minor", "If serious"]);
  });

  it("puts a tier after the tier it escalates from", () => {
    const { ladders: [l] } = ladders(catalog, [tier({ id: "more", level: "first-violation", escalates: "base", trigger: "More." }), tier({ id: "base", level: "first-violation", trigger: "Base." })], "2020-06-01");
    expect(l?.steps.map((s) => s.trigger)).toEqual(["Base.", "More."]);
  });

  it("sets criminal tiers apart, last, with their article", () => {
    const r = ladders(catalog, [tier({ id: "crime", sanctions: [{ bearer: "individual", kind: "criminal-liability" }] }), tier({ id: "a", level: "first-violation" }), tier({ id: "x", level: "refuses-to-correct" }, cl)], "2020-06-01");
    expect(r.ladders.map((l) => l.steps.map((s) => s.when))).toEqual([["On first violation"]]);
    expect(r.criminal.map((s) => `${s.when} ${s.article.label}`)).toEqual(["If it refuses to correct CL Art. 9", "If it is a crime L Art. 9"]);
  });

  it("calls an unlevelled tier the first violation only when it is the one unlevelled tier of its article", () => {
    expect(levelWords({ id: "a", trigger: "T", sanctions: [] } as unknown as PenaltyTier, true)).toBe("On first violation");
    const { ladders: [l] } = ladders(catalog, [tier({ id: "a" }), tier({ id: "b", trigger: "Serious." })], "2020-06-01");
    expect(l?.steps.map((s) => s.when)).toEqual(["In the case described", "In the case described"]);
  });

  it("puts every figure beside its step and trigger", () => {
    const { ladders: [l] } = ladders(catalog, [tier({ id: "a", level: "first-violation" })], "2020-06-01");
    expect(l?.steps[0]).toMatchObject({ when: "On first violation", trigger: "T a.", entity: ["Fine up to RMB 1,000"] });
  });
});

describe("a referral in the ladder, on the real rules", () => {
  it("names the paragraph it refers to, and links to its anchor (CSL 2026 Art. 62 → Art. 61 para. 3)", async () => {
    const real = await loadRules(REAL_RULES);
    const p60 = real.provisionByKey.get("cybersecurity-law/p60") as ProvisionEntry;
    const t = p60.data.penalties.find((x) => x.id === "serious-2026") as PenaltyTier;
    const step = ladderStep(real, tierRef(p60, t, "2026-01-01"), "2026-06-01");
    expect(step.refersTo).toEqual([{ label: "CSL Art. 61 para. 3 (2026)", href: "/laws/cybersecurity-law/2026-01-01/art-61#para-3" }]);
  });
});
