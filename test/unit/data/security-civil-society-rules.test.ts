// Facts of the criminal, security and civil-society instruments, each read from the official
// text named beside it, pinned so that a change to the rules that contradicts the text fails.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { REAL_RULES } from "../../helpers/test-app.js";
import { obligationsForActors } from "../../../src/query/actor-obligations.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const tier = (key: string, id: string) => catalog.provisionByKey.get(key)?.data.penalties.find((t) => t.id === id);

describe("criminal thresholds as data", () => {
  // 网络诽谤解释 第二条(一): 点击、浏览次数达到五千次以上，或者被转发次数达到五百次以上.
  it("give the online-defamation interpretation's 5,000 views or 500 reposts as thresholds of Art. 2's tier", () => {
    const t = tier("online-defamation-interpretation/p2", "serious");
    expect(t?.thresholds).toEqual([
      { measure: "views", atLeast: 5000, unit: "times" },
      { measure: "reposts", atLeast: 500, unit: "times" },
    ]);
    expect(t?.refersTo).toEqual(["criminal-law/p246.1"]);
  });

  // 第七条: 个人 五万元 / 二万元, 单位 十五万元 / 五万元; 五倍以上 情节特别严重.
  it("give Art. 7's amounts per bearer, and five times them for especially serious circumstances", () => {
    expect(tier("online-defamation-interpretation/p7", "serious")?.thresholds).toEqual([
      { measure: "business-volume", bearer: "individual", atLeast: 50000, unit: "CNY" },
      { measure: "illegal-gains", bearer: "individual", atLeast: 20000, unit: "CNY" },
      { measure: "business-volume", bearer: "entity", atLeast: 150000, unit: "CNY" },
      { measure: "illegal-gains", bearer: "entity", atLeast: 50000, unit: "CNY" },
    ]);
    const worse = tier("online-defamation-interpretation/p7", "especially-serious");
    expect(worse?.escalates).toBe("serious");
    expect(worse?.thresholds?.every((x) => x.unit === "multiple" && x.atLeast === 5)).toBe(true);
  });
});

const choiceKinds = (key: string, id: string, index = 0) => {
  const e = tier(key, id)?.sanctions[index];
  return e && "oneOf" in e ? e.oneOf.map((s) => s.kind) : [];
};

describe("alternatives (或者) written as a choice, and administrative tiers not called crimes", () => {
  // 反间谍法(2014) 第三十二条: 尚不构成犯罪的，由国家安全机关予以警告或者处十五日以下行政拘留.
  it("Counter-Espionage Law 2014 Art. 32 and 2023 Art. 61: a warning or detention, by the state security organ", () => {
    for (const id of ["not-a-crime", "not-a-crime-2023"]) {
      const t = tier("counter-espionage-law/p32", id);
      expect([t?.level, t?.imposedBy]).toEqual(["first-violation", "state-security-organ"]);
      expect(choiceKinds("counter-espionage-law/p32", id)).toEqual(["warning", "administrative-detention"]);
    }
  });

  // 第二十九条: 由其所在单位或者上级主管部门予以处分，或者由国家安全机关处十五日以下行政拘留.
  it("Counter-Espionage Law 2014 Art. 29: a disciplinary sanction or detention", () => {
    expect(choiceKinds("counter-espionage-law/p29", "basic")).toEqual(["disciplinary-sanction", "administrative-detention"]);
  });

  // 反间谍法(2023) 第五十七条: 责令停止建设或者使用、暂扣或者吊销许可证件，或者建议有关主管部门依法予以处理.
  it("Counter-Espionage Law 2023 Art. 57: stop, withhold or revoke the permit, or a referral", () => {
    expect(choiceKinds("counter-espionage-law/p57-v2023", "refuses-or-serious")).toEqual(["order-to-stop", "licence-revocation", "unspecified-liability"]);
  });

  // 第五十六条 / 第五十八条: 通报批评.
  it("Counter-Espionage Law 2023 Arts. 56 and 58: a circulated criticism is a sanction, not a note", () => {
    expect(tier("counter-espionage-law/p56-v2023", "harmful-consequences")?.sanctions).toContainEqual(expect.objectContaining({ kind: "public-criticism" }));
    expect(choiceKinds("counter-espionage-law/p58-v2023", "basic", 1)).toEqual(["warning", "public-criticism"]);
  });

  // 慈善法(2023) 第一百零九条: 予以警告或者责令限期停止活动.
  it("Charity Law 2024 Art. 109: a warning or an order to stop activities", () => {
    expect(choiceKinds("charity-law/p98", "basic-2024", 1)).toEqual(["warning", "order-to-stop"]);
  });

  // 地图管理条例 第五十四条: 责令停业整顿，降低资质等级或者吊销测绘资质证书.
  it("Mapping Regulations Art. 54: suspension, and a lower grade or revocation", () => {
    expect(choiceKinds("mapping-regulations/p54", "serious", 1)).toEqual(["qualification-downgrade", "licence-revocation"]);
  });
});

