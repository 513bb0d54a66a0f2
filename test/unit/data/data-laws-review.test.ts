// Each penalty of the data laws reaches a duty only through the actor its article punishes, and
// the corrections of this month's review, read again from the official texts
// (关键信息基础设施安全保护条例(2021-07-30).md, 数据安全法(2021-06-10).md, 个人信息保护法(2021-08-20).md,
// 网络数据安全管理条例(2024-09-24).md, 密码法(2019-10-26).md, 反电信网络诈骗法(2022-09-02).md), on the real rules/.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { describeSanctions, sanctionsOf } from "../../../src/domain/penalty-arithmetic.js";
import { obligationsForActors } from "../../../src/query/actor-obligations.js";
import { REAL_RULES } from "../../helpers/test-app.js";
import { buildArticlePage } from "../../../src/view-models/article-page.js";
import { highConfidenceNotReadFromOfficial } from "../../helpers/figures-in-notes.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const DATA_LAW_FILES = [
  "personal-information-protection-law",
  "data-security-law",
  "network-data-security-regulations",
  "cii-security-protection-regulations",
  "cryptography-law",
  "anti-telecom-fraud-law",
  "administrative-penalty-law",
];

const tier = (key: string, id: string) => catalog.provisionByKey.get(key)?.data.penalties.find((t) => t.id === id);
/** The penalty tiers the register shows under one duty, for the roles asked for. */
const tiersUnder = (roles: string[], date: string, duty: string) => obligationsForActors(catalog, roles, date).find((o) => o.key === duty)?.tiers.map((t) => t.key);

describe("a data-law penalty reaches a duty only through the actor it punishes", () => {
  it("claim high confidence only where every text an article or tier stands in was read from an official text", () => {
    expect(highConfidenceNotReadFromOfficial(catalog).filter((x) => DATA_LAW_FILES.includes(x.where.split("/")[0] ?? ""))).toEqual([]);
  });

  it("names whom every tier of the data laws punishes", () => {
    const unnamed = catalog.provisions
      .filter((p) => DATA_LAW_FILES.includes(p.instrumentId))
      .flatMap((p) => p.data.penalties.filter((t) => !t.punishes).map((t) => `${p.key}#${t.id}`));
    expect(unnamed).toEqual([]);
  });

  // 第四十一条: 采购可能影响国家安全的网络产品和服务，未按照国家网络安全规定进行安全审查的 … 处采购金额1倍以上10倍以下罚款.
  it("puts the CII Regulations Art. 41 fine under the security-review duty of Art. 19, not under the duty to prefer secure and trusted products", () => {
    expect(tiersUnder(["cii-operator"], "2026-01-01", "cii-security-protection-regulations/p19#buy-secure-and-trusted")).toEqual([]);
    expect(tiersUnder(["cii-operator"], "2026-01-01", "cii-security-protection-regulations/p19#security-review")).toEqual(["cii-security-protection-regulations/p41#basic"]);
  });

  // 第三十九条第（一）项 punishes the operator (未及时将相关情况报告保护工作部门); 第四十四条 the departments.
  it("punishes the operator's failure to report a change under CII Art. 39, and the department's re-identification only under Art. 44", () => {
    expect(tiersUnder(["cii-operator"], "2026-01-01", "cii-security-protection-regulations/p11#report-major-changes")).toEqual([
      "cii-security-protection-regulations/p39#basic",
      "cii-security-protection-regulations/p39#refuses-or-harm",
    ]);
    expect(tiersUnder(["cii-protection-department"], "2026-01-01", "cii-security-protection-regulations/p11#re-identify")).toEqual(["cii-security-protection-regulations/p44#basic"]);
  });

  // 第三十九条第（三）项: 未建立健全网络安全保护制度和责任制的 — not Art. 13's commitment of staff, funds and materials.
  it("punish under CII Art. 39 item (3) the missing security and responsibility systems, not the commitment of resources", () => {
    expect(tiersUnder(["cii-operator"], "2026-01-01", "cii-security-protection-regulations/p13#security-system-and-resources")).toHaveLength(2);
    expect(tiersUnder(["cii-operator"], "2026-01-01", "cii-security-protection-regulations/p13#commit-resources")).toEqual([]);
    expect(tiersUnder(["cii-operator"], "2026-01-01", "cii-security-protection-regulations/p16#fund-and-staff-body")).toEqual([]);
  });

  // 第四十条: 运营者 … 未按照有关规定向保护工作部门、公安机关报告的; para. 2 of Art. 18 is the department's own duty.
  it("leaves the protection department's escalation duty of CII Art. 18 para. 2 out of the Art. 40 fines", () => {
    const keys = tiersUnder(["cii-protection-department"], "2026-01-01", "cii-security-protection-regulations/p18#escalate-especially-major");
    expect(keys?.some((k) => k.includes("/p40#"))).toBe(false);
  });

  // 数据安全法第四十九条: 国家机关不履行本法规定的数据安全保护义务的 … 给予处分; the contractor of Art. 40 is not a state organ.
  it("keeps DSL Art. 49 (state organs) off the contractor's duty of Art. 40", () => {
    expect(tiersUnder(["company"], "2026-01-01", "data-security-law/p40#contractor-duties")).toEqual([]);
    expect(tiersUnder(["state-organ"], "2026-01-01", "data-security-law/p40#approve-and-supervise-contractor")).toEqual(["data-security-law/p49#state-organ"]);
  });

  // 反电信网络诈骗法第三十九条 (电信业务经营者) and 第四十条 (银行业金融机构、非银行支付机构) punish the Art. 6 para. 5 duty each for its own bearers.
  it("shows a bank the Anti-Fraud Art. 40 fines under the internal-controls duty, and a telecom operator Arts. 39 and 41", () => {
    const bank = tiersUnder(["banking-institution"], "2026-01-01", "anti-telecom-fraud-law/p6#internal-controls") ?? [];
    expect(bank.map((k) => k.split("#")[0])).toEqual(["anti-telecom-fraud-law/p40", "anti-telecom-fraud-law/p40"]);
    const telecom = tiersUnder(["telecom-operator"], "2026-01-01", "anti-telecom-fraud-law/p6#internal-controls") ?? [];
    expect(new Set(telecom.map((k) => k.split("#")[0]))).toEqual(new Set(["anti-telecom-fraud-law/p39", "anti-telecom-fraud-law/p41"]));
  });

  // 网络数据安全管理条例第四十一条: 提供应用程序分发服务的网络平台服务提供者.
  it("punishes an app store under NDR Art. 55 for its Art. 41 duty", () => {
    expect(tiersUnder(["app-store"], "2026-01-01", "network-data-security-regulations/p41#verify-apps")).toEqual([
      "network-data-security-regulations/p55#basic",
      "network-data-security-regulations/p55#refuses-or-serious",
    ]);
  });
});

