// The rules format: what a file in rules/ may contain. Every schema is strict, so a
// misspelt key is an error rather than a silently dropped fact. Cross-file checks (unknown
// actor, dangling link, numbering per version) live in src/data/check-references.ts.
import { z } from "zod";
import { PROVISION_REF_PATTERN } from "./pinpoint.js";

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real calendar date");
export type IsoDate = z.infer<typeof IsoDate>;

export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, single hyphens)");

/** Text in English with its Chinese original where one exists. */
export const Bilingual = z.strictObject({
  en: z.string().min(1),
  zh: z.string().min(1).optional(),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** An article number as the law writes it: 37, or 287-2 for 第二百八十七条之二. */
export const ArticleNumber = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v), // YAML reads 37 as a number; the law's numbers are labels
  z.string().regex(/^[1-9]\d*(-[1-9]\d*)?$/, "must be an article number such as 37 or 287-2 (第…条之二)"),
);

/**
 * The lineage id of a provision, minted once from its first number and never changed:
 * p37 (Art. 37 of the first version), p287-2 (Art. 287-2), p20-v2026 (an article first
 * inserted by the version in force from 2026). A pinpoint at a paragraph or item is written
 * after it (PinpointRef: p59.2, p21.1.3), never as a provision id of its own.
 */
export const ProvisionKey = z
  .string()
  .regex(/^p[1-9]\d*(-[1-9]\d*)?(-v\d{4})?$/, "must be a provision id such as p37, p287-2 or p20-v2026");

/** A pointer at a provision: p37 in the same instrument, or counterterrorism-law/p84. */
export const ProvisionRef = z
  .string()
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*\/)?p[1-9]\d*(-[1-9]\d*)?(-v\d{4})?$/, "must be p37 or instrument-id/p37");

/**
 * A pointer at a provision or at one of its paragraphs or items (src/domain/pinpoint.ts):
 * p22, p22.1 (paragraph 1), p21.1.3 (item 3 of paragraph 1), counterterrorism-law/p18.2.
 */
export const PinpointRef = z
  .string()
  .regex(PROVISION_REF_PATTERN, "must be p37, p37.2 (paragraph 2), p37.2.3 (item 3 of paragraph 2), p37#obligation-id or instrument-id/p37…");

export const InstrumentKind = z.enum([
  "law",
  "administrative-regulation",
  "departmental-rule",
  "judicial-interpretation",
  "local-regulation",
  "normative-document",
  "party-rule",
  "platform-rule",
]);
export type InstrumentKind = z.infer<typeof InstrumentKind>;

export const InstrumentStatus = z.enum([
  "in-force", // in force today (possibly as amended: see dates.amendments)
  "not-yet-in-force",
  "repealed",
  "replaced", // superseded by another instrument (replacedBy)
  "draft-pending", // a published draft with no adopted text yet
  "never-adopted", // a draft that was abandoned or overtaken
  "unknown",
]);
export type InstrumentStatus = z.infer<typeof InstrumentStatus>;

export const Theme = z.enum([
  "general-principles",
  "security-protection",
  "data-localisation",
  "personal-information",
  "real-name-registration",
  "content-monitoring",
  "cooperation-with-authorities",
  "reporting",
  "record-keeping",
  "security-assessment",
  "registration-approval",
  "finance-funding",
  "staffing",
  "prohibited-activities",
  "incident-response",
  "product-certification",
  "party-organisation",
  "employment",
  "evidence-procedure",
  "supervision",
]);
export type Theme = z.infer<typeof Theme>;

