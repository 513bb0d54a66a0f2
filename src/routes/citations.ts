// /check-citations and POST /api/v1/citations/check: paste a text, get every citation in it
// checked (src/citations/check-citations.ts). With /mcp, the only addresses that take a body
// (the allow-list in src/plugins/pre-routing.ts): POST, a form (application/x-www-form-urlencoded)
// or text/plain, and under /api also JSON, at most 64 KB. Answers are never cached.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { checkCitations, CITATION_STATUSES, FIGURE_STATUSES, STATUS_LABELS, type CitationReport } from "../citations/check-citations.js";
import { citationReportMarkdown } from "../citations/citation-markdown.js";
import { MAX_MEMO_ITEMS } from "../memo/memo-items.js";
import { prepareCitationSearch } from "../search/citation-query.js";
import { BODY_LIMIT } from "../plugins/pre-routing.js";
import { NO_QUERY } from "../plugins/query-policy.js";
import { parseQuery, single, DateParam } from "../query/query-params.js";
import { sendError, TITLES } from "../plugins/error-pages.js";
import { BadQueryError } from "../errors.js";

export const CITATIONS_API_PATH = "/api/v1/citations/check";

/** What a check takes, whatever the body's type: the text, and the date the law is read at. */
export const CitationCheckInput = z.strictObject({
  text: z.string().max(BODY_LIMIT, `the text is longer than ${BODY_LIMIT} characters`).describe("the text to check: a memo, a clause, an AI answer; English or Chinese"),
  at: DateParam.optional().describe("the date the law is read at, YYYY-MM-DD (default: the data's as-of date)"),
  format: z.enum(["html", "md"]).optional().describe("the page only: md downloads the report as Markdown"),
});

const AtQuery = z.object({ at: single(DateParam.optional().describe("the date the law is read at (text/plain bodies)")) });

function bodyInput(req: FastifyRequest): unknown {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  const query = parseQuery(AtQuery, req.query);
  if (type === "text/plain") return { text: req.body ?? "", ...(query.at ? { at: query.at } : {}) };
  const body = req.body && typeof req.body === "object" ? { ...(req.body as Record<string, unknown>) } : {};
  if (query.at && body.at === undefined) body.at = query.at;
  if (body.at === "") delete body.at; // an empty date field: the default
  return body;
}

function badInput(req: FastifyRequest, reply: FastifyReply, error: z.ZodError): Promise<FastifyReply> {
  const issue = error.issues[0];
  const parameter = String(issue?.path[0] ?? "text");
  const detail = issue?.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}: the fields are text, at${req.url.startsWith("/api") ? "" : " and format"}.` : `${parameter}: ${issue?.message ?? "invalid"}.`;
  return sendError(req, reply, { status: 400, title: TITLES[400] as string, detail, parameter, suggestions: [{ label: "The citation check", href: "/check-citations" }] });
}

function run(app: { catalog: import("../domain/catalog.js").Catalog; lawTexts: import("../texts/load-law-texts.js").LawTexts }, input: z.output<typeof CitationCheckInput>): CitationReport {
  return checkCitations(app.catalog, input.text.replace(/\r\n?/g, "\n"), input.at ?? app.catalog.meta.asOf, input.at ? "given" : "data", app.lawTexts);
}

const citationRoutes: FastifyPluginAsync = async (app) => {
  prepareCitationSearch(app.catalog);
  // Forms arrive urlencoded: parsed here, in this plugin only (no other route takes a body).
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    const params = new URLSearchParams(body as string);
    const out: Record<string, string> = {};
    for (const [k, v] of params) {
      if (k in out || k === "__proto__") return done(Object.assign(new Error(`the field "${k}" is given twice or is not a field`), { statusCode: 400 }), undefined);
      out[k] = v;
    }
    done(null, out);
  });
  // JSON (the API) parsed here too, so that a body that is not JSON is a 400 that says so.
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new BadQueryError("body", "The body is not valid JSON: send {\"text\": \"…\", \"at\": \"YYYY-MM-DD\"}."), undefined);
    }
  });
  // Any other type of body: say which ones are taken.
  app.addContentTypeParser("*", (_req, _payload, done) => done(new BadQueryError("content-type", "The body must be application/x-www-form-urlencoded (a form), text/plain, or (under /api) application/json.", ["application/x-www-form-urlencoded", "text/plain", "application/json"]), undefined));
  const post = { bodyLimit: BODY_LIMIT };
  const view = (report: CitationReport | undefined, input: { text: string; at?: string }) => ({
    title: "Check citations",
    report,
    input,
    asOf: app.catalog.meta.asOf,
    statuses: [...CITATION_STATUSES, ...FIGURE_STATUSES].map((s) => ({ id: s, label: STATUS_LABELS[s], count: report?.summary[s] ?? 0 })),
    labels: STATUS_LABELS,
    memoHref: report?.memoItems.length ? `/memo?items=${report.memoItems.slice(0, MAX_MEMO_ITEMS).map(encodeURIComponent).join(",")}` : undefined,
    memoNote: report && report.memoItems.length > MAX_MEMO_ITEMS ? `A memo holds ${MAX_MEMO_ITEMS} items: the link adds the first ${MAX_MEMO_ITEMS} of ${report.memoItems.length} articles.` : undefined,
  });

  app.get("/check-citations", NO_QUERY, async (_req, reply) => reply.viewAsync("pages/check-citations", view(undefined, { text: "" })));

  app.post("/check-citations", post, async (req, reply) => {
    const parsed = CitationCheckInput.safeParse(bodyInput(req));
    if (!parsed.success) return badInput(req, reply, parsed.error);
    const report = run(app, parsed.data);
    reply.header("cache-control", "no-store");
    if (parsed.data.format === "md") {
      return reply.type("text/markdown; charset=utf-8").header("content-disposition", 'attachment; filename="citation-check.md"').send(citationReportMarkdown(report, app.publicOrigin));
    }
    return reply.viewAsync("pages/check-citations", view(report, { text: parsed.data.text, ...(parsed.data.at ? { at: parsed.data.at } : {}) }));
  });

  app.post(CITATIONS_API_PATH, post, async (req, reply) => {
    const parsed = CitationCheckInput.omit({ format: true }).safeParse(bodyInput(req));
    if (!parsed.success) return badInput(req, reply, parsed.error);
    reply.header("cache-control", "no-store");
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(run(app, parsed.data)));
  });
};

export default citationRoutes;
