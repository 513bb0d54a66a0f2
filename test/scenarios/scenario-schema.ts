// The golden scenarios' file format (test/scenarios/*.yaml): worked cases read from the official
// texts, each stating what the site must answer. Strict: a misspelt key is an error, so an
// expectation can never be silently dropped. See test/scenarios/README.md.
import { z } from "zod";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");
/** instrument/pNN: a provision (lineage) key of the rules. */
export const ProvisionKey = z.string().regex(/^[a-z0-9-]+\/p[0-9a-z-]+$/, "a provision key, instrument/pNN");
/** instrument/pNN#obligation-id: one duty. */
export const DutyKey = z.string().regex(/^[a-z0-9-]+\/p[0-9a-z-]+#[a-z0-9-]+$/, "a duty key, instrument/pNN#obligation-id");
/** instrument/version/art-N: one article as one text numbers it. */
const PinnedArticle = z.string().regex(/^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}\/art-[0-9]+(-[0-9]+)?$/, "a pinned article, instrument/YYYY-MM-DD/art-N");

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case words joined by hyphens"),
  /** The articles the expectation is read from: "<instrument-id> [<year or version>] Art. N …". */
  basis: z.array(z.string().regex(/^[a-z0-9-]+ /, "starts with the instrument id")).min(1),
  /** Why the law is unclear here, or where the answer comes from when it is not obvious. */
  note: z.string().optional(),
};

const Fine = z.number().int().nonnegative();

/** Figures the first tier of a duty's penalty ladder must carry (fixed RMB amounts per bearer). */
export const FirstTier = z.strictObject({
  article: ProvisionKey.optional(), // the penalty article that sets it
  entityFineMin: Fine.optional(),
  entityFineMax: Fine.optional(),
  managersFineMin: Fine.optional(),
  managersFineMax: Fine.optional(),
  individualFineMin: Fine.optional(),
  individualFineMax: Fine.optional(),
});

export const ExpectedDuty = z.strictObject({
  key: DutyKey,
  penalties: z.array(ProvisionKey).default([]), // penalty articles its ladder must include
  notPenalties: z.array(ProvisionKey).default([]), // penalty articles its ladder must not include
  firstTier: FirstTier.optional(),
});

export const CompanyScenario = z
  .strictObject({
    ...common,
    kind: z.literal("company"),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    roles: z.array(z.string()).optional(),
    at: IsoDate.optional(),
    expect: z.strictObject({
      duties: z.array(ExpectedDuty).default([]),
      absent: z.array(z.union([DutyKey, ProvisionKey])).default([]), // duties, or penalty articles no duty may carry
    }),
  })
  .refine((s) => s.answers !== undefined || s.roles !== undefined, { message: "give answers or roles" })
  .refine((s) => s.expect.duties.length + s.expect.absent.length > 0, { message: "expect at least one duty or one absence" });

export const Outcome = z.enum(["act-text", "decision-text", "cannot-tell", "no-penalty"]);

export const TimeScenario = z
  .strictObject({
    ...common,
    kind: z.literal("time"),
    instrument: z.string(),
    version: IsoDate,
    article: z.string().regex(/^[0-9]+(-[0-9]+)?$/),
    act: IsoDate.optional(),
    actStart: IsoDate.optional(),
    actEnd: IsoDate.optional(),
    decided: IsoDate,
    expect: z.strictObject({
      outcome: Outcome,
      version: IsoDate.optional(), // the text whose penalty applies
      article: z.string().optional(), // its number in that text
      because: z.string().optional(), // a phrase the reasons must contain
    }),
  })
  .refine((s) => (s.act !== undefined) !== (s.actStart !== undefined && s.actEnd !== undefined) && (s.actStart === undefined) === (s.actEnd === undefined), {
    message: "give act, or actStart and actEnd",
  });

export const SearchScenario = z.strictObject({
  ...common,
  kind: z.literal("search"),
  query: z.string().min(1),
  expect: z.strictObject({ top3: ProvisionKey, version: IsoDate.optional() }),
});

export const CitationScenario = z.strictObject({
  ...common,
  kind: z.literal("citation"),
  citation: z.string().min(1),
  expect: z.strictObject({
    resolves: z.array(z.strictObject({ article: PinnedArticle, provision: ProvisionKey.optional() })),
    only: z.boolean().default(false), // no other article may be named
  }),
});

export const Scenario = z.discriminatedUnion("kind", [CompanyScenario, TimeScenario, SearchScenario, CitationScenario]);
export type Scenario = z.infer<typeof Scenario>;
export const ScenarioFile = z.array(Scenario).min(1);
