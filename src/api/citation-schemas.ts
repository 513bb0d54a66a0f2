// The citation check's request and answer as Zod schemas (POST /api/v1/citations/check and the
// MCP tool check_citations): the OpenAPI document is generated from them, and the tests parse
// every answer with them.
import { z } from "zod";
import { CITATION_STATUSES, FIGURE_STATUSES } from "../citations/check-citations.js";
import { Bearer, Unit } from "../domain/rules-schema.js";
import { apiRegistry } from "./schemas.js";

function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  apiRegistry.add(schema, { id, description });
  return schema;
}

export const CitationCheckRequest = named(
  "CitationCheckRequest",
  z.strictObject({
    text: z.string().describe("the text to check: a memo, a clause, an AI answer, in English or Chinese; at most 64 KB"),
    at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe("the date the law is read at, YYYY-MM-DD (default: the data's as-of date)"),
  }),
);

const CitedArticle = named(
  "CitedArticle",
  z.object({
    instrument: z.string(),
    versionId: z.string(),
    versionName: z.string(),
    number: z.string(),
    para: z.number().int().optional(),
    item: z.number().int().optional(),
    label: z.string().describe('"CSL Art. 39 (2026)"'),
    heading: z.string(),
    href: z.string().describe("the pinned permalink, relative to the site"),
    memoItem: z.string(),
  }),
);

const ArticleFigure = named(
  "ArticleFigure",
  z.object({
    article: z.string(),
    tier: z.string(),
    step: z.string(),
    trigger: z.string(),
    bearer: Bearer,
    bearerLabel: z.string(),
    unit: Unit,
    min: z.number().optional(),
    max: z.number().optional(),
    amount: z.string(),
    condition: z.string().optional(),
    href: z.string(),
  }),
  "One structured figure of an article: a sanction of one tier, with its bearer.",
);

const FigureCheck = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  unit: Unit,
  min: z.number().optional(),
  max: z.number().optional(),
  status: z.enum(FIGURE_STATUSES),
  comparedWith: z.string().optional(),
  matches: z.array(ArticleFigure),
  textSays: z.array(ArticleFigure),
  message: z.string(),
});

const CitationResult = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
  instrument: z.object({ id: z.string(), short: z.string(), title: z.string() }).optional(),
  instrumentName: z.string(),
  how: z.enum(["named", "context"]),
  cited: z.object({ number: z.string(), para: z.number().int().optional(), item: z.number().int().optional(), year: z.string().optional() }),
  status: z.enum(CITATION_STATUSES),
  message: z.string(),
  article: CitedArticle.optional(),
  now: CitedArticle.optional(),
  movedTo: z.array(z.object({ article: CitedArticle, tier: z.string(), step: z.string() })).optional(),
  note: z.string().optional(),
  choices: z.array(z.object({ status: z.enum(CITATION_STATUSES), message: z.string(), article: CitedArticle, now: CitedArticle.optional() })).optional(),
  suggestions: z.array(z.string()).optional(),
  pinpointNote: z.string().optional().describe("a paragraph or item that could not be checked, and why"),
  figures: z.array(FigureCheck),
});

export const CitationReportSchema = named(
  "CitationReport",
  z.object({
    dataVersion: z.string(),
    asAt: z.string(),
    asAtSource: z.enum(["given", "data"]),
    coverage: z.string(),
    characters: z.number().int(),
    summary: z.record(z.enum([...CITATION_STATUSES, ...FIGURE_STATUSES]), z.number().int()),
    citations: z.array(CitationResult),
    memoItems: z.array(z.string()),
  }),
  "Every citation found in the text, resolved at the date, with the figures stated beside it compared with the article's.",
);

/** The OpenAPI path item of POST /api/v1/citations/check. */
export function citationCheckPathItem(refOf: (s: z.ZodType) => { $ref: string }, problem: Record<string, unknown>) {
  return {
    post: {
      operationId: "checkCitations",
      tags: ["citations"],
      summary: "Check every citation and figure in a text",
      description:
        "Finds every citation in the text (《网络安全法》第三十七条, Article 37 of the Cybersecurity Law, CSL Art. 21(3), PIPL 38, Art. 37 after a named law, 第二百八十七条之二), resolves each at the date (ok, renumbered, not-in-force, no-such-article, no-such-paragraph, no-such-item, deleted, ambiguous, unknown-instrument) and compares every figure stated beside it with the article's figures (figure-matches, figure-differs, not-compared). Body: JSON, or text/plain with the date as ?at=. At most 64 KB. Not cached.",
      parameters: [{ name: "at", in: "query", required: false, description: "the date the law is read at, for a text/plain body", schema: { type: "string", format: "date" } }],
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: refOf(CitationCheckRequest) },
          "text/plain": { schema: { type: "string", maxLength: 65536 } },
        },
      },
      responses: {
        "200": { description: "The report (Cache-Control: no-store)", content: { "application/json": { schema: refOf(CitationReportSchema) } } },
        "400": { ...problem, description: "A field is missing or malformed; the problem names it" },
        "413": { ...problem, description: "The body is over 64 KB" },
      },
    },
  };
}
