// The rules format: what a file in rules/ may contain. Every schema is strict, so a
// misspelt key is an error rather than a silently dropped fact. Cross-file checks (unknown
// actor, dangling link, numbering per version) live in src/data/check-references.ts.
import { z } from "zod";

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
 * inserted by the version in force from 2026). Paragraph-level ids add .pN: p59.p2.
 */
export const ProvisionKey = z
  .string()
  .regex(/^p[1-9]\d*(-[1-9]\d*)?(-v\d{4})?$/, "must be a provision id such as p37, p287-2 or p20-v2026");

/** A pointer at a provision: p37 in the same instrument, or counterterrorism-law/p84. */
export const ProvisionRef = z
  .string()
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*\/)?p[1-9]\d*(-[1-9]\d*)?(-v\d{4})?$/, "must be p37 or instrument-id/p37");

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
  "fine",
  "fine-multiple-of-gains",
  "criminal-fine",
  "confiscation",
  "suspension-of-business",
  "closure-of-website",
  "licence-revocation",
  "registration-revocation",
  "administrative-detention",
  "criminal-detention",
  "public-surveillance",
  "fixed-term-imprisonment",
  "life-imprisonment",
  "death-penalty",
  "deprivation-of-political-rights",
  "deportation",
  "entry-ban",
  "asset-freeze",
  "credit-record",
  "blacklist",
  "employment-ban",
  "disciplinary-sanction",
  "civil-liability",
  "criminal-liability",
]);
export type SanctionKind = z.infer<typeof SanctionKind>;

export const Bearer = z.enum(["entity", "managers", "individual", "official"]);
export type Bearer = z.infer<typeof Bearer>;

export const Unit = z.enum(["CNY", "multiple", "days", "months", "years"]);
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
  versions: z.array(IsoDate).optional(), // default: every version in which the provision exists
});
export type Obligation = z.infer<typeof Obligation>;

export const Sanction = z.strictObject({
  bearer: Bearer,
  kind: SanctionKind,
  // Amounts as the article states them. A missing max with a min present is an open bound
  // ("500,000 or more"): never guess a cap. Both missing: the article fixes no amount.
  min: z.number().nonnegative().optional(),
  max: z.number().positive().optional(),
  unit: Unit.optional(),
  optional: z.boolean().optional(), // "may" (可以) rather than "shall"
  note: z.string().optional(),
});
export type Sanction = z.infer<typeof Sanction>;

export const PenaltyTier = z.strictObject({
  id: Slug, // unique within the provision, e.g. basic, refuses-to-correct, serious
  trigger: z.string().min(1), // what conduct and circumstances bring this tier
  enforces: z.array(ProvisionRef).optional(), // the duties this tier punishes
  sanctions: z.array(Sanction).min(1),
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
  label: z.string().min(1), // e.g. "2016 text"
  adopted: IsoDate.optional(),
  official: WebUrl.optional(), // the official text of this version
  // The official text file of this version under LAW_TEXTS_DIR: title(date).md, or title.md without a date.
  text: z.strictObject({ title: z.string().min(1), date: IsoDate.optional() }).optional(),
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
  sources: z.array(SourceRef).min(1),
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