export const SanctionKind = z.enum([
  "warning",
  "order-to-correct",
  "order-to-stop",
  "public-criticism", // 通报批评
  "notice", // 通报
  "fine", // 罚款: fixed amounts (unit CNY) or a multiple or share of a base (unit multiple or percent)
  "late-fine-surcharge", // 加处罚款: a surcharge to enforce an unpaid fine, not a new penalty
  "criminal-fine", // 罚金
  "confiscation", // of illegal gains or unlawful articles (say which in note)
  "confiscation-of-property", // 没收财产: a criminal penalty
  "sealing", // 封存
  "document-voiding", // 收缴…公告作废
  "stop-new-business", // 停止新增业务: no new business, existing business goes on
  "business-scope-reduction", // 缩减业务类型或者业务范围
  "suspension-of-business",
  "termination-of-service", // 终止提供服务: the service (an app) ends for good

  "practice-suspension", // 停止执业: a lawyer barred from practising for a term (not a business's 停业整顿)
  "closure-of-website",
  "licence-revocation",
  "qualification-downgrade", // 降低资质等级: a lower grade of the qualification certificate
  "registration-revocation",
  "ban-of-activity", // 取缔
  "administrative-detention",
  "criminal-detention",
  "public-surveillance",
  "fixed-term-imprisonment",
  "life-imprisonment",
  "death-penalty",
  "deprivation-of-political-rights",
  "deportation",
  "entry-ban",
  "exit-ban", // 不准出境: a bar on leaving China for a term (Anti-Telecom Fraud Law Art. 36)
  "asset-freeze",
  "credit-record",
  "blacklist",
  "employment-ban",
  "registration-ban", // barred from registering or applying again
  "disciplinary-sanction", // 处分
  "civil-liability",
  "criminal-liability", // 构成犯罪的，依法追究刑事责任: a referral
  "public-security-penalty", // 依法给予治安管理处罚: a referral to the Public Security Administration Punishments Law
  "unspecified-liability", // 依法追究法律责任: the article leaves the kind open
]);
export type SanctionKind = z.infer<typeof SanctionKind>;

export const Bearer = z.enum(["entity", "managers", "individual", "official"]);
export type Bearer = z.infer<typeof Bearer>;

export const Unit = z.enum(["CNY", "multiple", "percent", "days", "months", "years"]);
export type Unit = z.infer<typeof Unit>;

export const Confidence = z.enum(["high", "medium", "low"]);
export type Confidence = z.infer<typeof Confidence>;

/** A link printed as an href: http(s) only, so a javascript: or data: URL can never reach a page. */
export const WebUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

/** A passage of one of the source documents in ../shared/sources/. */
export const SourceRef = z.strictObject({
  doc: z.string().regex(/^\d{3}_[0-9a-f]{16}$/, "must be a source file name without .txt, e.g. 002_f153fa18b756d0f6"),
  note: z.number().int().positive().optional(), // footnote number
  section: z.string().optional(), // where a passage has no footnote
});
export type SourceRef = z.infer<typeof SourceRef>;

/** A web page used to confirm a fact that the official texts in law-texts/ do not hold. */
export const WebSource = z.strictObject({
  url: WebUrl,
  title: z.string().min(1),
  note: z.string().optional(),
});
export type WebSource = z.infer<typeof WebSource>;

/** A concern a source document raises: attributed, and kept apart from the legal content. */
export const Concern = z.strictObject({
  source: SourceRef,
  by: z.string().min(1), // e.g. "Human Rights in China"
  text: z.string().min(1), // our own paraphrase
});
export type Concern = z.infer<typeof Concern>;

export const Obligation = z.strictObject({
  id: Slug, // unique within the provision
  actors: z.array(Slug).min(1),
  duty: z.string().min(1), // what the actor must (or must not) do, in our words
  conditions: z.string().optional(), // when it applies
  theme: Theme,
  para: z.number().int().positive().optional(), // the paragraph (款) that sets the duty
  item: z.number().int().positive().optional(), // the item (项) of that paragraph
  versions: z.array(IsoDate).optional(), // default: every version in which the provision exists
  // The actors the duty does not bind although they are kinds of its bearers, because its
  // condition excludes them: Foreign NGO Law Art. 16 binds an overseas NGO only where it has no
  // representative office, so [fngo-representative-office]. A role set that holds one of these
  // (or a kind of one) is not shown the duty. Default: none.
  notFor: z.array(Slug).min(1).optional(),
  // A general duty (it binds every organisation or everyone) that every register lists in full,
  // with its ladder, because it matters to any organisation: cooperation with the police, state
  // security and intelligence work; data security; reporting. Unset: a general duty listed only
  // as one line in the register's compact list.
  generalDuty: z.enum(["cooperation", "data-security", "reporting"]).optional(),
});
export type Obligation = z.infer<typeof Obligation>;