describe("versions", () => {
  // 国家情报法 第三十二条: 本法自2017年6月28日起施行.
  it("show the National Intelligence Law's duties in a register of 1 October 2017, and none before 28 June 2017", () => {
    const keys = (at: string) => obligationsForActors(catalog, ["company"], at).map((o) => o.key);
    expect(keys("2017-10-01")).toContain("national-intelligence-law/p7#support-intelligence-work");
    expect(keys("2017-06-27")).not.toContain("national-intelligence-law/p7#support-intelligence-work");
  });
});

describe("kinds, authorities and bearers read from the text", () => {
  // 国家安全法 第十三条: 依法追究法律责任.
  it("National Security Law Art. 13 leaves the kind of liability open", () => {
    for (const id of ["officials", "individuals-and-organisations"]) {
      expect(tier("national-security-law/p13", id)?.sanctions.every((s) => "kind" in s && s.kind === "unspecified-liability")).toBe(true);
    }
  });

  // 国家情报法 第二十八条、第二十九条: 由国家安全机关、公安机关处警告或者十五日以下拘留; 第三十条: 依照治安管理处罚法.
  it("National Intelligence Law Arts. 28–30: the state security or public security organ; Art. 30 a public-security penalty", () => {
    for (const key of ["national-intelligence-law/p28", "national-intelligence-law/p29"]) expect(tier(key, "basic")?.imposedBy).toEqual(["state-security-organ", "public-security-organ"]);
    expect(tier("national-intelligence-law/p30", "basic")?.sanctions).toEqual([expect.objectContaining({ kind: "public-security-penalty" })]);
  });

  // 第二十四条第二款: 有关部门以及国有企业事业单位应当协助; 第七条: 任何组织和公民.
  it("National Intelligence Law Art. 24 binds state-owned enterprises and public institutions, Art. 7 organisations and citizens with no remark for a condition", () => {
    const help = catalog.provisionByKey.get("national-intelligence-law/p24")?.data.obligations[0];
    expect(help?.actors).toEqual(expect.arrayContaining(["state-owned-enterprise", "public-institution"]));
    const p7 = catalog.provisionByKey.get("national-intelligence-law/p7")?.data.obligations.find((o) => o.id === "support-intelligence-work");
    expect([p7?.actors, p7?.conditions]).toEqual([["organisation", "individual"], undefined]);
  });
});

