// Loads the real rules/ so that bad data fails CI, and pins facts read from the official texts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { obligationsForActors } from "../../../src/query/actor-obligations.js";
import { REAL_RULES } from "../../helpers/test-app.js";
import { sanctionsOf } from "../../../src/domain/penalty-arithmetic.js";
import { figuresOnlyInNotes, highConfidenceNotReadFromOfficial, workingNotesIn, WORKING_NOTE_WORDS } from "../../helpers/figures-in-notes.js";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

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
const tierSanctions = (key: string, tier: string) => sanctionsOf(tiers(key).find((t) => t.id === tier) ?? { sanctions: [] });
const sanction = (key: string, tier: string, bearer: string, kind = "fine") => tierSanctions(key, tier).find((s) => s.bearer === bearer && s.kind === kind);

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

  it("cite a source document on every instrument (or, beyond the sources, its official text), and an official text for every version", () => {
    for (const ins of catalog.instruments) {
      if (ins.data.beyondSources) expect(ins.data.official.length, ins.id).toBeGreaterThan(0);
      else expect(ins.data.sources.length, ins.id).toBeGreaterThan(0);
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
    const p66 = tiers("cybersecurity-law/p66").flatMap((t) => sanctionsOf(t));
    expect(p66).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "fine", min: 50_000, max: 500_000 }));
    expect(p66).toContainEqual(expect.objectContaining({ bearer: "managers", kind: "fine", min: 10_000, max: 100_000 }));
  });

  it("reach RMB 10 million under the 2026 Cybersecurity Law", () => {
    const max = Math.max(...catalog.provisions.filter((p) => p.instrumentId === "cybersecurity-law").flatMap((p) => p.data.penalties.filter((t) => t.versions?.includes("2026-01-01")).flatMap((t) => sanctionsOf(t).map((s) => s.max ?? 0))));
    expect(max).toBe(10_000_000);
  });

  // 反恐怖主义法 Art. 84: entity ≥ RMB 500,000 in the serious tier, managers ≥ 100,000, detention 5–15 days.
  it("keep the Counterterrorism Law's open bounds open", () => {
    const all = tiers("counterterrorism-law/p84").flatMap((t) => sanctionsOf(t));
    expect(all).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "fine", min: 500_000 }));
    expect(all.find((s) => s.bearer === "entity" && s.kind === "fine" && s.min === 500_000)?.max).toBeUndefined();
    expect(all).toContainEqual(expect.objectContaining({ bearer: "managers", kind: "administrative-detention", min: 5, max: 15, unit: "days" }));
  });

  it("let an entity commit the Art. 286-1 offence (单位犯前款罪)", () => {
    const all = tiers("criminal-law/p286-1").flatMap((t) => sanctionsOf(t));
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

  it("keep every penalty figure in the structured fields, never only in a note", () => {
    expect(figuresOnlyInNotes(catalog)).toEqual([]);
  });

  // Issue 22 §4: high means read from an official text, in every text the article or tier stands in.
  it("claim high confidence only for an article or tier read from an official text in every text it stands in", () => {
    expect(highConfidenceNotReadFromOfficial(catalog)).toEqual([]);
  });

  it("show readers no working note (guesses, hearsay, the state of our research) in any rules file", async () => {
    const files = (await readdir(REAL_RULES)).filter((f) => f.endsWith(".yaml")).sort();
    const found = [];
    for (const f of files) found.push(...workingNotesIn(f, parse(await readFile(path.join(REAL_RULES, f), "utf8"))));
    expect(found).toEqual([]);
  });

  it("catch each working-note word, whatever its case and line breaks", () => {
    for (const w of WORKING_NOTE_WORDS) {
      const text = `The text ${w.toUpperCase().replace(" ", "\n  ")} so.`;
      expect(workingNotesIn("x.yaml", { versions: [{ note: text }] }), w).toEqual([{ where: "x.yaml: versions[0].note", words: expect.any(String) }]);
    }
    expect(workingNotesIn("x.yaml", { note: "Read from the official text.", web: [{ url: "https://example.org/probably" }] })).toEqual([]);
  });

  // 网络安全法(2016) 第六十五条: 处采购金额一倍以上十倍以下罚款.
  it("express a multiple of the purchase amount as data (CSL 2017 Art. 65, 2026 Art. 67)", () => {
    for (const tier of ["basic", "basic-2026"]) {
      expect(sanction("cybersecurity-law/p65", tier, "entity")).toMatchObject({ min: 1, max: 10, unit: "multiple", base: "purchase-amount" });
    }
  });

  // 第六十四条: 处违法所得一倍以上十倍以下罚款，没有违法所得的，处一百万元以下罚款.
  it("make the no-gains fine of CSL 2017 Art. 64 conditional, not a note", () => {
    const fines = tierSanctions("cybersecurity-law/p64", "basic").filter((s) => s.kind === "fine" && s.bearer === "entity");
    expect(fines).toContainEqual(expect.objectContaining({ max: 1_000_000, unit: "CNY", if: { gains: "none" } }));
    expect(fines).toContainEqual(expect.objectContaining({ min: 1, max: 10, base: "illegal-gains" }));
  });

  // 第六十三条: 情节较重的 5–15 days and RMB 100,000–1,000,000 for the managers too (依照前款规定处罚).
  it("give the CSL Art. 63 managers their own more-serious tier with figures", () => {
    expect(sanction("cybersecurity-law/p63", "entity-managers-more-serious", "managers", "administrative-detention")).toMatchObject({ min: 5, max: 15, unit: "days" });
    expect(sanction("cybersecurity-law/p63", "entity-managers-more-serious", "managers")).toMatchObject({ min: 100_000, max: 1_000_000, optional: true });
    expect(sanction("cybersecurity-law/p63", "employment-ban-criminal", "individual", "employment-ban")).toMatchObject({ duration: "lifetime" });
  });

  it("keep the CSL Art. 63 organisation and ban paragraphs in the 2026 text (Art. 66)", () => {
    const in2026 = tiers("cybersecurity-law/p63").filter((t) => !t.versions || t.versions.includes("2026-01-01")).map((t) => t.id);
    expect(in2026).toEqual(expect.arrayContaining(["entity", "employment-ban", "employment-ban-criminal"]));
  });

  // 第六十条: 违反本法第二十二条第一款、第二款和第四十八条第一款规定 — Art. 48 para. 1 binds 任何个人和组织.
  it("punish individuals under CSL 2017 Art. 60 and pinpoint the duties it enforces (not the standards duty of Art. 22 para. 1)", () => {
    const basic = tiers("cybersecurity-law/p60").find((t) => t.id === "basic");
    expect(basic?.enforces).toEqual(["p22#no-malware", "p22#remedy-and-report-defects", "p22#maintain-security", "p48#no-malware-in-messages-or-apps"]);
    expect(sanction("cybersecurity-law/p60", "refuses-to-correct", "individual")).toMatchObject({ min: 50_000, max: 500_000 });
    expect(sanction("cybersecurity-law/p60", "refuses-to-correct", "managers")).toMatchObject({ who: "persons-in-charge" });
  });

  it("print the CSL 2017 Art. 59 ladder in order, each step pointing at the one it escalates from", () => {
    const ladder = tiers("cybersecurity-law/p59").filter((t) => t.versions?.includes("2026-01-01"));
    expect(ladder.map((t) => [t.id, t.level, t.escalates])).toEqual([
      ["operator-basic-2026", "first-violation", undefined],
      ["operator-refuses-to-correct-2026", "refuses-or-harm", "operator-basic-2026"],
      ["cii-basic-2026", "first-violation", undefined],
      ["cii-refuses-to-correct-2026", "refuses-or-harm", "cii-basic-2026"],
      ["serious-2026", "serious", "operator-refuses-to-correct-2026"],
      ["especially-serious-2026", "especially-serious", "serious-2026"],
    ]);
  });

  // 网络安全法 (2026) 第七十一条 refers personal-information and CII data-export breaches to other laws.
  it("link CSL 2026 Art. 71 to the PIPL and DSL articles that punish what it refers away", () => {
    const p70 = catalog.provisionByKey.get("cybersecurity-law/p70");
    expect(p70?.refersTo).toEqual(expect.arrayContaining(["personal-information-protection-law/p66", "data-security-law/p46"]));
    expect(catalog.provisionByKey.get("personal-information-protection-law/p66")?.referredBy).toContain("cybersecurity-law/p70");
    const exportTier = tiers("cybersecurity-law/p70").find((t) => t.id === "cii-data-export-2026");
    expect(exportTier).toMatchObject({ versions: ["2026-01-01"], enforces: ["p37"] });
  });

  it("follow the conduct of CSL 2026 Art. 71 back to the 2016 articles that punished it, and mark its links to other laws as a reading", () => {
    const byId = new Map(tiers("cybersecurity-law/p70").map((t) => [t.id, t]));
    expect(byId.get("personal-information-2026")).toMatchObject({ formerly: ["p64.1"], refersTo: ["personal-information-protection-law/p66"] });
    expect(byId.get("cii-data-export-2026")).toMatchObject({ formerly: ["p66"], punishes: ["cii-operator"] });
    // Para. 2 leaves theft and sale of personal information to the police under laws it does not name.
    expect(byId.get("theft-or-sale-2026")).toMatchObject({ formerly: ["p64.2"], imposedBy: "public-security-organ", para: 2 });
    expect(byId.get("theft-or-sale-2026")?.refersTo).toBeUndefined();
    for (const id of ["personal-information-2026", "cii-data-export-2026"]) expect(byId.get(id)?.note).toMatch(/names no law.*editors' reading/s);
  });

  it("refer CSL 2026 Arts. 62 and 65 para. 2 to Art. 61 para. 3 without copying its figures", () => {
    for (const [key, id] of [["cybersecurity-law/p60", "serious-2026"], ["cybersecurity-law/p62", "serious-consequences-2026"]] as const) {
      const t = tiers(key).find((x) => x.id === id);
      expect(t).toMatchObject({ para: 2, refersTo: ["p59.3"], sanctions: [] });
    }
  });

  it("name whom every Cybersecurity Law tier punishes, in both texts", () => {
    const csl = catalog.instrumentById.get("cybersecurity-law");
    const unnamed = (csl?.provisions ?? []).flatMap((p) => p.data.penalties.filter((t) => !t.punishes?.length).map((t) => `${p.key}#${t.id}`));
    expect(unnamed).toEqual([]);
  });

  it("grade CSL 2017 Art. 61 (2026 Art. 64) as refuses-or-serious (拒不改正或者情节严重)", () => {
    expect(tiers("cybersecurity-law/p61").find((t) => t.id === "refuses-or-serious")?.level).toBe("refuses-or-serious");
  });

  // The "done when": the register for a CII operator in 2026 lists its PIPL and DSL duties.
  it("bind a CII operator with the data laws' duties: PIPL localisation and handler duties, DSL data-security duties", () => {
    const keys = obligationsForActors(catalog, ["cii-operator"], "2026-12-01").map((o) => o.key.split("#")[0]);
    expect(keys).toEqual(expect.arrayContaining(["personal-information-protection-law/p40", "personal-information-protection-law/p51", "data-security-law/p27", "data-security-law/p31", "cybersecurity-law/p37"]));
  });
});

