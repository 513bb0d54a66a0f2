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
// with copies of one page. The one exception is the tracking parameters that newsletters, chat
// apps and social networks add to every link they carry (TRACKING_PARAMETERS): on a page or a
// feed they are a 301 to the same address without them (so a shared link keeps working and the
// page is rendered and cached once), and under /api they are dropped before the route reads
// the query (a client cannot be asked to follow a redirect it did not cause).
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

/**
 * The parameters that link trackers add: every name that starts with `utm_`, and these. The one
 * list of them (the README and the tests read it from here).
 */
export const TRACKING_PARAMETERS: readonly string[] = ["utm_*", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "_hsenc"];
const TRACKING_NAMES = new Set(TRACKING_PARAMETERS.filter((n) => !n.endsWith("*")));
const TRACKING_PREFIXES = TRACKING_PARAMETERS.filter((n) => n.endsWith("*")).map((n) => n.slice(0, -1));

/** Whether a (decoded) parameter name is one that link trackers add. */
export function isTrackingParameter(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_NAMES.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

function decodedName(pair: string): string {
  const eq = pair.indexOf("=");
  const raw = (eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, " ");
  return decodes(raw) ? decodeURIComponent(raw) : raw;
}

/**
 * The query string without its tracking parameters (the others kept byte for byte, in order),
 * or undefined when it has none.
 */
export function withoutTracking(search: string): string | undefined {
  const pairs = search.split("&");
  const kept = pairs.filter((pair) => pair === "" || !isTrackingParameter(decodedName(pair)));
  return kept.length === pairs.length ? undefined : kept.filter(Boolean).join("&");
}

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
    // Tracking parameters: checked before the page cache looks the address up, so that the
    // address without them is the one rendered and cached.
    app.addHook("onRequest", (req, reply, done) => {
      const at = req.url.indexOf("?");
      if (at < 0 || req.url.startsWith("/static/")) return done(); // static files do not read the query
      const kept = withoutTracking(req.url.slice(at + 1));
      if (kept === undefined) return done();
      const path = req.url.slice(0, at);
      const target = kept === "" ? path : `${path}?${kept}`;
      if (isApiRequest(req)) {
        req.raw.url = target; // what the page cache keys on and the log prints
        const query = req.query as Record<string, unknown> | undefined;
        if (query && typeof query === "object") for (const name of Object.keys(query)) if (isTrackingParameter(name)) delete query[name];
        return done();
      }
      reply.code(301).header("cache-control", "public, max-age=86400").redirect(target.replace(/^[/\\]+/, "/"), 301);
    });
    app.addHook("onRoute", (route) => {
      if (route.config?.query !== "none") return;
      route.onRequest = [...[route.onRequest ?? []].flat(), noQuery];
    });
  },
  { name: "query-policy", dependencies: ["error-pages"] },
);
