// Pins facts of the four core laws (Criminal Law, Counterterrorism Law, Foreign NGO Law,
// Cybersecurity Law) read from the official texts in law-texts/, as encoded for issue 12.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import type { PenaltyTier, SanctionChoice } from "../../../src/domain/rules-schema.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { sanctionsOf } from "../../../src/domain/penalty-arithmetic.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const provision = (key: string) => {
  const p = catalog.provisionByKey.get(key);
  if (!p) throw new Error(`no provision ${key}`);
  return p.data;
};
const tier = (key: string, id: string): PenaltyTier => {
  const t = provision(key).penalties.find((x) => x.id === id);
  if (!t) throw new Error(`no tier ${key}#${id}`);
  return t;
};
const choices = (t: PenaltyTier): SanctionChoice[] => t.sanctions.filter((s): s is SanctionChoice => "oneOf" in s);

describe("the Criminal Law", () => {
  // 刑法 Art. 105: two paragraphs; "处无期徒刑或者十年以上有期徒刑" is a choice.
  it("gives Art. 105 two paragraphs and its ringleaders life or ten years or more, as one choice", () => {
    expect(provision("criminal-law/p105").paragraphs).toBe(2);
    const [choice] = choices(tier("criminal-law/p105", "ringleaders"));
    expect(choice?.oneOf).toEqual([
      expect.objectContaining({ kind: "life-imprisonment" }),
      expect.objectContaining({ kind: "fixed-term-imprisonment", min: 10, unit: "years" }),
    ]);
    expect(choice?.oneOf[1]?.max).toBeUndefined();
  });

  // Art. 113 para. 2: 犯本章之罪的，可以并处没收财产.
  it("lets the court add confiscation of property to every Art. 105 tier", () => {
    for (const t of provision("criminal-law/p105").penalties) {
      expect(sanctionsOf(t), t.id).toContainEqual(expect.objectContaining({ kind: "confiscation-of-property", optional: true }));
    }
  });

  it.each(["p120-6", "p253-1", "p286-1", "p287-1", "p287-2"])("fines with or instead of the custodial penalty under Art. %s (并处或者单处罚金)", (id) => {
    const first = provision(`criminal-law/${id}`).penalties[0];
    expect(first && sanctionsOf(first)).toContainEqual(expect.objectContaining({ bearer: "individual", kind: "criminal-fine", combine: "with-or-alone" }));
  });

  it("punishes Art. 253-1 para. 2 and Art. 106 more heavily (从重处罚)", () => {
    expect(tier("criminal-law/p253-1", "duty-or-service")).toMatchObject({ para: 2, aggravated: true });
    expect(tier("criminal-law/p106", "collusion-abroad")).toMatchObject({ aggravated: true, refersTo: ["p105"] });
  });

  // Amendment (9) items 7 and 38.
  it("has the terrorism offences Counterterrorism Law Arts. 79, 81 and 82 refer to", () => {
    expect(sanctionsOf(tier("criminal-law/p120-4", "especially-serious"))).toContainEqual(expect.objectContaining({ kind: "fixed-term-imprisonment", min: 7, unit: "years" }));
    expect(sanctionsOf(tier("criminal-law/p120-5", "basic"))).toContainEqual(expect.objectContaining({ kind: "criminal-fine", combine: "with" }));
    expect(provision("criminal-law/p120-2").items).toEqual({ 1: 4 });
    expect(sanctionsOf(tier("criminal-law/p311", "serious"))).toContainEqual(expect.objectContaining({ kind: "fixed-term-imprisonment", max: 3 }));
  });
});

describe("the Counterterrorism Law", () => {
  it("revokes licences or cancels registration under Art. 93, not both", () => {
    const [choice] = choices(tier("counterterrorism-law/p93", "serious-consequences"));
    expect(choice?.oneOf.map((s) => s.kind)).toEqual(["licence-revocation", "registration-revocation"]);
  });

  // 第八十三条: 对直接负责的董事、高级管理人员和其他直接责任人员处十万元以上五十万元以下罚款.
  it("fines Art. 83's directly responsible directors, senior managers and other directly responsible personnel", () => {
    expect(sanctionsOf(tier("counterterrorism-law/p83", "serious"))).toContainEqual(
      expect.objectContaining({ bearer: "managers", who: "directors-senior-managers-and-others", kind: "fine", min: 100_000, max: 500_000 }),
    );
    expect(tier("counterterrorism-law/p83", "serious").punishes).toEqual(["financial-institution", "specified-non-financial-institution"]);
  });

  // 反恐怖主义法 Arts. 91-92: managers "依照前款规定处罚" on the individual scale.
  it("gives the managers of Arts. 91 and 92 their own tiers with the individual figures", () => {
    expect(sanctionsOf(tier("counterterrorism-law/p91", "unit-managers"))).toEqual([expect.objectContaining({ bearer: "managers", kind: "fine", max: 2_000 })]);
    expect(tier("counterterrorism-law/p91", "unit-managers-serious-consequences")).toMatchObject({ escalates: "unit-managers" });
    expect(sanctionsOf(tier("counterterrorism-law/p92", "unit-managers"))).toContainEqual(expect.objectContaining({ bearer: "managers", kind: "administrative-detention", min: 5, max: 15 }));
    expect(tier("counterterrorism-law/p92", "obstructing-police-or-armed-forces")).toMatchObject({ para: 3, aggravated: true });
  });

  it("has the state organs' duties of Arts. 24-27 and 36-44, and the units' duty of Art. 47", () => {
    for (const n of [24, 25, 26, 27, 36, 37, 38, 39, 40, 41, 42, 43, 44, 47]) expect(catalog.provisionByKey.has(`counterterrorism-law/p${n}`), `Art. ${n}`).toBe(true);
    expect(provision("counterterrorism-law/p32").obligations.filter((o) => o.para === 2 || o.para === 4)).toHaveLength(2);
    expect(provision("counterterrorism-law/p47").obligations.map((o) => o.actors)).toContainEqual(["organisation"]);
  });
});