describe("the data laws' corrections, read again from the official texts", () => {
  // 反电信网络诈骗法第四十条: 责令停止新增业务、缩减业务类型或者业务范围、暂停相关业务、停业整顿、吊销相关业务许可证或者吊销营业执照.
  it("offer the Anti-Fraud Art. 40 business sanctions as one discretionary choice of six, two of them kinds of their own", () => {
    const choice = tier("anti-telecom-fraud-law/p40", "serious")?.sanctions.find((e) => "oneOf" in e);
    expect(choice && "oneOf" in choice ? choice.oneOf.map((s) => s.kind) : []).toEqual([
      "stop-new-business",
      "business-scope-reduction",
      "suspension-of-business",
      "suspension-of-business",
      "licence-revocation",
      "licence-revocation",
    ]);
    expect(choice).toMatchObject({ optional: true });
  });

  it.each([
    ["anti-telecom-fraud-law/p39", 4],
    ["anti-telecom-fraud-law/p41", 5],
    ["anti-telecom-fraud-law/p43", 3],
  ])("offer the serious-case business sanctions of %s as one choice of %i", (key, n) => {
    const choice = tier(key, "serious")?.sanctions.find((e) => "oneOf" in e);
    expect(choice && "oneOf" in choice ? choice.oneOf.length : 0).toBe(n);
    expect(sanctionsOf(tier(key, "serious") ?? { sanctions: [] }).filter((s) => s.kind === "suspension-of-business" && s.choice === undefined)).toEqual([]);
  });

  // 网络数据安全管理条例第五十五条、第五十六条: 拒不改正或者情节严重的.
  it("put NDR Arts. 55 and 56 on the refuses-or-serious step", () => {
    expect(tier("network-data-security-regulations/p55", "refuses-or-serious")?.level).toBe("refuses-or-serious");
    expect(tier("network-data-security-regulations/p56", "refuses-or-serious")?.level).toBe("refuses-or-serious");
  });

  it("name who imposes PIPL Art. 66, Cryptography Law Arts. 37 para. 1 and 39, and Anti-Fraud Art. 42", () => {
    for (const id of ["basic", "refuses-to-correct", "serious"]) expect(tier("personal-information-protection-law/p66", id)?.imposedBy).toBe("pi-protection-department");
    expect(tier("cryptography-law/p37", "basic")?.imposedBy).toBe("cryptography-authority");
    expect(tier("cryptography-law/p37", "refuses-or-harm")?.imposedBy).toBe("cryptography-authority");
    expect(tier("cryptography-law/p39", "basic")?.imposedBy).toBe("cryptography-authority");
    expect(tier("anti-telecom-fraud-law/p42", "basic")?.imposedBy).toEqual(["public-security-organ", "competent-department"]);
  });

  // 第六十六条: 对违法处理个人信息的应用程序，责令暂停或者终止提供服务.
  it("limit the PIPL Art. 66 order to suspend or end a service to the app that handles personal information unlawfully, and print that on the ladder", () => {
    const basic = sanctionsOf(tier("personal-information-protection-law/p66", "basic") ?? { sanctions: [] });
    const app = basic.filter((s) => s.object);
    expect(app.map((s) => s.kind)).toEqual(["suspension-of-business", "termination-of-service"]);
    expect(app[0]?.object?.zh).toBe("违法处理个人信息的应用程序");
    expect(describeSanctions(app)).toBe(
      "Suspension of business (only of the app that handles personal information unlawfully) or termination of the service (only of the app that handles personal information unlawfully)",
    );
  });

  it("print the app condition of PIPL Art. 66 on the article page's ladder", () => {
    const p = catalog.provisionByKey.get("personal-information-protection-law/p66");
    const ins = catalog.instrumentById.get("personal-information-protection-law");
    const page = p && ins ? buildArticlePage(catalog, ins, p, "2021-11-01", "http://x") : undefined;
    const rows = page?.tiers.find((t) => t.id === "basic")?.rows ?? [];
    expect(rows.filter((r) => r.amount.includes("only of the app that handles personal information unlawfully")).map((r) => r.kind)).toEqual(["Suspension of business", "Termination of the service"]);
    expect(rows.find((r) => r.kind === "Termination of the service")?.alternative).toBe(true);
  });

  // 关键信息基础设施安全保护条例第四十九条: 违反本条例规定 … 构成犯罪的 — no actor named.
  it("let CII Regulations Art. 49 reach organisations as well as individuals", () => {
    expect(tier("cii-security-protection-regulations/p49", "crime")?.punishes).toEqual(["anyone"]);
    expect(sanctionsOf(tier("cii-security-protection-regulations/p49", "crime") ?? { sanctions: [] }).map((s) => s.bearer)).toEqual(["entity", "individual"]);
  });

  it("write their notes as a legal publisher would, with no working-note words", () => {
    const WORDS = /\b(apparently|probably|believed|reportedly|could not be opened|not read directly|as cited in public references|was not seen|as we recall|stored copies|search excerpts|we could not read)\b/i;
    const found: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === "string") {
        if (WORDS.test(v)) found.push(`${path}: ${v}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const ins of catalog.instruments.filter((i) => DATA_LAW_FILES.includes(i.id))) walk(ins.data, ins.id);
    expect(found).toEqual([]);
  });
});

describe("the Administrative Penalty Law articles that decide what a penalty costs", () => {
  const provision = (n: string) => catalog.provisionByKey.get(`administrative-penalty-law/${n}`);

  // 第二十八条第二款: 违法所得是指实施违法行为所取得的款项.
  it("define illegal gains, the base of every multiple, in Art. 28 para. 2", () => {
    const o = provision("p28")?.data.obligations.find((x) => x.id === "confiscate-illegal-gains");
    expect(o).toMatchObject({ para: 2, actors: ["state-organ"] });
    expect(o?.conditions).toMatch(/money obtained by committing the unlawful act/);
  });

  // 第二十九条: 不得给予两次以上罚款 … 按照罚款数额高的规定处罚.
  it("encode Art. 29 as two duties of the organ: no second fine, and the higher fine where several provisions apply", () => {
    expect(provision("p29")?.data.obligations.map((o) => o.id)).toEqual(["no-second-fine", "higher-fine-applies"]);
    expect(provision("p29")?.data.numbers).toEqual({ "2021-07-15": "29" });
  });

  it.each(["p30", "p31", "p35", "p55", "p56", "p66", "p67", "p72"])("encode %s of the 2021 text", (id) => {
    expect(provision(id)?.data.numbers["2021-07-15"]).toBe(id.slice(1));
  });

  // 第五十五条第二款: 当事人或者有关人员应当如实回答询问，并协助调查或者检查，不得拒绝或者阻挠.
  it("bind any party to answer truthfully and assist an investigation (Art. 55 para. 2)", () => {
    const keys = obligationsForActors(catalog, ["company"], "2026-01-01").map((o) => o.key);
    expect(keys).toContain("administrative-penalty-law/p55#answer-and-assist");
  });

  // 第七十二条第一款第（一）项: 每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额.
  it("add 3 % of the fine a day to an unpaid fine, never more than the fine, under the duty to pay within 15 days", () => {
    const t = tier("administrative-penalty-law/p72", "late-payment-surcharge");
    const entity = sanctionsOf(t ?? { sanctions: [] }).find((s) => s.bearer === "entity");
    expect(entity).toMatchObject({ kind: "late-fine-surcharge", min: 3, max: 3, unit: "percent", base: "fine-amount", per: "day", upTo: "fine-amount", optional: true });
    expect(describeSanctions(entity ? [entity] : [])).toBe("Surcharge on an unpaid fine 3% of the fine per day (in all never more than the fine; discretionary)");
    expect(tiersUnder(["company"], "2026-01-01", "administrative-penalty-law/p67#pay-within-15-days")).toEqual(["administrative-penalty-law/p72#late-payment-surcharge"]);
  });
});

describe("the data-law articles added from the official texts", () => {
  const duties = (roles: string[]) => obligationsForActors(catalog, roles, "2026-01-01").map((o) => o.key);

  // 反电信网络诈骗法第三十六条第二款: 决定自处罚完毕之日起六个月至三年以内不准其出境.
  it("bar a person punished for fraud from leaving China for 6 months to 3 years (Anti-Fraud Art. 36 para. 2), as a discretionary measure of the police", () => {
    const t = tier("anti-telecom-fraud-law/p36", "after-criminal-penalty");
    expect(t).toMatchObject({ para: 2, level: "other", imposedBy: "public-security-organ", punishes: ["individual"] });
    expect(sanctionsOf(t ?? { sanctions: [] })).toEqual([expect.objectContaining({ kind: "exit-ban", min: 6, max: 36, unit: "months", optional: true })]);
    expect(describeSanctions(sanctionsOf(t ?? { sanctions: [] }))).toBe("Exit ban 6 months to 3 years (discretionary)");
  });

  it.each([
    [["media-organisation"], "anti-telecom-fraud-law/p30#public-anti-fraud-education"], // 第三十条第二款
    [["cryptography-administration"], "cryptography-law/p20#supervise-and-review-staff"], // 密码法第二十条
    [["cryptography-work-unit"], "cryptography-law/p20#supervise-and-review-staff"],
    [["energy-company"], "cii-security-protection-regulations/p32#support-other-sectors"], // 关键信息基础设施安全保护条例第三十二条第二款
    [["telecom-operator"], "cii-security-protection-regulations/p32#support-other-sectors"],
    [["industry-association"], "data-security-law/p10#codes-and-self-regulation"], // 数据安全法第十条
    [["company"], "data-security-law/p15#serve-elderly-and-disabled"], // 第十五条
    [["public-affairs-organisation"], "data-security-law/p43#government-data-rules-apply"], // 第四十三条
  ])("bind %j with %s", (roles, key) => {
    expect(duties(roles)).toContain(key);
  });

  // 第四十三条 extends Chapter V (Arts. 37-42), not the penalty of Art. 49 (国家机关).
  it("do not punish an organisation with public-affairs functions under DSL Art. 49", () => {
    expect(tiersUnder(["public-affairs-organisation"], "2026-01-01", "data-security-law/p43#government-data-rules-apply")).toEqual([]);
  });
});
