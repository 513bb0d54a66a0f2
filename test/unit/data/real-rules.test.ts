// Loads the real rules/ so that bad data fails CI, and pins facts read from the official texts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { obligationsForActors } from "../../../src/query/actor-obligations.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

// Every instrument SCOPE.md lists, by the id its rules file carries.
const SCOPE_IDS = [
  "cybersecurity-law", "counterterrorism-law", "criminal-law", "foreign-ngo-law", "national-security-law",
  "counter-espionage-law", "charity-law", "foundations-regulations-draft", "social-service-agencies-regulations-draft",
  "social-groups-regulations-draft", "fngo-office-registration-guidelines-draft", "xinjiang-counterterrorism-measures",
  "law-firm-measures", "lawyer-practice-measures", "telephone-real-identity-regulations", "account-name-regulations",
  "instant-messaging-provisions", "internet-search-provisions", "private-network-audiovisual-provisions",
  "mobile-app-provisions", "dangerous-articles-information-provisions", "news-admonishment-provisions",
  "mapping-regulations", "population-health-information-measures", "network-publication-provisions",
  "domain-name-measures-draft", "electronic-data-criminal-provisions", "online-defamation-interpretation",
  "credit-punishment-opinions", "party-groups-regulations", "central-soe-csr-guidelines", "sina-weibo-community-rules",
  "civil-code", "labor-contract-law", "civil-procedure-law-interpretation", "civil-evidence-provisions",
];

const tiers = (key: string) => catalog.provisionByKey.get(key)?.data.penalties ?? [];
const sanction = (key: string, tier: string, bearer: string, kind = "fine") =>
  tiers(key).find((t) => t.id === tier)?.sanctions.find((s) => s.bearer === bearer && s.kind === kind);

describe("the real rules", () => {
  it("validate and cover every instrument in SCOPE.md", () => {
    const ids = catalog.instruments.map((i) => i.id);
    expect(SCOPE_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("never report a draft as in force", () => {
    for (const ins of catalog.instruments.filter((i) => i.data.draft)) {
      expect(["draft-pending", "never-adopted", "replaced"]).toContain(ins.data.status);
    }
  });

  it("cite a source document on every instrument, and an official text for every version", () => {
    for (const ins of catalog.instruments) {
      expect(ins.data.sources.length, ins.id).toBeGreaterThan(0);
      for (const v of ins.versions) expect(v.official ?? ins.data.official[0]?.url, `${ins.id} ${v.id}`).toBeTruthy();
    }
  });

  it("number the Cybersecurity Law in both texts (old 37 is new 39, old 59 is new 61)", () => {
    expect(catalog.provisionByKey.get("cybersecurity-law/p37")?.data.numbers).toEqual({ "2017-06-01": "37", "2026-01-01": "39" });
    expect(catalog.provisionByKey.get("cybersecurity-law/p40")?.data.numbers["2026-01-01"]).toBe("42");
    expect(catalog.provisionByKey.get("cybersecurity-law/p59")?.data.numbers["2026-01-01"]).toBe("61");
    expect(catalog.provisionByKey.get("cybersecurity-law/p20-v2026")?.data.numbers).toEqual({ "2026-01-01": "20" });
  });

  // Figures read from 网络安全法(2016-11-07).md, Arts. 59 and 66.
  it("carry the 2016 Cybersecurity Law fines exactly", () => {
    expect(sanction("cybersecurity-law/p59", "operator-refuses-to-correct", "entity")).toMatchObject({ min: 10_000, max: 100_000, unit: "CNY" });
    expect(sanction("cybersecurity-law/p59", "operator-refuses-to-correct", "managers")).toMatchObject({ min: 5_000, max: 50_000 });
    expect(sanction("cybersecurity-law/p59", "cii-refuses-to-correct", "entity")).toMatchObject({ min: 100_000, max: 1_000_000 });
    const p66 = tiers("cybersecurity-law/p66").flatMap((t) => t.sanctions);
    expect(p66).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "fine", min: 50_000, max: 500_000 }));
    expect(p66).toContainEqual(expect.objectContaining({ bearer: "managers", kind: "fine", min: 10_000, max: 100_000 }));
  });

  it("reach RMB 10 million under the 2026 Cybersecurity Law", () => {
    const max = Math.max(...catalog.provisions.filter((p) => p.instrumentId === "cybersecurity-law").flatMap((p) => p.data.penalties.filter((t) => t.versions?.includes("2026-01-01")).flatMap((t) => t.sanctions.map((s) => s.max ?? 0))));
    expect(max).toBe(10_000_000);
  });

  // 反恐怖主义法 Art. 84: entity ≥ RMB 500,000 in the serious tier, managers ≥ 100,000, detention 5–15 days.
  it("keep the Counterterrorism Law's open bounds open", () => {
    const all = tiers("counterterrorism-law/p84").flatMap((t) => t.sanctions);
    expect(all).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "fine", min: 500_000 }));
    expect(all.find((s) => s.bearer === "entity" && s.kind === "fine" && s.min === 500_000)?.max).toBeUndefined();
    expect(all).toContainEqual(expect.objectContaining({ bearer: "managers", kind: "administrative-detention", min: 5, max: 15, unit: "days" }));
  });

  it("let an entity commit the Art. 286-1 offence (单位犯前款罪)", () => {
    const all = tiers("criminal-law/p286-1").flatMap((t) => t.sanctions);
    expect(all).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "criminal-fine" }));
    expect(all).toContainEqual(expect.objectContaining({ kind: "fixed-term-imprisonment", max: 3, unit: "years" }));
  });

  it("bind a CII operator with every duty of a network operator", () => {
    const cii = obligationsForActors(catalog, ["cii-operator"], catalog.meta.asOf).map((o) => o.key);
    const operator = obligationsForActors(catalog, ["network-operator"], catalog.meta.asOf).map((o) => o.key);
    expect(operator.length).toBeGreaterThan(10);
    expect(operator.filter((k) => !cii.includes(k))).toEqual([]);
    expect(cii).toContain("cybersecurity-law/p37#" + (catalog.provisionByKey.get("cybersecurity-law/p37")?.data.obligations[0]?.id ?? ""));
  });
});