/** The group of managers a sanction reaches, as the article names it. */
export const ManagerGroup = z.enum([
  "persons-in-charge", // 直接负责的主管人员 (alone)
  "persons-in-charge-and-others", // 直接负责的主管人员和其他直接责任人员
  "directors-and-senior-managers", // 直接负责的董事、高级管理人员
  "directors-senior-managers-and-others", // 直接负责的董事、高级管理人员和其他直接责任人员 (Counterterrorism Law Art. 83)
  "directly-responsible-persons", // 直接责任人员
]);
export type ManagerGroup = z.infer<typeof ManagerGroup>;

/** What a multiple or a share is taken of. */
export const AmountBase = z.enum([
  "illegal-gains", // 违法所得
  "illegal-business-revenue", // 违法经营额
  "purchase-amount", // 采购金额
  "previous-year-turnover", // 上一年度营业额
  "transaction-amount", // 交易金额
  "severance-standard", // 经济补偿标准 (Labor Contract Law Art. 47)
  "fine-amount", // 罚款数额: the fine imposed (the surcharge on a late fine, Administrative Penalty Law Art. 72)
]);
export type AmountBase = z.infer<typeof AmountBase>;

/** A condition on the illegal gains under which an amount applies. */
export const GainsCondition = z.union([
  z.literal("none"), // 没有违法所得的
  z.strictObject({
    below: z.number().positive().optional(), // 违法所得不足 N 元的
    atLeast: z.number().positive().optional(), // 违法所得 N 元以上的
    orNone: z.boolean().optional(), // 没有违法所得或者…
  }),
]);
export type GainsCondition = z.infer<typeof GainsCondition>;

export const AmountCondition = z.strictObject({ gains: GainsCondition });
export type AmountCondition = z.infer<typeof AmountCondition>;

export const Sanction = z.strictObject({
  bearer: Bearer,
  who: ManagerGroup.optional(), // only with bearer managers; default persons-in-charge-and-others
  kind: SanctionKind,
  // Amounts as the article states them. A missing max with a min present is an open bound
  // ("500,000 or more"): never guess a cap. Both missing: the article fixes no amount.
  min: z.number().nonnegative().optional(),
  max: z.number().positive().optional(),
  unit: Unit.optional(),
  base: AmountBase.optional(), // required with unit multiple or percent
  duration: z.enum(["lifetime", "open-ended"]).optional(), // a ban or listing with no term
  optional: z.boolean().optional(), // "may" (可以) rather than "shall"
  combine: z.enum(["with", "with-or-alone", "alone"]).optional(), // 并处 / 并处或者单处 / 单处 (criminal fines)
  if: AmountCondition.optional(), // the amount applies only under this condition
  // What the sanction acts on, where the article limits it to one thing of the bearer's (对违法处理
  // 个人信息的应用程序，责令暂停或者终止提供服务: only the app that handles personal information unlawfully).
  object: Bilingual.optional(),
  // An amount charged for each day (每日按罚款数额的百分之三加处罚款), and the base its total never
  // exceeds (加处罚款的数额不得超出罚款的数额: upTo fine-amount).
  per: z.literal("day").optional(),
  upTo: AmountBase.optional(),
  note: z.string().optional(), // never the only home of a figure
});
export type Sanction = z.infer<typeof Sanction>;

/** 或者: exactly one of the listed sanctions, not all of them. */
export const SanctionChoice = z.strictObject({
  oneOf: z.array(Sanction).min(2),
  optional: z.boolean().optional(),
  note: z.string().optional(),
});
export type SanctionChoice = z.infer<typeof SanctionChoice>;

export const SanctionEntry = z.union([Sanction, SanctionChoice]);
export type SanctionEntry = z.infer<typeof SanctionEntry>;