describe("the Foreign NGO Law", () => {
  // Presidential Order No. 81: the 2017 decision took effect on 5 November 2017.
  it("identifies the amended text by its in-force date and keeps the old id", () => {
    const fngo = catalog.instruments.find((i) => i.id === "foreign-ngo-law");
    expect(fngo?.versions.map((v) => v.id)).toEqual(["2017-01-01", "2017-11-05"]);
    expect(fngo?.versions[1]?.formerIds).toEqual(["2017-11-04"]);
    expect(provision("foreign-ngo-law/p24").numbers).toEqual({ "2017-01-01": "24", "2017-11-05": "24" });
  });

  it("gives a warning or an order to stop under Art. 45, not both", () => {
    const [choice] = choices(tier("foreign-ngo-law/p45", "basic"));
    expect(choice?.oneOf.map((s) => s.kind)).toEqual(["warning", "order-to-stop"]);
  });

  it("bars re-registration for five years and lists the unwelcome without an end date (Art. 48)", () => {
    expect(sanctionsOf(tier("foreign-ngo-law/p48", "after-revocation"))).toEqual([expect.objectContaining({ kind: "registration-ban", min: 5, max: 5, unit: "years" })]);
    expect(sanctionsOf(tier("foreign-ngo-law/p48", "unwelcome-list"))).toEqual([expect.objectContaining({ kind: "blacklist", duration: "open-ended" })]);
  });

  // 违反本法规定，构成违反治安管理行为的，依法给予治安管理处罚: a referral of its own kind
  it.each([
    ["foreign-ngo-law/p52", "public-order"],
    ["charity-law/p109", "public-order"],
    ["cybersecurity-law/p74", "public-security"],
    ["personal-information-protection-law/p71", undefined],
    ["data-security-law/p52", undefined],
  ])("refers %s's breaches of public-security administration to that law's penalties", (key, id) => {
    const provision = catalog.provisionByKey.get(key);
    const tiers = (provision?.data.penalties ?? []).filter((t) => (id ? t.id === id : true));
    expect(tiers.flatMap((t) => sanctionsOf(t)).filter((s) => s.kind === "public-security-penalty")).toEqual([expect.objectContaining({ bearer: "individual" })]);
  });

  it("sets CSL Art. 74's public-security and criminal limbs in its second paragraph", () => {
    expect(catalog.provisionByKey.get("cybersecurity-law/p74")?.data.penalties.map((t) => [t.id, t.para])).toEqual([["civil", 1], ["public-security", 2], ["criminal", 2]]);
  });

  it("voids documents under Art. 49, leaves Art. 51's liability open and reaches units under Art. 52", () => {
    expect(sanctionsOf(tier("foreign-ngo-law/p49", "revoked")).map((s) => s.kind)).toEqual(["document-voiding"]);
    expect(sanctionsOf(tier("foreign-ngo-law/p51", "basic")).map((s) => s.kind)).toEqual(["unspecified-liability"]);
    expect(sanctionsOf(tier("foreign-ngo-law/p52", "criminal")).map((s) => s.bearer)).toEqual(["individual", "entity"]);
    expect(sanctionsOf(tier("foreign-ngo-law/p46", "serious"))).toEqual([expect.objectContaining({ who: "directly-responsible-persons", max: 10, unit: "days" })]);
  });
});

describe("the Cybersecurity Law", () => {
  it.each([
    ["p9", "10"], ["p10", "11"], ["p14", "15"], ["p19", "21"], ["p51", "53"], ["p52", "54"], ["p53", "55"],
    ["p54", "56"], ["p55", "57"], ["p56", "58"], ["p57", "59"], ["p77", "79"],
  ])("numbers 2016 %s as Art. %s in the 2026 text", (id, n) => {
    expect(provision(`cybersecurity-law/${id}`).numbers).toEqual({ "2017-06-01": id.slice(1), "2026-01-01": n });
  });

  it("reads every 2026 article from the official text, so none is left medium or unread", () => {
    const csl = catalog.instrumentById.get("cybersecurity-law");
    expect(csl?.data.versions.find((v) => v.id === "2026-01-01")).toMatchObject({ readFrom: "official", text: { title: "网络安全法", date: "2025-10-28" } });
    const doubtful = (csl?.provisions ?? []).map((p) => p.data).filter((p) => p.confidence !== "high" || p.unread !== undefined || p.penalties.some((t) => t.confidence !== undefined && t.confidence !== "high"));
    expect(doubtful.map((p) => p.id)).toEqual([]);
  });
});
