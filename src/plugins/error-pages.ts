// Turns every error into a clear answer: an HTML page for people, RFC 9457
// application/problem+json under /api. Never a stack trace, never unescaped input.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { closestMatches } from "../domain/closest-match.js";
import { BadQueryError, NotFoundError, TooManyRequestsError, type Suggestion } from "../errors.js";
import { compress, COMPRESS_THRESHOLD, negotiate } from "./page-cache.js";
import { setSecurityHeaders } from "./security.js";
import { allowedValues } from "../view-models/value-labels.js";

export interface ErrorPage {
  status: number;
  title: string;
  detail: string;
  parameter?: string;
  allowed?: readonly string[];
  allowedAre?: "values" | "parameters"; // what `allowed` lists (default values)
  allowedLabels?: readonly { value: string; label: string }[]; // the allowed values in words, for the HTML page
  suggestions: readonly Suggestion[];
}

export const TITLES: Record<number, string> = {
  400: "Bad request",
  404: "Not found",
  405: "Method not allowed",
  408: "Request timeout",
  413: "Request too large",
  414: "URI too long",
  429: "Too many requests",
  431: "Request headers too large",
  500: "Something went wrong",
  501: "Not implemented",
  503: "Service unavailable",
};

export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith("/api/") || req.url === "/api";
}

function problemJson(req: FastifyRequest, page: ErrorPage): string {
  const body: Record<string, unknown> = {
    type: page.status === 400 ? "https://china-law-explorer.invalid/problems/bad-query" : "about:blank",
    title: page.title,
    status: page.status,
    detail: page.detail,
    instance: req.url.split("?")[0],
  };
  if (page.parameter) body.parameter = page.parameter;
  if (page.allowed && page.allowed.length > 0) body[page.allowedAre === "parameters" ? "allowedParameters" : "allowed"] = page.allowed;
  if (page.suggestions.length > 0) body.suggestions = page.suggestions;
  return JSON.stringify(body);
}

export async function sendError(req: FastifyRequest, reply: FastifyReply, page: ErrorPage): Promise<FastifyReply> {
  reply.code(page.status).header("cache-control", "no-store");
  if (isApiRequest(req)) return sendCompressed(req, reply.type("application/problem+json; charset=utf-8"), problemJson(req, page));
  const html = (await reply.viewAsync("pages/error", { page, title: page.title })) as string;
  return sendCompressed(req, reply.type("text/html; charset=utf-8"), html);
}

/**
 * Compressed here, in one call with the page cache's settings, not by @fastify/compress: its
 * stream per answer (a 4 MB brotli window each) left resident memory ~45 MB higher after a
 * burst of a few thousand error pages, the very answers an attack produces.
 */
async function sendCompressed(req: FastifyRequest, reply: FastifyReply, text: string): Promise<FastifyReply> {
  const body = Buffer.from(text);
  reply.header("vary", "Accept-Encoding");
  const coding = body.length >= COMPRESS_THRESHOLD ? negotiate(req.headers["accept-encoding"]) : "identity";
  if (coding === "identity") return reply.send(body);
  return reply.header("content-encoding", coding).send(await compress(body, coding));
}

const FRAMEWORK_ERRORS: Record<string, [number, string]> = {
  FST_ERR_BAD_URL: [400, "This address cannot be read: it has a malformed percent-encoding (such as %FF or a lone %)."],
  FST_ERR_MAX_PARAM_LENGTH: [414, "This address is too long: a part of it is longer than any name the site uses."],
};

/**
 * Fastify's `frameworkErrors`: a path that cannot be percent-decoded (400) or a parameter longer
 * than the router takes (414) is refused before routing, so no hook, handler or reply decorator
 * runs. Answer it with the same page (or problem+json) and the same headers as any other error.
 */
export async function sendFrameworkError(app: FastifyInstance, error: FastifyError, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const [status, detail] = FRAMEWORK_ERRORS[error.code] ?? [500, "The server could not answer this request. The problem has been logged."];
  if (status >= 500) req.log.error({ err: error }, "request failed before routing");
  const page: ErrorPage = { status, title: TITLES[status] as string, detail, suggestions: [{ label: "Home", href: "/" }, { label: "Search", href: "/search" }] };
  setSecurityHeaders(reply.raw);
  reply.code(status).header("cache-control", "no-store");
  if (isApiRequest(req)) return reply.type("application/problem+json; charset=utf-8").send(problemJson(req, page));
  const html = (await app.view("pages/error", { page, title: page.title })) as string;
  return reply.type("text/html; charset=utf-8").send(html);
}

