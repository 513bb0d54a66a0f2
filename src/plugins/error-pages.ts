// Turns every error into a clear answer: an HTML page for people, RFC 9457
// application/problem+json under /api. Never a stack trace, never unescaped input.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { closestMatches } from "../domain/closest-match.js";
import { BadQueryError, NotFoundError, type Suggestion } from "../errors.js";
import { setSecurityHeaders } from "./security.js";

export interface ErrorPage {
  status: number;
  title: string;
  detail: string;
  parameter?: string;
  allowed?: readonly string[];
  suggestions: readonly Suggestion[];
}

const TITLES: Record<number, string> = { 400: "Bad request", 404: "Not found", 405: "Method not allowed", 413: "Request too large", 414: "URI too long", 500: "Something went wrong" };

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
  if (page.allowed && page.allowed.length > 0) body.allowed = page.allowed;
  if (page.suggestions.length > 0) body.suggestions = page.suggestions;
  return JSON.stringify(body);
}

export async function sendError(req: FastifyRequest, reply: FastifyReply, page: ErrorPage): Promise<FastifyReply> {
  reply.code(page.status).header("cache-control", "no-store");
  if (isApiRequest(req)) return reply.type("application/problem+json; charset=utf-8").send(problemJson(req, page));
  const html = await reply.viewAsync("pages/error", { page, title: page.title });
  return reply.type("text/html; charset=utf-8").send(html);
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

// The site's sections, for a mistyped first segment ("/penaltys" → Penalties).
const SECTIONS: Record<string, string> = { actors: "Who is bound: actors", profile: "Company profile", laws: "Laws", provisions: "Provisions", penalties: "Penalties", glossary: "Glossary", memo: "Memo", search: "Search" };

function sectionsNear(path: string): Suggestion[] {
  const first = (path.split("/")[1] ?? "").toLowerCase().replace(/\.[a-z]+$/, "");
  if (!first || first in SECTIONS) return [];
  return closestMatches(first, Object.keys(SECTIONS), 2).map((k) => ({ label: SECTIONS[k] as string, href: `/${k}` }));
}

export default fp(
  async (app) => {
    app.setNotFoundHandler(async (req, reply) => {
      const path = req.url.split("?")[0] ?? "/";
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
        return sendError(req, reply, { status: 400, title: TITLES[400] as string, detail: error.message, parameter: error.parameter, allowed: error.allowed, suggestions: [] });
      }
      if (error instanceof NotFoundError) {
        return sendError(req, reply, { status: 404, title: TITLES[404] as string, detail: error.message, suggestions: error.suggestions });
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
  { name: "error-pages", dependencies: ["views"] },
);