describe("whom each tier punishes", () => {
  const MINE = [
    "criminal-law", "counterterrorism-law", "counter-espionage-law", "national-intelligence-law", "national-security-law",
    "online-defamation-interpretation", "electronic-data-criminal-provisions", "xinjiang-counterterrorism-measures", "foreign-ngo-law",
    "charity-law", "mapping-regulations", "law-firm-measures", "lawyer-practice-measures", "account-name-regulations",
    "telephone-real-identity-regulations", "labor-contract-law", "civil-code", "credit-punishment-opinions",
  ];

  it("names the punished actors on every tier of the criminal, security and civil-society instruments", () => {
    const unnamed = catalog.provisions.filter((p) => MINE.includes(p.instrumentId)).flatMap((p) => p.data.penalties.filter((t) => !t.punishes).map((t) => `${p.key}#${t.id}`));
    expect(unnamed).toEqual([]);
  });

  // 劳动合同法 第八十七条 punishes the employer, not the employee bound by the employer's rules (Art. 39).
  it("shows an employer's unlawful-termination liability under the employer's duty only", () => {
    const t = tier("labor-contract-law/p87", "unlawful-termination");
    expect([t?.punishes, t?.enforces]).toEqual([["employer"], ["p39#dismiss-only-on-listed-grounds", "p48"]]);
  });

  // 律师法 第四十九条: 停止执业六个月以上一年以下.
  it("gives a lawyer's suspension from practice its own kind, not a business's suspension", () => {
    expect(tier("lawyer-practice-measures/p40", "lawyers-law-art-49")?.sanctions).toContainEqual(expect.objectContaining({ kind: "practice-suspension", min: 6, max: 12, unit: "months" }));
  });
});

describe("versions read from the dates in force", () => {
  it("dates the Xinjiang measures' 2018 text by its entry into force and keeps the adoption date as a former id", () => {
    const v = catalog.instruments.find((i) => i.id === "xinjiang-counterterrorism-measures")?.versions.at(-1);
    expect([v?.id, v?.adopted, v?.formerIds]).toEqual(["2018-10-09", "2018-09-05", ["2018-09-05"]]);
  });
});

describe("Criminal Law articles of Amendment (9)", () => {
  const flat = (key: string, id: string) => (tier(key, id)?.sanctions ?? []).flatMap((e) => ("oneOf" in e ? e.oneOf : [e]));

  // 刑法 第一百二十条: 组织、领导…处十年以上有期徒刑或者无期徒刑，并处没收财产; 其他参加的…可以并处罚金.
  it("grade Art. 120 by role, with confiscation for organisers and an optional fine for other participants", () => {
    expect(flat("criminal-law/p120", "organisers")).toEqual([
      expect.objectContaining({ kind: "fixed-term-imprisonment", min: 10 }),
      expect.objectContaining({ kind: "life-imprisonment" }),
      expect.objectContaining({ kind: "confiscation-of-property" }),
    ]);
    expect(flat("criminal-law/p120", "other-participants").at(-1)).toMatchObject({ kind: "criminal-fine", optional: true });
  });

  // 第一百二十条之一第三款: 单位犯前两款罪的，对单位判处罚金.
  it("let a unit commit the Art. 120-1 financing and recruiting offences", () => {
    expect(tier("criminal-law/p120-1", "unit")?.punishes).toEqual(["organisation"]);
    expect(flat("criminal-law/p120-1", "unit")).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "criminal-fine" }));
  });

  // 第二百八十五条、第二百八十六条第四款 (Amendment (9) items 26 and 27): unit liability.
  it("give Arts. 285 and 286 their unit-liability paragraphs and their bands", () => {
    for (const [key, id] of [["criminal-law/p285", "state-systems"], ["criminal-law/p286", "serious-consequences"]] as const) {
      expect(flat(key, id)).toContainEqual(expect.objectContaining({ bearer: "entity", kind: "criminal-fine" }));
    }
    expect(flat("criminal-law/p285", "data-or-control-especially-serious")).toContainEqual(expect.objectContaining({ bearer: "individual", kind: "fixed-term-imprisonment", min: 3, max: 7 }));
    expect(catalog.provisionByKey.get("criminal-law/p286")?.data.paragraphs).toBe(4);
  });

  // 第三百零八条之一: 司法工作人员、辩护人、诉讼代理人或者其他诉讼参与人 … 公开披露、报道 … 单位犯前款罪.
  it("bind lawyers not to leak closed-case information (Art. 308-1) and punish a unit that publishes it", () => {
    expect(tier("criminal-law/p308-1", "leak")?.punishes).toContain("lawyer");
    expect(tier("criminal-law/p308-1", "unit-publication")?.enforces).toEqual(["p308-1#no-publishing-closed-case-information"]);
  });
});