/** The address with only the named query parameters kept. */
function withOnly(url: string, names: readonly string[]): string {
  const at = url.indexOf("?");
  const path = at < 0 ? url : url.slice(0, at);
  const kept = new URLSearchParams();
  if (at >= 0) for (const [k, v] of new URLSearchParams(url.slice(at + 1))) if (names.includes(k)) kept.append(k, v);
  const qs = kept.toString();
  return `${path.replace(/^[/\\]+/, "/")}${qs ? `?${qs}` : ""}`;
}

// The site's sections, for a mistyped first segment ("/penaltys" → Penalties).
const SECTIONS: Record<string, string> = { actors: "Who is bound: actors", profile: "Compliance register", laws: "Laws", provisions: "Provisions", penalties: "Penalties", glossary: "Glossary", memo: "Memo", search: "Search" };

function sectionsNear(path: string): Suggestion[] {
  const first = (path.split("/")[1] ?? "").toLowerCase().replace(/\.[a-z]+$/, "");
  if (!first || first in SECTIONS) return [];
  return closestMatches(first, Object.keys(SECTIONS), 2).map((k) => ({ label: SECTIONS[k] as string, href: `/${k}` }));
}

export default fp(
  async (app) => {
    app.setNotFoundHandler(async (req, reply) => {
      const path = req.url.split("?")[0] ?? "/";
      // A known path asked with another method: say which methods it takes (CORS preflights
      // get their headers from open-data-cors.ts).
      const allow = app.allowedMethodsFor(path);
      if (allow && !((req.method === "GET" || req.method === "HEAD") && allow.includes("GET"))) {
        reply.header("allow", allow);
        if (req.method === "OPTIONS") return reply.code(204).header("cache-control", "public, max-age=86400").send();
        return sendError(req, reply, {
          status: 405,
          title: TITLES[405] as string,
          detail: `${path} answers only ${allow}, not ${req.method}.`,
          suggestions: [allow.includes("GET") ? { label: "This page", href: path } : { label: "The citation check", href: "/check-citations" }],
        });
      }
      return sendError(req, reply, {
        status: 404,
        title: TITLES[404] as string,
        detail: `There is no page at ${path}.`,
        suggestions: [
          ...sectionsNear(path),
          { label: "Home", href: "/" },
          { label: "All laws and regulations", href: "/laws" },
          { label: "Who is bound: actors", href: "/actors" },
        ],
      });
    });

    app.setErrorHandler(async (error, req, reply) => {
      if (error instanceof BadQueryError) {
        const suggestions = error.allowedAre === "parameters" ? [{ label: "The same address without the unknown parameters", href: withOnly(req.url, error.allowed) }] : [];
        const allowedLabels = error.allowedAre === "values" && error.allowed.length > 0 && app.hasDecorator("catalog") ? allowedValues(app.catalog, error.parameter, error.allowed) : undefined;
        return sendError(req, reply, { status: 400, title: TITLES[400] as string, detail: error.message, parameter: error.parameter, allowed: error.allowed, allowedAre: error.allowedAre, allowedLabels, suggestions });
      }
      if (error instanceof NotFoundError) {
        return sendError(req, reply, { status: 404, title: TITLES[404] as string, detail: error.message, suggestions: error.suggestions });
      }
      if (error instanceof TooManyRequestsError) {
        reply.header("retry-after", String(error.retryAfterSeconds));
        return sendError(req, reply, { status: 429, title: TITLES[429] as string, detail: error.message, suggestions: [{ label: "Home", href: "/" }] });
      }
      const status = typeof (error as { statusCode?: unknown }).statusCode === "number" ? ((error as { statusCode: number }).statusCode) : 500;
      if (status >= 500) {
        req.log.error({ err: error }, "request failed");
        return sendError(req, reply, { status: 500, title: TITLES[500] as string, detail: "The server could not answer this request. The problem has been logged.", suggestions: [{ label: "Home", href: "/" }] });
      }
      // Fastify's own client errors (bad URL encoding, body too large …): say what, not how.
      return sendError(req, reply, { status, title: TITLES[status] ?? "Bad request", detail: "The request could not be understood. Check the address and its query string.", suggestions: [{ label: "Home", href: "/" }] });
    });
  },
  { name: "error-pages", dependencies: ["views", "known-paths"] },
);
