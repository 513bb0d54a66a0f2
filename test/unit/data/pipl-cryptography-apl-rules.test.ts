// Pins facts of the Personal Information Protection Law, the Cryptography Law and the
// Administrative Penalty Law as read from their official texts (个人信息保护法(2021-08-20).md,
// 密码法(2019-10-26).md, 行政处罚法(2021-01-22).md), on the real rules/.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { sanctionsOf } from "../../../src/domain/penalty-arithmetic.js";
import { obligationsForActors } from "../../../src/query/actor-obligations.js";
import { buildArticlePage } from "../../../src/view-models/article-page.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const tier = (key: string, id: string) => catalog.provisionByKey.get(key)?.data.penalties.find((t) => t.id === id);
const flat = (key: string, id: string) => sanctionsOf(tier(key, id) ?? { sanctions: [] });

describe("the PIPL, Cryptography Law and Administrative Penalty Law rules", () => {
  // 第六十八条: 由其上级机关或者履行个人信息保护职责的部门责令改正 … 工作人员 … 依法给予处分 (no organ named)
  it("name both organs that may order a state organ to correct under PIPL Art. 68, and none for its staff", () => {
    const key = "personal-information-protection-law/p68";
    expect(tier(key, "state-organ")?.imposedBy).toEqual(["superior-organ", "pi-protection-department"]);
    expect(tier(key, "official-misconduct")?.imposedBy).toBeUndefined();
    const p = catalog.provisionByKey.get(key);
    const ins = catalog.instrumentById.get("personal-information-protection-law");
    const page = p && ins ? buildArticlePage(catalog, ins, p, "2021-11-01", "http://x") : undefined;
    expect(page?.tiers.find((t) => t.id === "state-organ")?.imposedBy).toBe("superior organ or the department with personal information protection duties");
  });

  // 第三十三条: 由密码管理部门责令改正或者停止违法行为，给予警告; 第四十条: 依法给予处分
  it("give Cryptography Law Art. 33 to the cryptography administration, and Art. 40 to no named organ", () => {
    expect(tier("cryptography-law/p33", "basic")?.imposedBy).toBe("cryptography-authority");
    expect(tier("cryptography-law/p40", "basic")?.imposedBy).toBeUndefined();
  });

  // 第六十六条第一款: 拒不改正的，并处一百万元以下罚款；对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款.
  it("escalate PIPL Art. 66 para. 1 to a fine of up to RMB 1 million only on refusal to correct", () => {
    const key = "personal-information-protection-law/p66";
    expect(flat(key, "basic").some((s) => s.kind === "fine")).toBe(false);
    expect(tier(key, "refuses-to-correct")).toMatchObject({ para: 1, escalates: "basic", level: "refuses-to-correct" });
    expect(flat(key, "refuses-to-correct")).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "fine", max: 1_000_000, unit: "CNY" }));
    expect(flat(key, "refuses-to-correct")).toContainEqual(expect.objectContaining({ bearer: "managers", who: "persons-in-charge-and-others", min: 10_000, max: 100_000 }));
  });

  // 第六十六条第二款: 五千万元以下或者上一年度营业额百分之五以下罚款 … 十万元以上一百万元以下罚款 … 可以决定禁止其在一定期限内担任….
  it("give PIPL Art. 66 para. 2 its two caps as one choice, and the managers' fine and ban as data", () => {
    const key = "personal-information-protection-law/p66";
    const serious = flat(key, "serious");
    const caps = serious.filter((s) => s.bearer === "entity" && s.kind === "fine");
    expect(caps).toEqual([
      expect.objectContaining({ max: 50_000_000, unit: "CNY" }),
      expect.objectContaining({ max: 5, unit: "percent", base: "previous-year-turnover" }),
    ]);
    expect(caps[0]?.choice).toBeDefined();
    expect(caps[0]?.choice).toBe(caps[1]?.choice);
    expect(serious).toContainEqual(expect.objectContaining({ bearer: "managers", kind: "fine", min: 100_000, max: 1_000_000 }));
    expect(serious).toContainEqual(expect.objectContaining({ bearer: "managers", kind: "employment-ban", optional: true }));
    expect(tier(key, "serious")).toMatchObject({ para: 2, level: "serious" });
  });

  // 第四十条: 关键信息基础设施运营者和处理个人信息达到国家网信部门规定数量的个人信息处理者 … 存储在境内.
  it("bind CII operators and large-volume handlers with PIPL localisation, and punish it under Art. 66", () => {
    for (const actor of ["cii-operator", "large-volume-pi-handler"]) {
      const keys = obligationsForActors(catalog, [actor], catalog.meta.asOf).map((o) => o.key);
      expect(keys, actor).toContain("personal-information-protection-law/p40#store-in-china");
    }
    expect(tier("personal-information-protection-law/p66", "serious")?.enforces).toContain("p40");
  });

  it("give large platforms the PIPL Art. 58 duties on top of every handler's duties", () => {
    const platform = obligationsForActors(catalog, ["major-platform-pi-handler"], catalog.meta.asOf).map((o) => o.key);
    const handler = obligationsForActors(catalog, ["personal-information-handler"], catalog.meta.asOf).map((o) => o.key);
    expect(handler.filter((k) => !platform.includes(k))).toEqual([]);
    expect(platform).toContain("personal-information-protection-law/p58#independent-oversight");
  });

  // 密码法第三十七条: 十万元以上一百万元以下 / 直接负责的主管人员 一万元以上十万元以下; 采购金额一倍以上十倍以下.
  it("carry the Cryptography Law Art. 37 figures for CII operators", () => {
    const key = "cryptography-law/p37";
    expect(tier(key, "refuses-or-harm")).toMatchObject({ escalates: "basic", enforces: ["p27.1"] });
    expect(flat(key, "refuses-or-harm")).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "fine", min: 100_000, max: 1_000_000 }));
    expect(flat(key, "refuses-or-harm")).toContainEqual(expect.objectContaining({ bearer: "managers", who: "persons-in-charge", min: 10_000, max: 100_000 }));
    expect(flat(key, "unreviewed-products")).toContainEqual(expect.objectContaining({ kind: "fine", min: 1, max: 10, unit: "multiple", base: "purchase-amount" }));
  });

  // 第三十五条、第三十九条: 三十万元; 第三十六条: 十万元 — the threshold of illegal gains that switches the fine.
  it.each([
    ["cryptography-law/p35", 300_000, 100_000, 300_000],
    ["cryptography-law/p36", 100_000, 30_000, 100_000],
    ["cryptography-law/p39", 300_000, 100_000, 300_000],
  ])("make the fines of %s conditional on illegal gains of RMB %i", (key, threshold, min, max) => {
    const fines = flat(key, "basic").filter((s) => s.kind === "fine");
    expect(fines).toContainEqual(expect.objectContaining({ min: 1, max: 3, base: "illegal-gains", optional: true, if: { gains: { atLeast: threshold } } }));
    expect(fines).toContainEqual(expect.objectContaining({ min, max, unit: "CNY", optional: true, if: { gains: { below: threshold, orNone: true } } }));
  });

  // 行政处罚法第八十六条: 本法自2021年7月15日起施行.
  it("date the revised Administrative Penalty Law from 15 July 2021 and bind administrative organs", () => {
    const apl = catalog.instruments.find((i) => i.id === "administrative-penalty-law");
    expect(apl?.versions.map((v) => v.id)).toEqual(["2021-07-15"]);
    for (const p of ["p32", "p33", "p36", "p37"]) {
      const obligations = catalog.provisionByKey.get(`administrative-penalty-law/${p}`)?.data.obligations ?? [];
      expect(obligations.length, p).toBeGreaterThan(0);
      expect(obligations.every((o) => o.actors.includes("state-organ")), p).toBe(true);
    }
  });
});

describe("duties punished through a pinpoint", () => {
  // 密码法第三十七条第一款 punishes a breach of 第二十七条第一款: the tier names p27.1, the duty lives in p27.
  it("link a CII operator's Cryptography Law Art. 27 duty to the Art. 37 tiers that name p27.1", () => {
    const duty = obligationsForActors(catalog, ["cii-operator"], catalog.meta.asOf).find((o) => o.key === "cryptography-law/p27#use-commercial-cryptography");
    expect(duty?.tiers.map((t) => t.key)).toEqual(["cryptography-law/p37#basic", "cryptography-law/p37#refuses-or-harm"]);
  });

  // 第三十七条第二款 punishes only a breach of 第二十七条第二款 (采购金额一倍以上十倍以下).
  it("link the Art. 27 para. 2 security-review duty only to the para. 2 tier", () => {
    const duty = obligationsForActors(catalog, ["cii-operator"], catalog.meta.asOf).find((o) => o.key === "cryptography-law/p27#security-review");
    expect(duty?.tiers.map((t) => t.key)).toEqual(["cryptography-law/p37#unreviewed-products"]);
  });
});