/** What a criminal threshold counts: the reach of a post, or the money of an illegal business. */
export const ThresholdMeasure = z.enum([
  "views", // 实际被点击、浏览次数
  "reposts", // 被转发次数
  "business-volume", // 非法经营数额
  "illegal-gains", // 违法所得数额
]);
export type ThresholdMeasure = z.infer<typeof ThresholdMeasure>;

/**
 * One threshold that brings a tier (a judicial interpretation's 情节严重: 5,000 views or 500
 * reposts). A tier's thresholds are alternatives (或者): reaching any one of them is enough.
 * A count is in `times`, money in `CNY`; `multiple` is a multiple of the same measure's threshold
 * (for the same bearer) in the tier this one escalates from (数额达到前款规定的数额五倍以上).
 */
export const Threshold = z.strictObject({
  measure: ThresholdMeasure,
  atLeast: z.number().positive(), // 以上: the threshold itself counts
  unit: z.enum(["times", "CNY", "multiple"]),
  bearer: z.enum(["individual", "entity"]).optional(), // whose conduct, where the figures differ (个人 / 单位)
});
export type Threshold = z.infer<typeof Threshold>;

/** The step of the ladder a tier is, printed in plain words ("on first violation"). */
export const TierLevel = z.enum([
  "minor", // 情节较轻: a lighter step below the article's general case
  "first-violation",
  "refuses-to-correct",
  "refuses-or-harm",
  "refuses-or-serious",
  "harm",
  "more-serious",
  "serious",
  "especially-serious",
  "repeat",
  "crime",
  "other",
]);
export type TierLevel = z.infer<typeof TierLevel>;

export const Authority = z.enum([
  "public-security-organ",
  "state-security-organ",
  "competent-department", // (有关)主管部门
  "cyberspace-authority",
  "registration-authority",
  "cryptography-authority", // 密码管理部门
  "judicial-administration", // 司法行政部门
  "pi-protection-department", // 履行个人信息保护职责的部门
  "superior-organ", // 上级机关
  "relevant-authority", // 有关部门, 有关机关: the article names no particular one
  "court",
  "procuratorate",
  "other", // named by the article in a way no other value fits: the tier's note says who
]);
export type Authority = z.infer<typeof Authority>;

/** Who imposes a tier: one authority, or the authorities the article names as alternatives (由其上级机关或者…部门). */
export const ImposedBy = z.union([Authority, z.array(Authority).min(2, "list two or more authorities, or give one without a list")]);
export type ImposedBy = z.infer<typeof ImposedBy>;

/** The authorities of an `imposedBy`, as a list. */
export function authoritiesOf(imposedBy: ImposedBy | undefined): Authority[] {
  return imposedBy === undefined ? [] : Array.isArray(imposedBy) ? imposedBy : [imposedBy];
}

