// Pins facts read from the official texts of the Data Security Law (数据安全法(2021-06-10).md)
// and the Network Data Security Management Regulations (网络数据安全管理条例(2024-09-24).md),
// so that an edit that changes a fine, a tier's condition or a bound actor fails CI.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import type { PenaltyTier, Sanction } from "../../../src/domain/rules-schema.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { obligationsForActors } from "../../../src/query/actor-obligations.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const tiers = (key: string): PenaltyTier[] => catalog.provisionByKey.get(key)?.data.penalties ?? [];
const tier = (key: string, id: string) => tiers(key).find((t) => t.id === id);
/** The tier's plain sanctions (a oneOf choice is a list of alternatives, checked separately). */
const plain = (t: PenaltyTier | undefined): Sanction[] => (t?.sanctions ?? []).filter((s): s is Sanction => "bearer" in s);
const fineOf = (key: string, id: string, bearer: string) => plain(tier(key, id)).filter((s) => s.bearer === bearer && s.kind === "fine");

describe("the Data Security Law", () => {
  it("is in force from 1 September 2021 and names its official text", () => {
    const ins = catalog.instruments.find((i) => i.id === "data-security-law");
    expect(ins?.data.dates).toMatchObject({ adopted: "2021-06-10", inForce: "2021-09-01" });
    expect(ins?.data.versions.map((v) => v.id)).toEqual(["2021-09-01"]);
    expect(ins?.data.official[0]?.url).toMatch(/^https?:\/\/www\.npc\.gov\.cn\//);
  });

  // Art. 45: 可以并处五万元以上五十万元以下罚款 … 拒不改正或者造成大量数据泄露等严重后果的，处五十万元以上二百万元以下罚款
  it("punishes the Art. 27, 29 and 30 duties on a two-step ladder, the first fine discretionary", () => {
    expect(tiers("data-security-law/p45").map((t) => t.id)).toEqual(["basic", "refuses-or-harm", "core-data", "crime"]);
    expect(fineOf("data-security-law/p45", "basic", "entity")).toEqual([expect.objectContaining({ min: 50_000, max: 500_000, unit: "CNY", optional: true })]);
    expect(fineOf("data-security-law/p45", "basic", "managers")).toEqual([expect.objectContaining({ min: 10_000, max: 100_000, optional: true })]);
    expect(tier("data-security-law/p45", "refuses-or-harm")).toMatchObject({ level: "refuses-or-harm", escalates: "basic", enforces: ["p27", "p29", "p30"] });
    const refused = fineOf("data-security-law/p45", "refuses-or-harm", "entity")[0];
    expect(refused).toMatchObject({ min: 500_000, max: 2_000_000 });
    expect(refused?.optional).toBeUndefined();
    expect(fineOf("data-security-law/p45", "refuses-or-harm", "managers")).toEqual([expect.objectContaining({ min: 50_000, max: 200_000 })]);
  });

  // Art. 45 para. 2: 违反国家核心数据管理制度 … 处二百万元以上一千万元以下罚款
  it("sets RMB 2-10 million for breaching the national core-data regime, from para. 2", () => {
    expect(tier("data-security-law/p45", "core-data")).toMatchObject({ para: 2, enforces: ["p21.2"] });
    expect(fineOf("data-security-law/p45", "core-data", "entity")).toEqual([expect.objectContaining({ min: 2_000_000, max: 10_000_000, unit: "CNY" })]);
    expect(fineOf("data-security-law/p45", "core-data", "managers")).toEqual([]);
  });

  // Art. 46: 情节严重的，处一百万元以上一千万元以下罚款 … 对直接负责的主管人员和其他直接责任人员处十万元以上一百万元以下罚款
  it("fines unlawful export of important data up to RMB 10 million when serious", () => {
    expect(fineOf("data-security-law/p46", "basic", "entity")).toEqual([expect.objectContaining({ min: 100_000, max: 1_000_000, optional: true })]);
    expect(tier("data-security-law/p46", "serious")).toMatchObject({ level: "serious", escalates: "basic", enforces: ["p31"] });
    expect(fineOf("data-security-law/p46", "serious", "entity")).toEqual([expect.objectContaining({ min: 1_000_000, max: 10_000_000 })]);
    expect(fineOf("data-security-law/p46", "serious", "managers")).toEqual([expect.objectContaining({ min: 100_000, max: 1_000_000, who: "persons-in-charge-and-others" })]);
  });

  // Art. 47: 处违法所得一倍以上十倍以下罚款，没有违法所得或者违法所得不足十万元的，处十万元以上一百万元以下罚款
  it("makes the data-trading intermediary's fine depend on its illegal gains", () => {
    const fines = fineOf("data-security-law/p47", "basic", "entity");
    expect(fines).toContainEqual(expect.objectContaining({ min: 1, max: 10, unit: "multiple", base: "illegal-gains", if: { gains: { atLeast: 100_000 } } }));
    expect(fines).toContainEqual(expect.objectContaining({ min: 100_000, max: 1_000_000, unit: "CNY", if: { gains: { below: 100_000, orNone: true } } }));
    expect(fines.every((s) => s.if !== undefined)).toBe(true);
  });

  // Art. 48: para. 1 并处 (mandatory) RMB 50,000-500,000; para. 2 造成严重后果的 RMB 1-5 million.
  it("separates refusing a data request (para. 1) from giving data to foreign authorities (para. 2)", () => {
    expect(tier("data-security-law/p48", "refuses-data-request")).toMatchObject({ para: 1, enforces: ["p35"] });
    expect(fineOf("data-security-law/p48", "refuses-data-request", "entity")[0]?.optional).toBeUndefined();
    expect(tier("data-security-law/p48", "foreign-provision-serious-consequences")).toMatchObject({ para: 2, escalates: "foreign-provision", enforces: ["p36"] });
    expect(fineOf("data-security-law/p48", "foreign-provision-serious-consequences", "entity")).toEqual([expect.objectContaining({ min: 1_000_000, max: 5_000_000 })]);
    expect(fineOf("data-security-law/p48", "foreign-provision-serious-consequences", "managers")).toEqual([expect.objectContaining({ min: 50_000, max: 500_000 })]);
  });
});

describe("the Network Data Security Management Regulations", () => {
  it("are a State Council regulation in force from 1 January 2025", () => {
    const ins = catalog.instruments.find((i) => i.id === "network-data-security-regulations");
    expect(ins?.data).toMatchObject({ kind: "administrative-regulation", status: "in-force" });
    expect(ins?.data.dates).toMatchObject({ promulgated: "2024-09-24", inForce: "2025-01-01" });
    expect(ins?.data.official[0]?.url).toMatch(/^https:\/\/www\.gov\.cn\//);
  });

  // Art. 55: 拒不改正或者情节严重的，处100万元以下罚款 (a cap with no floor)
  it("cap the Art. 55 fine at RMB 1 million without inventing a floor", () => {
    const [fine] = fineOf("network-data-security-regulations/p55", "refuses-or-serious", "entity");
    expect(fine).toMatchObject({ max: 1_000_000, unit: "CNY" });
    expect(fine?.min).toBeUndefined();
    expect(tier("network-data-security-regulations/p55", "refuses-or-serious")?.enforces).toEqual(
      ["p12", "p16", "p17", "p18", "p19", "p20", "p22", "p40.1", "p40.2", "p41", "p42"],
    );
  });

  // Arts. 56 and 57
  it("fine avoidance of national security review up to RMB 10 million and important-data breaches up to RMB 2 million", () => {
    expect(fineOf("network-data-security-regulations/p56", "refuses-or-serious", "entity")).toEqual([expect.objectContaining({ min: 1_000_000, max: 10_000_000 })]);
    expect(fineOf("network-data-security-regulations/p56", "refuses-or-serious", "managers")).toEqual([expect.objectContaining({ min: 100_000, max: 1_000_000 })]);
    expect(tier("network-data-security-regulations/p57", "basic")?.enforces).toEqual(["p29.2", "p30.2", "p30.3", "p31", "p32"]);
    expect(fineOf("network-data-security-regulations/p57", "refuses-or-harm", "entity")).toEqual([expect.objectContaining({ min: 500_000, max: 2_000_000 })]);
  });

  it("bind a large network platform by its own duties and by those of every platform", () => {
    const keys = obligationsForActors(catalog, ["large-network-platform"], "2025-06-01").map((o) => o.key.split("#")[0]);
    expect(keys).toEqual(expect.arrayContaining([
      "network-data-security-regulations/p44",
      "network-data-security-regulations/p46",
      "network-data-security-regulations/p40",
      "network-data-security-regulations/p42",
    ]));
  });

  it("bind nobody before 1 January 2025", () => {
    const keys = obligationsForActors(catalog, ["large-network-platform"], "2024-12-31").map((o) => o.key);
    expect(keys.filter((k) => k.startsWith("network-data-security-regulations/"))).toEqual([]);
  });
});

describe("the two data instruments together", () => {
  const ids = ["data-security-law", "network-data-security-regulations"];

  it("print every ladder first violation first: an escalating tier follows the tier it escalates", () => {
    for (const p of catalog.provisions.filter((x) => ids.includes(x.instrumentId))) {
      const order = p.data.penalties.map((t) => t.id);
      for (const t of p.data.penalties.filter((x) => x.escalates)) {
        expect(order.indexOf(t.escalates as string), `${p.key} ${t.id}`).toBeGreaterThanOrEqual(0);
        expect(order.indexOf(t.escalates as string), `${p.key} ${t.id}`).toBeLessThan(order.indexOf(t.id));
      }
    }
  });

  it("give every fixed amount a unit and every administrative tier an authority", () => {
    for (const p of catalog.provisions.filter((x) => ids.includes(x.instrumentId))) {
      for (const t of p.data.penalties) {
        for (const s of plain(t)) if (s.min !== undefined || s.max !== undefined) expect(s.unit, `${p.key} ${t.id}`).toBeDefined();
        if (plain(t).some((s) => s.kind === "fine")) expect(t.imposedBy, `${p.key} ${t.id}`).toBeDefined();
      }
    }
  });
});
