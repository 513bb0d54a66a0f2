// Which addresses the site serves, whatever method they are asked with. A known path asked with
// another method is a 405 that names the methods it allows (error-pages.ts), and OPTIONS is
// answered only for a known path (a 404 otherwise). Fastify's router matches by method, so
// this keeps a second router of every GET route, filled as the routes are added.
import FindMyWay from "find-my-way";
import fp from "fastify-plugin";

export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

declare module "fastify" {
  interface FastifyInstance {
    isKnownPath(url: string): boolean; // some GET route matches this path
  }
}

export default fp(
  async (app) => {
    // The same matching rules as the app's router (src/app.ts).
    const router = FindMyWay({ ignoreTrailingSlash: true, maxParamLength: 200 });
    const noop = () => undefined;
    app.addHook("onRoute", (r) => {
      if (![r.method].flat().includes("GET")) return;
      try {
        router.on("GET", r.url, noop);
      } catch {
        // already known (the same pattern registered twice)
      }
    });
    app.decorate("isKnownPath", (url: string) => router.find("GET", url.split("?")[0] ?? "/") !== null);
  },
  { name: "known-paths" },
);