export const PenaltyTier = z.strictObject({
  id: Slug, // unique within the provision, e.g. basic, refuses-to-correct, serious
  level: TierLevel.optional(), // default: first-violation, or crime when only criminal sanctions
  trigger: z.string().min(1), // what conduct and circumstances bring this tier
  para: z.number().int().positive().optional(), // the paragraph of the penalty article that sets it
  escalates: Slug.optional(), // the tier of the same provision this one escalates from
  enforces: z.array(PinpointRef).optional(), // the duties this tier punishes: an article, a paragraph, an item or one obligation (p19#id)
  // Whom the tier punishes: the actors its article addresses (电信业务经营者, 关键信息基础设施运营者 …).
  // A tier reaches a duty only through a bearer it punishes: under a duty of several actors it
  // is shown only to those it punishes (and their kinds). Unset: the bearers of the duties it
  // enforces (for tiers not yet re-read).
  punishes: z.array(Slug).min(1).optional(),
  // How the penalty article points at those duties: by citing their articles (违反本法第…条, the
  // default), or by describing the conduct, often item by item, so that the links are the
  // editors' reading of the description.
  enforcesBy: z.enum(["citation", "description"]).optional(),
  refersTo: z.array(PinpointRef).optional(), // punished under another article, whose tiers apply
  // How the article points there: by citing it (依照…第…条的规定处罚, the default), or by leaving the
  // conduct to "the relevant laws" without naming one, so that the link is the editors' reading
  // (CSL 2026 Art. 71 → PIPL Art. 66). A reading is shown as "the laws that punish this conduct
  // today include …", never as the article's own referral, and decides no comparison of texts.
  refersToBy: z.enum(["citation", "reading"]).optional(),
  // Where a later text's step reaches more conduct than the earlier text's step of the same level
  // (widened: 2023 Counter-Espionage Law Art. 61 adds espionage equipment to the detention that
  // 2014 Art. 32 kept for state secrets) or less (narrowed). "Which text applies" counts it.
  triggerChange: z.enum(["widened", "narrowed"]).optional(),
  // The penalty article (or paragraph, or item) of the earlier text that punished the same conduct,
  // where that is not this article's own earlier wording: the conduct of an article the amendment
  // deleted, split or merged (CSL 2026 Art. 71 item (3) ← 2017 Art. 66). "Which text applies"
  // follows the conduct through it, and a deleted article says where its conduct went.
  formerly: z.array(PinpointRef).optional(),
  imposedBy: ImposedBy.optional(),
  aggravated: z.boolean().optional(), // 从重处罚
  thresholds: z.array(Threshold).min(1).optional(), // the figures that bring the tier, any one enough (或者)
  sanctions: z.array(SanctionEntry).default([]), // may be empty only with refersTo
  versions: z.array(IsoDate).optional(), // default: every version in which the provision exists
  confidence: Confidence.optional(), // default: the provision's
  note: z.string().optional(),
});
export type PenaltyTier = z.infer<typeof PenaltyTier>;

export const Provision = z.strictObject({
  id: ProvisionKey,
  // Article number in each version the provision exists in, keyed by version id.
  numbers: z.record(IsoDate, ArticleNumber),
  chapter: Bilingual.optional(),
  // For an article in the first text the rules hold that an amendment inserted into the law: the
  // date that amendment came into force. Before it the article did not exist, so an act of that
  // time is answered "no penalty", not "text not held" (Criminal Law Art. 287-2, from 2015-11-01).
  insertedFrom: IsoDate.optional(),
  // How many paragraphs (款) the article has, in every version or per version, and how many
  // items (项) a paragraph has. Needed wherever a pinpoint points into the article.
  paragraphs: z.union([z.number().int().positive(), z.record(IsoDate, z.number().int().positive())]).optional(),
  items: z.record(z.string().regex(/^[1-9]\d*$/, "must be a paragraph number"), z.number().int().positive()).optional(),
  // Paragraphs whose text in that version could not be read from an official or authorised
  // text: their sanctions are not listed for that version, and no change is inferred from it.
  unread: z.record(IsoDate, z.array(z.number().int().positive()).min(1)).optional(),
  heading: Bilingual,
  summary: z.string().min(1),
  versionNotes: z.record(IsoDate, z.string().min(1)).optional(), // what changed in that version
  obligations: z.array(Obligation).default([]),
  penalties: z.array(PenaltyTier).default([]),
  related: z.array(ProvisionRef).default([]),
  terms: z.array(Slug).default([]), // glossary ids this article defines or relies on
  sources: z.array(SourceRef).default([]),
  web: z.array(WebSource).default([]),
  confidence: Confidence,
  confidenceNote: z.string().optional(),
  concerns: z.array(Concern).default([]),
});
export type Provision = z.infer<typeof Provision>;

