// Which addresses the site serves, whatever method they are asked with. A known path asked with
// another method is a 405 that names the methods it allows (error-pages.ts), and OPTIONS is
// answered only for a known path (a 404 otherwise). Fastify's router matches by method, so
// this keeps a second router of every GET route (and of the few POST ones), filled as the routes
// are added.
import FindMyWay from "find-my-way";
import fp from "fastify-plugin";

export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";
/** The methods of an address that only takes a body (the citation check's API, /mcp). */
export const POST_METHODS = "POST, OPTIONS";

declare module "fastify" {
  interface FastifyInstance {
    isKnownPath(url: string): boolean; // some GET route matches this path
    /** The methods a known path answers (ALLOWED_METHODS, with POST where it takes a body); undefined for an unknown path. */
    allowedMethodsFor(url: string): string | undefined;
  }
}

export default fp(
  async (app) => {
    // The same matching rules as the app's router (src/app.ts).
    const router = FindMyWay({ ignoreTrailingSlash: true, maxParamLength: 200 });
    const noop = () => undefined;
    app.addHook("onRoute", (r) => {
      for (const method of ["GET", "POST"] as const) {
        if (![r.method].flat().includes(method)) continue;
        try {
          router.on(method, r.url, noop);
        } catch {
          // already known (the same pattern registered twice)
        }
      }
    });
    const known = (method: "GET" | "POST", url: string) => router.find(method, url.split("?")[0] ?? "/") !== null;
    app.decorate("isKnownPath", (url: string) => known("GET", url));
    app.decorate("allowedMethodsFor", (url: string) => {
      const get = known("GET", url);
      const post = known("POST", url);
      return get && post ? "GET, HEAD, POST, OPTIONS" : get ? ALLOWED_METHODS : post ? POST_METHODS : undefined;
    });
  },
  { name: "known-paths" },
);
