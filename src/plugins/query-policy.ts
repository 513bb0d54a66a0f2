// What a query string may hold, for every route (see src/routes/README.md):
//
// - every value (and name) must percent-decode: `?q=%FF` is a 400 naming the parameter, as an
//   undecodable path is (Fastify's parser would keep the bytes as they were sent);
// - a route that takes parameters parses them with its schema (parseQuery): any parameter not
//   in the schema is a 400 that names it and lists the ones the route takes;
// - a route that takes none says so once, `app.get(path, NO_QUERY, handler)`: a query string
//   on it is redirected (301) to the bare address, or under /api is a 400.
//
// So no parameter is ever silently ignored, and `?x=1`, `?x=2` … cannot fill the page cache
// with copies of one page.
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { BadQueryError } from "../errors.js";
import { isApiRequest } from "./error-pages.js";

declare module "fastify" {
  interface FastifyContextConfig {
    query?: "none"; // the route takes no query parameters (NO_QUERY)
  }
}

/** Route options of a route that takes no query parameters. */
export const NO_QUERY = { config: { query: "none" } } as const;

function decodes(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** The first name=value pair of a query string that does not percent-decode, or nothing. */
function undecodable(search: string): { name: string } | undefined {
  for (const pair of search.split("&")) {
    if (!pair.includes("%") || decodes(pair)) continue;
    const eq = pair.indexOf("=");
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    return { name: decodes(rawName) ? decodeURIComponent(rawName.replace(/\+/g, " ")) : rawName };
  }
  return undefined;
}

function noQuery(req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void {
  const at = req.url.indexOf("?");
  if (at < 0) return done();
  const path = req.url.slice(0, at);
  if (isApiRequest(req)) {
    const names = [...new URLSearchParams(req.url.slice(at + 1)).keys()];
    return done(new BadQueryError(names[0] ?? "query", `${path} takes no parameters${names.length ? ` (given: ${names.slice(0, 5).map((n) => `"${n}"`).join(", ")})` : ""}.`, [], "parameters"));
  }
  // The bare address is the one page there is. A path that starts with two slashes would read
  // as another host in Location: keep one.
  reply.code(301).header("cache-control", "public, max-age=86400").redirect(path.replace(/^[/\\]+/, "/"), 301);
}

export default fp(
  async (app) => {
    app.addHook("onRequest", (req, _reply, done) => {
      const at = req.url.indexOf("?");
      if (at < 0 || !req.url.includes("%", at)) return done();
      const bad = undecodable(req.url.slice(at + 1));
      if (!bad) return done();
      done(new BadQueryError(bad.name, `"${bad.name.length > 40 ? `${bad.name.slice(0, 40)}…` : bad.name}" cannot be read: it has a malformed percent-encoding (such as %FF or a lone %).`));
    });
    app.addHook("onRoute", (route) => {
      if (route.config?.query !== "none") return;
      route.onRequest = [...[route.onRequest ?? []].flat(), noQuery];
    });
  },
  { name: "query-policy", dependencies: ["error-pages"] },
);
