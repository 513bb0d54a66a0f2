// Per-request compression through @fastify/compress, br or gzip by Accept-Encoding, for what
// the page cache does not handle: static files (CSS, JS, SVG), error pages, other answers.
// Pages and other cacheable text answers arrive here already compressed by the page cache
// (plugins/page-cache.ts), once per URL and coding; @fastify/compress leaves any answer that
// carries a Content-Encoding alone. Register before the routes: it attaches to each route.
import fastifyCompress from "@fastify/compress";
import fp from "fastify-plugin";
import { COMPRESS_THRESHOLD } from "./page-cache.js";

export default fp(
  async (app) => {
    await app.register(fastifyCompress, {
      global: true,
      encodings: ["br", "gzip"], // the same two the page cache produces
      threshold: COMPRESS_THRESHOLD,
    });
  },
  { name: "compression" },
);
