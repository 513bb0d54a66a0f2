// The API, the bulk data and the feeds are open data: any origin may read them with GET.
import fp from "fastify-plugin";

const OPEN = /^\/(api|data)\/|^\/feed\.atom|\/feed\.atom(\?|$)/;

export default fp(
  async (app) => {
    app.addHook("onRequest", async (req, reply) => {
      if (!OPEN.test(req.url)) return;
      reply.header("access-control-allow-origin", "*").header("access-control-expose-headers", "ETag, Link");
      // A preflight: these headers go with the 204 the error plugin sends for a known path
      // (an unknown one is a 404, preflight or not).
      if (req.method === "OPTIONS") {
        reply.header("access-control-allow-methods", "GET, HEAD, OPTIONS").header("access-control-allow-headers", "Accept, If-None-Match").header("access-control-max-age", "86400");
      }
    });
  },
  { name: "open-data-cors" },
);