export const Version = z.strictObject({
  id: IsoDate, // the date this text came into force; part of every pinned URL
  formerIds: z.array(IsoDate).optional(), // ids this version was once published under: their URLs redirect here
  label: z.string().min(1), // e.g. "2017 text"
  // What the id's date is: the date the text came into force (the default), or, where no official
  // source read gives that date, the date the amending act was adopted; pages say so.
  dated: z.enum(["in-force", "adopted"]).optional(),
  adopted: IsoDate.optional(),
  official: WebUrl.optional(), // the official text of this version
  // How this text was read: from the official text (the NPC law database, an official gazette or
  // the issuer's own publication), from a third-party reproduction, or from a later official
  // text on the footing that the articles encoded did not change. Only "official" supports
  // confidence high.
  readFrom: z.enum(["official", "reproduction", "later-text"]),
  // The official text file under LAW_TEXTS_DIR: "title(date).md", or "title.md" without a date,
  // and the SHA-256 of its bytes (lower-case hex): a file whose bytes differ is not shown, and
  // validate and check:texts fail on it. Validate with LAW_TEXTS_DIR prints the hash to record.
  text: z.strictObject({ title: z.string().min(1), date: IsoDate.optional(), sha256: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in lower-case hex (64 characters)").optional() }).optional(),
  note: z.string().optional(),
});
export type Version = z.infer<typeof Version>;

export const Amendment = z.strictObject({
  adopted: IsoDate,
  inForce: IsoDate.optional(),
  act: Bilingual,
  version: IsoDate.optional(), // the version it produced
});
export type Amendment = z.infer<typeof Amendment>;

export const InstrumentDates = z.strictObject({
  drafted: IsoDate.optional(), // published for comment
  adopted: IsoDate.optional(),
  promulgated: IsoDate.optional(),
  inForce: IsoDate.optional(),
  amendments: z.array(Amendment).default([]),
  repealed: IsoDate.optional(),
});
export type InstrumentDates = z.infer<typeof InstrumentDates>;

export const Instrument = z.strictObject({
  id: Slug,
  title: z.strictObject({ en: z.string().min(1), zh: z.string().min(1) }),
  short: z.strictObject({ en: z.string().min(1), zh: z.string().min(1).optional() }),
  aliases: z.array(z.string().min(1)).default([]), // other names users search with
  kind: InstrumentKind,
  draft: z.boolean(),
  issuer: Bilingual,
  // For judicial interpretations and implementing rules: the law(s) they interpret or
  // implement, as an instrument id in rules/ where there is one, else a plain title.
  interprets: z.array(z.string().min(1)).optional(),
  dates: InstrumentDates,
  status: InstrumentStatus,
  statusNote: z.string().optional(),
  replacedBy: z.string().optional(), // an instrument id in rules/ or a plain title
  summary: z.string().min(1),
  official: z.array(WebSource).default([]),
  // Not discussed by the source documents, but needed for a current answer (the data laws the
  // amended Cybersecurity Law refers to). Only such an instrument may have no sources.
  beyondSources: z.boolean().optional(),
  sources: z.array(SourceRef).default([]),
  versions: z.array(Version).min(1),
  provisions: z.array(Provision).default([]),
  concerns: z.array(Concern).default([]),
});
export type Instrument = z.infer<typeof Instrument>;

export const Actor = z.strictObject({
  id: Slug,
  label: Bilingual,
  description: z.string().min(1),
  parents: z.array(Slug).default([]),
  aliases: z.array(z.string().min(1)).default([]),
});
export type Actor = z.infer<typeof Actor>;
export const ActorsFile = z.array(Actor).min(1);

export const GlossaryTerm = z.strictObject({
  id: Slug,
  en: z.string().min(1),
  zh: z.string().min(1),
  abbreviations: z.array(z.string().min(1)).default([]),
  aliases: z.array(z.string().min(1)).default([]), // other spellings, both languages
  definition: z.string().min(1),
  definedIn: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*\/p[1-9]\d*(-[1-9]\d*)?(-v\d{4})?$/, "must be instrument-id/pNN")
    .optional(),
  actor: Slug.optional(), // the actor this term names, if any
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;
export const GlossaryFile = z.array(GlossaryTerm);

/** rules/catalog.yaml: facts about the data set as a whole. */
export const CatalogMeta = z.strictObject({
  dataVersion: z.string().min(1),
  asOf: IsoDate, // the date the rules describe the law as of
  title: z.string().min(1),
});
export type CatalogMeta = z.infer<typeof CatalogMeta>;
