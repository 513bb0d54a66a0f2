// The API, the bulk data and the feeds are open data: any origin may read them with GET.
import fp from "fastify-plugin";

const OPEN = /^\/(api|data)\/|^\/feed\.atom|\/feed\.atom(\?|$)/;

export default fp(
  async (app) => {
    // Callback style: an async hook costs a promise on every request, cached answers included.
    app.addHook("onRequest", (req, reply, next) => {
      if (!OPEN.test(req.url)) return next();
      reply.header("access-control-allow-origin", "*").header("access-control-expose-headers", "ETag, Link");
      // A preflight: these headers go with the 204 the error plugin sends for a known path
      // (an unknown one is a 404, preflight or not).
      if (req.method === "OPTIONS") {
        reply.header("access-control-allow-methods", "GET, HEAD, OPTIONS").header("access-control-allow-headers", "Accept, If-None-Match").header("access-control-max-age", "86400");
      }
      next();
    });
  },
  { name: "open-data-cors" },
);
