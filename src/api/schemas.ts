// The JSON API's answers as Zod schemas. They document the API (the OpenAPI components are
// generated from them: src/api/openapi.ts) and the route tests parse every answer with them.
// Rules data is reused from src/domain/rules-schema.ts, so the API cannot drift from the rules.
import { z } from "zod";
import { Bearer, Bilingual, Concern, Confidence, GlossaryTerm, ImposedBy, InstrumentKind, InstrumentStatus, Obligation, PenaltyTier, Sanction, SourceRef, Theme, TierLevel, WebSource } from "../domain/rules-schema.js";

/** Every schema with an id here becomes #/components/schemas/<id> in the OpenAPI document. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();
function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  apiRegistry.add(schema, { id, description });
  return schema;
}

const Url = z.string().describe("an absolute URL");

export const PageLinks = named(
  "PageLinks",
  z.object({ self: Url, first: Url, last: Url, prev: Url.optional(), next: Url.optional() }),
  "Links to this page of results and its neighbours (also sent as an RFC 8288 Link header).",
);
export const PageMeta = named("PageMeta", z.object({ total: z.number().int(), page: z.number().int(), perPage: z.number().int(), pages: z.number().int() }));

export function paged<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(id: string, item: T, extra?: E) {
  const shape = { data: z.array(item), meta: PageMeta, links: PageLinks, ...extra } as { data: z.ZodArray<T>; meta: typeof PageMeta; links: typeof PageLinks } & E;
  return named(id, z.object(shape));
}

export const Problem = named(
  "Problem",
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    parameter: z.string().optional().describe("the query parameter at fault"),
    allowed: z.array(z.string()).optional().describe("the values the parameter accepts, when they form a closed set"),
    allowedParameters: z.array(z.string()).optional().describe("for an unknown parameter: the parameters this operation takes"),
    suggestions: z.array(z.object({ label: z.string(), href: z.string() })).optional(),
  }),
  "An RFC 9457 problem document (media type application/problem+json).",
);

export const VersionInfo = named(
  "Version",
  z.object({
    id: z.string().describe("the date the text came into force; part of every pinned URL"),
    formerIds: z.array(z.string()).optional().describe("ids this version was once published under; their URLs redirect to this one"),
    readFrom: z.enum(["official", "reproduction", "later-text"]).describe("how the text was read: from the official text, a third-party reproduction, or a later official text on the footing that the articles did not change"),
    label: z.string().describe('the name of the text, derived from its id: "2017 text", "2016 draft", or the full date when two texts of the instrument start in the same year'),
    text: z.object({ title: z.string(), date: z.string().optional(), sha256: z.string().optional().describe("SHA-256 of the file the rules were checked against (hex)") }).optional().describe("the official text file this version is read from, where the server has one"),
    adopted: z.string().optional(),
    official: z.string().optional(),
    note: z.string().optional(),
    current: z.boolean(),
    provisions: z.number().int().describe("articles encoded in this text"),
    url: Url,
    api: Url,
  }),
);

export const InstrumentSummary = named(
  "InstrumentSummary",
  z.object({
    id: z.string(),
    title: z.object({ en: z.string(), zh: z.string() }),
    short: z.object({ en: z.string(), zh: z.string().optional() }),
    kind: InstrumentKind,
    status: InstrumentStatus,
    draft: z.boolean(),
    issuer: Bilingual,
    currentVersion: z.string(),
    versions: z.array(VersionInfo),
    url: Url,
    api: Url,
  }),
);

export const ProvisionSummary = named(
  "ProvisionSummary",
  z.object({
    key: z.string().describe("the lineage key, stable across versions: instrument/pNN"),
    instrument: z.string(),
    numbers: z.record(z.string(), z.string()).describe("the article number in each version it exists in"),
    versions: z.array(z.string()),
    heading: Bilingual,
    themes: z.array(Theme),
    confidence: Confidence,
    url: Url.describe("the pinned page of the text in force now (or the latest text the article is in)"),
    api: Url,
  }),
);

export const InstrumentDetail = named(
  "Instrument",
  InstrumentSummary.extend({
    aliases: z.array(z.string()),
    summary: z.string(),
    statusNote: z.string().optional(),
    dates: z.record(z.string(), z.unknown()),
    official: z.array(WebSource),
    provisions: z.array(ProvisionSummary),
  }),
);

export const Citation = named("Citation", z.object({ permalink: z.string(), english: z.string(), chinese: z.string(), short: z.string() }));

export const ProvisionDetail = named(
  "Provision",
  ProvisionSummary.extend({
    version: z.string().describe("the text this answer describes"),
    number: z.string(),
    citation: Citation,
    chapter: Bilingual.optional(),
    summary: z.string(),
    versionNote: z.string().optional(),
    obligations: z.array(Obligation).describe("obligations that apply in this text"),
    penalties: z.array(PenaltyTier).describe("this article's own penalty tiers that apply in this text"),
    enforces: z.array(z.string()),
    enforcedBy: z.array(z.string()),
    related: z.array(z.string()),
    terms: z.array(z.string()),
    sources: z.array(SourceRef),
    web: z.array(WebSource),
    confidenceNote: z.string().optional(),
    concerns: z.array(Concern),
    otherVersions: z.array(z.object({ version: z.string(), number: z.string(), url: Url, api: Url })),
  }),
);

export const ActorSummary = named(
  "ActorSummary",
  z.object({
    id: z.string(),
    label: Bilingual,
    description: z.string(),
    aliases: z.array(z.string()),
    parents: z.array(z.string()),
    children: z.array(z.string()),
    ancestors: z.array(z.string()).describe("every broader actor type whose duties this one inherits"),
    depth: z.number().int(),
    url: Url,
    api: Url,
  }),
);

export const ActorObligation = named(
  "ActorObligation",
  z.object({
    key: z.string().describe("instrument/pNN#obligation-id"),
    provision: z.string(),
    instrument: z.string(),
    version: z.string(),
    number: z.string(),
    duty: z.string(),
    conditions: z.string().optional(),
    theme: Theme,
    boundAs: z.string().describe("the actor the obligation names"),
    chain: z.array(z.string()).describe("from the requested actor up to the actor the obligation names"),
    binding: z.boolean().describe("false for drafts and for rules no longer in force at the date"),
    penaltyTiers: z.array(z.string()).describe("keys of the penalty tiers that punish a breach: instrument/pNN#tier-id"),
    url: Url,
  }),
);

export const ActorDetail = named("Actor", ActorSummary.extend({ at: z.string(), obligations: z.array(ActorObligation) }));

export const PenaltyRow = named(
  "PenaltyRow",
  z.object({
    id: z.string().describe("instrument/pNN#tier-id@bearer"),
    instrument: z.string(),
    provision: z.string(),
    article: z.string().describe("the number in the version linked"),
    versions: z.array(z.string()),
    url: Url,
    tier: z.string(),
    level: TierLevel.describe("the step of the ladder this tier is"),
    escalates: z.string().nullable().describe("the tier of the same article this one escalates from"),
    paragraph: z.number().nullable().describe("the paragraph of the penalty article that sets this tier"),
    imposedBy: ImposedBy.nullable().describe("who imposes it: one authority, or a list of the authorities the article names as alternatives"),
    aggravated: z.boolean().describe("从重处罚: the article requires a heavier penalty"),
    refersTo: z.array(z.string()).describe("articles whose sanctions apply instead (\"punished under …\")"),
    trigger: z.string(),
    bearer: Bearer,
    fineMin: z.number().nullable().describe("RMB"),
    fineMax: z.number().nullable().describe("RMB; null when uncapped or not fixed"),
    fineUncapped: z.boolean(),
    fine: z.string().describe("as the law states it"),
    relativeAmount: z.string().describe("multiples and shares of a named base: illegal gains, turnover, purchase amount"),
    custodyMaxDays: z.number().nullable().describe("for sorting only; months count 30 days and years 365"),
    custodyLife: z.boolean(),
    custody: z.string(),
    other: z.array(z.string()),
    enforces: z.array(z.string()),
    sanctions: z.array(Sanction.extend({ choice: z.number().int().optional().describe("alternatives (或者) share the same choice number: one of them applies") })),
    confidence: Confidence,
  }),
);

export const SearchResult = named(
  "SearchResult",
  z.object({ key: z.string(), score: z.number(), label: z.string(), heading: z.string(), url: Url, api: Url, matched: z.array(z.string()), fields: z.array(z.string()), matchesAll: z.boolean().describe("matches every word typed (a glossary name in the query standing in for its words when one of the term's names matches in full); such results come first") }),
);

export const CitationMatch = named(
  "CitationMatch",
  z.object({ label: z.string(), heading: z.string(), url: Url, api: Url, note: z.string().optional() }),
  "An article the query names by citation (\"CSL 37\", \"网络安全法第三十七条\"), in each text that numbers it so.",
);

export const GlossaryEntry = named("GlossaryTerm", GlossaryTerm);

export const ApiIndex = named(
  "ApiIndex",
  z.object({ title: z.string(), dataVersion: z.string(), asOf: z.string(), openapi: Url, docs: Url, resources: z.record(z.string(), Url) }),
);

export const InstrumentPage = paged("InstrumentPage", InstrumentSummary);
export const ProvisionPage = paged("ProvisionPage", ProvisionSummary);
export const ActorPage = paged("ActorPage", ActorSummary);
export const PenaltyPage = paged("PenaltyPage", PenaltyRow);
export const SearchPage = paged("SearchPage", SearchResult, {
  query: z.string(),
  citations: z.array(CitationMatch),
  expansions: z.array(z.object({ id: z.string(), en: z.string(), zh: z.string() })).describe("glossary terms the query was expanded with"),
});
export const GlossaryPage = paged("GlossaryPage", GlossaryEntry);

export const RegisterLink = named("RegisterLink", z.object({ label: z.string(), url: Url }));

export const RegisterTier = named(
  "RegisterTier",
  z.object({
    article: RegisterLink.describe("the penalty article that sets this tier"),
    when: z.string().describe('the trigger in plain words: "On first violation", "If especially serious"'),
    trigger: z.string().describe("the conduct and circumstances that bring this tier"),
    criminal: z.boolean().describe("criminal exposure (listed after the administrative ladder)"),
    entity: z.array(z.string()),
    managers: z.array(z.string()),
    individual: z.array(z.string()),
    official: z.array(z.string()),
    refersTo: z.array(RegisterLink).describe("the articles this tier punishes under instead"),
  }),
  "One step of a duty's penalty ladder: every sanction with the trigger of its tier.",
);

export const RegisterDuty = named(
  "RegisterDuty",
  z.object({
    key: z.string().describe("instrument/pNN#obligation-id"),
    instrument: z.string(),
    version: z.string(),
    article: z.string(),
    heading: z.string(),
    duty: z.string(),
    conditions: z.string().optional(),
    theme: Theme,
    general: z.boolean().describe("binds the roles only as a general duty of every organisation or person"),
    roles: z.array(z.string()).describe("the roles (labels) this duty binds"),
    reasons: z.array(z.string()).describe("why it applies, each reason once"),
    tiers: z.array(RegisterTier).describe("the penalty ladder: each administrative penalty article's tiers in order, then criminal exposure"),
    generalLiability: z.array(RegisterLink).describe("when no penalty article is linked: the instrument's general liability articles"),
    memoItem: z.string().describe("the pinned memo item of this duty"),
    url: Url,
  }),
);

export const RegisterPage = paged("RegisterPage", RegisterDuty, {
  roles: z.array(z.object({ id: z.string(), label: z.string() })),
  at: z.string().describe("the date the law is read at"),
  dataVersion: z.string(),
  summary: z.object({ specific: z.number().int(), general: z.number().int(), instruments: z.number().int(), withPenalty: z.number().int() }),
});

const ArticleLinkSchema = z.object({ label: z.string(), url: Url, version: z.string(), number: z.string() });
export const ApplicablePenalty = named(
  "ApplicablePenalty",
  z.object({
    regime: z.enum(["administrative", "criminal"]),
    actDate: z.string().describe("the date of the act; for a continuing act, its last day"),
    actStart: z.string().nullable().describe("for a continuing act, its first day"),
    decisionDate: z.string(),
    actVersion: z.string().nullable().describe("the text in force at the act"),
    decisionVersion: z.string().nullable().describe("the text in force at the decision"),
    outcome: z
      .enum(["act-text", "decision-text", "cannot-tell", "no-penalty", "invalid"])
      .describe("act-text: the text in force at the act applies; decision-text: the lighter text in force at the decision applies; cannot-tell: the data cannot decide it (see reasons and compare the ladders); no-penalty: no text punished the conduct when it was committed; invalid: the dates do not fit"),
    applies: z.string().nullable().describe("the version whose tiers apply; null when none does or the data cannot tell"),
    article: ArticleLinkSchema.nullable().describe("the article whose tiers apply, following the conduct (it may bear another number, or be another article, than the one asked about)"),
    severity: z.enum(["lighter", "heavier", "same", "mixed"]).nullable().describe("the later text compared with the earlier, where one comparison decides"),
    appliesUrl: Url.nullable(),
    reason: z.string(),
    reasons: z.array(z.string()),
    rule: z.object({ label: z.string(), url: Url.nullable() }),
    decidedBy: z.array(z.object({ label: z.string(), url: Url.nullable() })).describe("every article the answer rests on"),
    comparisons: z
      .array(
        z.object({
          conduct: z.string(),
          earlier: z.object({ version: z.string(), articles: z.array(ArticleLinkSchema) }),
          later: z.object({ version: z.string(), articles: z.array(ArticleLinkSchema) }),
          outcome: z.enum(["act-text", "decision-text", "cannot-tell", "no-penalty", "invalid"]),
          severity: z.enum(["lighter", "heavier", "same", "mixed"]).nullable(),
          differences: z.array(z.string()),
        }),
      )
      .describe("each conduct followed from the text at the act to the text at the decision, ladder against ladder"),
    alsoPunishedBy: z.array(ArticleLinkSchema).describe("other laws' articles that the later text names for the conduct and that were in force at the act (Administrative Penalty Law Art. 29)"),
  }),
  "Which text's penalty applies to an act (Administrative Penalty Law Arts. 29 and 37; Criminal Law Art. 12).",
);
