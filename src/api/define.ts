// One JSON API operation: its path, parameters and answer as Zod schemas, and its handler.
// The same definition registers the Fastify route and writes the OpenAPI document, so the
// document describes exactly what the server does.
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { parseQuery, single, PARAM_DOCS, wholeNumber } from "../query/query-params.js";
import { PAGE_LIMITS } from "./paging.js";

export interface ApiContext<Q, P> {
  query: Q;
  params: P;
  url: string; // absolute URL of the request, for self and page links
}

export interface ApiOperation<Q extends z.ZodObject = z.ZodObject, P extends z.ZodObject = z.ZodObject> {
  path: string; // OpenAPI style: /api/v1/actors/{id}
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  response: z.ZodType;
  examples?: string[]; // paths with query strings a reader (and the tests) can try
  handler(ctx: ApiContext<z.output<Q>, z.output<P>>): unknown;
}

export function defineOperation<Q extends z.ZodObject, P extends z.ZodObject>(op: ApiOperation<Q, P>): ApiOperation {
  return op as unknown as ApiOperation;
}

/** page and per_page, shared by every list operation. */
export const pagingParams = {
  page: single(wholeNumber(PAGE_LIMITS.maxPage).default(1).describe("page of results, from 1; a page past the end is a 404")),
  per_page: single(wholeNumber(PAGE_LIMITS.maxPerPage).default(PAGE_LIMITS.perPage).describe(`results per page, at most ${PAGE_LIMITS.maxPerPage}`)),
};

/**
 * The public address of a request: its path and query on our origin. Built from the parts, never
 * by concatenation: a target such as `//host/x` must not become another host's address.
 */
export function absoluteUrl(origin: string, target: string): string {
  const u = new URL(origin);
  const at = target.indexOf("?");
  u.pathname = at < 0 ? target : target.slice(0, at);
  u.search = at < 0 ? "" : target.slice(at);
  return u.href;
}

const fastifyPath = (p: string) => p.replace(/\{(\w+)\}/g, ":$1");

const CACHE_CONTROL = "public, max-age=300"; // the rules change only with a deploy; ETag revalidates

export function registerOperations(app: FastifyInstance, ops: readonly ApiOperation[]): void {
  for (const op of ops) {
    const query = op.query ?? z.object({}); // parseQuery refuses any parameter not in it
    app.get(fastifyPath(op.path), async (req, reply: FastifyReply) => {
      const q = parseQuery(query, req.query);
      const params = (req.params ?? {}) as Record<string, string>;
      const body = await op.handler({ query: q, params, url: absoluteUrl(app.publicOrigin, req.url) });
      const links = (body as { links?: Record<string, string | undefined> } | undefined)?.links;
      if (links && typeof links === "object") {
        const rels = Object.entries(links).filter(([, href]) => href).map(([rel, href]) => `<${href}>; rel="${rel}"`);
        if (rels.length) reply.header("link", rels.join(", "));
      }
      reply.header("cache-control", CACHE_CONTROL);
      return reply.type("application/json; charset=utf-8").send(JSON.stringify(body));
    });
  }
}

/** OpenAPI parameter objects for an operation's path and query schemas. */
export function parametersOf(op: ApiOperation, toSchema: (s: z.ZodType, io: "input" | "output") => Record<string, unknown>) {
  const out: Record<string, unknown>[] = [];
  for (const name of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)) {
    const s = op.params?.shape[name] as z.ZodType | undefined;
    out.push({ name, in: "path", required: true, description: s?.description, schema: s ? toSchema(s, "input") : { type: "string" } });
  }
  for (const [name, field] of Object.entries(op.query?.shape ?? {}) as [string, z.ZodType][]) {
    const doc = PARAM_DOCS.get(field);
    const required = !field.safeParse(undefined).success;
    if (doc?.list) {
      out.push({ name, in: "query", required, style: "form", explode: true, description: `${doc.item.description ?? ""} Repeat the parameter or separate values with commas.`.trim(), schema: { type: "array", items: toSchema(doc.item, "input") } });
    } else {
      const inner = doc?.item ?? field;
      out.push({ name, in: "query", required, description: inner.description, schema: toSchema(inner, "input") });
    }
  }
  return out;
}