describe("the Foreign NGO Law", () => {
  // 第十二条第三款: 登记管理机关应当自受理申请之日起六十日内作出准予登记或者不予登记的决定.
  it("binds the registration authority to decide within 60 days (Art. 12 para. 3), and Art. 45 punishes only the NGO's own duty there", () => {
    const decide = catalog.provisionByKey.get("foreign-ngo-law/p12")?.data.obligations.find((o) => o.id === "decide-within-60-days");
    expect([decide?.para, decide?.actors]).toEqual([3, ["public-security-organ"]]);
    expect(tier("foreign-ngo-law/p45", "basic")?.enforces).toContain("p12.1");
  });
});

describe("the Counterterrorism Law's articles that bind the authorities", () => {
  const ADDED = [13, 15, 29, 30, 31, 46, 49, 50, 52, 54, 55, 56, 57, 58, 59, 60, 62, 64, 65, 66, 67, 73, 74];

  it("are encoded with the same number in both texts", () => {
    for (const n of ADDED) expect(catalog.provisionByKey.get(`counterterrorism-law/p${n}`)?.data.numbers, `Art. ${n}`).toEqual({ "2016-01-01": String(n), "2018-04-27": String(n) });
  });

  // 第五十二条: 查封、扣押、冻结的期限不得超过二个月 … 可以经上一级公安机关负责人批准延长一个月.
  it("bind the public security organ to the two-month limit on freezing a suspect's assets (Art. 52)", () => {
    const o = catalog.provisionByKey.get("counterterrorism-law/p52")?.data.obligations[0];
    expect(o?.actors).toEqual(["public-security-organ"]);
    expect(o?.duty).toMatch(/two months.*one month/);
  });

  // 第六十五条 names 医疗保障 departments, created in 2018: the 2015 wording has not been read.
  it("give no 2016 duty from articles whose department names the 2018 amendment rewrote (Arts. 59, 65)", () => {
    for (const key of ["counterterrorism-law/p59", "counterterrorism-law/p65"]) {
      const p = catalog.provisionByKey.get(key)?.data;
      expect(p?.unread).toEqual({ "2016-01-01": [1] });
      expect(p?.obligations.every((o) => o.versions?.join() === "2018-04-27")).toBe(true);
    }
  });
});

describe("penalty links that reach only the duties the article punishes", () => {
  it.each([
    // 反恐怖主义法 第八十四条 punishes failures of support, takedown and supervision, not the duty to report (Art. 19).
    ["counterterrorism-law/p84", "basic", "p19#report-content"],
    // 第九十一条: 拒不配合 — the duty to assist, not the duty to report suspicions (Art. 9).
    ["counterterrorism-law/p91", "unit", "p9#report-suspicions"],
    // 慈善法 第九十八条 / 第一百零九条 item (3): conditions on donations and beneficiaries, not national-security harm (Art. 104 / 117).
    ["charity-law/p98", "basic-2024", "p15#no-security-harm"],
    // 地图管理条例 第五十四条: unapproved maps and unchecked content, not the filing duty of Art. 38.
    ["mapping-regulations/p54", "basic", "p38#file-with-authority"],
    // 国家情报法 第二十八条: obstruction, not the secrecy duty (punished under Art. 29).
    ["national-intelligence-law/p28", "basic", "p7#keep-intelligence-secrets"],
  ])("%s %s does not reach %s", (key, id, duty) => {
    const refs = tier(key, id)?.enforces ?? [];
    const whole = duty.split("#")[0] as string;
    expect(refs.length).toBeGreaterThan(0);
    expect(refs).not.toContain(duty);
    expect(refs.filter((r) => r === whole || r.startsWith(`${whole}.`))).toEqual([]);
  });
});
