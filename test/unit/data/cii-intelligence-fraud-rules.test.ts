// Pins facts of the CII Regulations, the National Intelligence Law and the Anti-Telecom Fraud Law
// to their official texts (关键信息基础设施安全保护条例(2021-07-30).md, 国家情报法(2018-04-27).md,
// 反电信网络诈骗法(2022-09-02).md), so that a slip in rules/ fails CI.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { sanctionsOf } from "../../../src/domain/penalty-arithmetic.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { obligationsForActors } from "../../../src/query/actor-obligations.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const tier = (key: string, id: string) => catalog.provisionByKey.get(key)?.data.penalties.find((t) => t.id === id);
const flat = (key: string, id: string) => {
  const t = tier(key, id);
  return t ? sanctionsOf(t) : [];
};

describe("the CII Security Protection Regulations", () => {
  it("are a State Council regulation beyond the source documents, in force from 1 September 2021", () => {
    const ins = catalog.instruments.find((i) => i.id === "cii-security-protection-regulations");
    expect(ins?.data.kind).toBe("administrative-regulation");
    expect(ins?.data.beyondSources).toBe(true);
    expect(ins?.versions.map((v) => v.id)).toEqual(["2021-09-01"]);
    expect(ins?.data.official[0]?.url).toMatch(/^https?:\/\/www\.gov\.cn\//);
  });

  it("define CII in Art. 2 and make it the glossary's definition of the term", () => {
    expect(catalog.provisionByKey.get("cii-security-protection-regulations/p2")?.data.terms).toContain("cii");
    expect(catalog.glossary.find((g) => g.id === "cii")?.definedIn).toBe("cii-security-protection-regulations/p2");
  });

  it("give the identification of CII to the protection work departments (Arts. 9-11)", () => {
    const dept = obligationsForActors(catalog, ["cii-protection-department"], "2026-01-01").map((o) => o.key.split("#")[0]);
    expect(dept).toEqual(expect.arrayContaining(["cii-security-protection-regulations/p9", "cii-security-protection-regulations/p10", "cii-security-protection-regulations/p11"]));
  });

  it("bind a CII operator in 2026 to the operator duties of Arts. 11-21 and 28", () => {
    const keys = new Set(obligationsForActors(catalog, ["cii-operator"], "2026-01-01").map((o) => o.key.split("#")[0]));
    for (const n of [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 28]) expect(keys.has(`cii-security-protection-regulations/p${n}`), `Art. ${n}`).toBe(true);
  });

  // Art. 39: 拒不改正或者导致危害网络安全等后果的，处10万元以上100万元以下罚款，对直接负责的主管人员处1万元以上10万元以下罚款
  it("fine an operator that refuses to correct RMB 100,000-1,000,000 and only the person directly in charge RMB 10,000-100,000 (Art. 39)", () => {
    const t = tier("cii-security-protection-regulations/p39", "refuses-or-harm");
    expect(t?.escalates).toBe("basic");
    expect(flat("cii-security-protection-regulations/p39", "refuses-or-harm")).toEqual([
      expect.objectContaining({ bearer: "entity", kind: "fine", min: 100_000, max: 1_000_000, unit: "CNY" }),
      expect.objectContaining({ bearer: "managers", who: "persons-in-charge", kind: "fine", min: 10_000, max: 100_000 }),
    ]);
  });

  // Art. 41: 处采购金额1倍以上10倍以下罚款
  it("fine an unreviewed purchase one to ten times the purchase amount (Art. 41)", () => {
    expect(flat("cii-security-protection-regulations/p41", "basic")).toContainEqual(
      expect.objectContaining({ bearer: "entity", kind: "fine", min: 1, max: 10, unit: "multiple", base: "purchase-amount" }),
    );
  });

  // Art. 43 para. 3: 5年内不得从事…；受到刑事处罚的人员，终身不得从事…
  it("bar those punished for attacking CII from key posts for five years, or for life after a criminal penalty (Art. 43)", () => {
    expect(flat("cii-security-protection-regulations/p43", "ban-after-public-security-penalty")).toContainEqual(
      expect.objectContaining({ kind: "employment-ban", min: 5, max: 5, unit: "years" }),
    );
    expect(flat("cii-security-protection-regulations/p43", "ban-after-criminal-penalty")).toContainEqual(
      expect.objectContaining({ kind: "employment-ban", duration: "lifetime" }),
    );
  });
});

describe("the National Intelligence Law", () => {
  // 第三十二条 本法自2017年6月28日起施行.
  it("is in force from 28 June 2017, its first text described from the 2018 text", () => {
    const ins = catalog.instruments.find((i) => i.id === "national-intelligence-law");
    expect(ins?.versions.map((v) => [v.id, v.readFrom])).toEqual([["2017-06-28", "later-text"], ["2018-04-27", "official"]]);
    expect(ins?.data.dates.inForce).toBe("2017-06-28");
  });

  it("make every organisation support, assist and cooperate with intelligence work (Art. 7)", () => {
    const keys = obligationsForActors(catalog, ["company"], "2026-01-01").map((o) => o.key);
    expect(keys).toContain("national-intelligence-law/p7#support-intelligence-work");
  });

  // Art. 28: 处警告或者十五日以下拘留
  it("punish obstruction with one of a disciplinary sanction, a warning or up to 15 days' detention (Art. 28)", () => {
    const t = tier("national-intelligence-law/p28", "basic");
    const choice = t?.sanctions[0];
    expect(choice && "oneOf" in choice ? choice.oneOf.map((s) => s.kind) : []).toEqual(["disciplinary-sanction", "warning", "administrative-detention"]);
    expect(flat("national-intelligence-law/p28", "basic")).toContainEqual(expect.objectContaining({ kind: "administrative-detention", max: 15, unit: "days" }));
  });
});

describe("the Anti-Telecom and Online Fraud Law", () => {
  // Arts. 39-41: 情节严重的，处五十万元以上五百万元以下罚款 … 对其直接负责的主管人员和其他直接责任人员，处一万元以上二十万元以下罚款
  it.each(["p39", "p40", "p41"])("fine a serious breach under Art. %s RMB 500,000-5,000,000 and its managers RMB 10,000-200,000", (p) => {
    const all = flat(`anti-telecom-fraud-law/${p}`, "serious");
    expect(all).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "fine", min: 500_000, max: 5_000_000, unit: "CNY" }));
    expect(all).toContainEqual(expect.objectContaining({ bearer: "managers", who: "persons-in-charge-and-others", kind: "fine", min: 10_000, max: 200_000 }));
    expect(tier(`anti-telecom-fraud-law/${p}`, "serious")?.escalates).toBe("lighter");
  });

  // 情节较轻的，给予警告、通报批评，或者处五万元以上五十万元以下罚款
  it.each(["p39", "p40", "p41", "p43"])("make the minor case of Art. %s its own step, below the serious one", (p) => {
    expect(tier(`anti-telecom-fraud-law/${p}`, "lighter")?.level).toBe("minor");
  });

  it("offer a warning, public criticism or a fine of RMB 50,000-500,000 as alternatives in minor cases (Art. 41)", () => {
    const choice = tier("anti-telecom-fraud-law/p41", "lighter")?.sanctions.find((s) => "oneOf" in s);
    expect(choice && "oneOf" in choice ? choice.oneOf : []).toContainEqual(expect.objectContaining({ kind: "fine", min: 50_000, max: 500_000 }));
  });

  // Art. 44: 处违法所得一倍以上十倍以下罚款，没有违法所得或者违法所得不足二万元的，处二十万元以下罚款
  it("make the card-trading fine depend on the illegal gains (Art. 44)", () => {
    const all = flat("anti-telecom-fraud-law/p44", "basic").filter((s) => s.bearer === "individual" && s.kind === "fine");
    expect(all).toEqual([
      expect.objectContaining({ min: 1, max: 10, unit: "multiple", base: "illegal-gains", if: { gains: { atLeast: 20_000 } } }),
      expect.objectContaining({ max: 200_000, unit: "CNY", if: { gains: { below: 20_000, orNone: true } } }),
    ]);
  });

  it("bind banks and non-bank payment institutions to customer due diligence (Art. 15)", () => {
    for (const actor of ["banking-institution", "non-bank-payment-institution"]) {
      expect(obligationsForActors(catalog, [actor], "2026-01-01").map((o) => o.key)).toContain("anti-telecom-fraud-law/p15#due-diligence");
    }
  });
});
