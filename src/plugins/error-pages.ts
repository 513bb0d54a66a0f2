// Turns every error into a clear answer: an HTML page for people, RFC 9457
// application/problem+json under /api. Never a stack trace, never unescaped input.
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { BadQueryError, NotFoundError, type Suggestion } from "../errors.js";

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

export async function sendError(req: FastifyRequest, reply: FastifyReply, page: ErrorPage): Promise<FastifyReply> {
  reply.code(page.status).header("cache-control", "no-store");
  if (isApiRequest(req)) {
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
    return reply.type("application/problem+json; charset=utf-8").send(JSON.stringify(body));
  }
  const html = await reply.viewAsync("pages/error", { page, title: page.title });
  return reply.type("text/html; charset=utf-8").send(html);
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
