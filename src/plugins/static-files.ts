// Serves public/ under /static/ (stylesheet, script, icons).
import path from "node:path";
import fastifyStatic from "@fastify/static";
import fp from "fastify-plugin";
import { PROJECT_ROOT, type Config } from "../config.js";

export default fp<{ config: Readonly<Config> }>(
  async (app, { config }) => {
    await app.register(fastifyStatic, {
      root: path.join(PROJECT_ROOT, "public"),
      prefix: "/static/",
      maxAge: config.production ? 86_400_000 : 0, // one day in production
      decorateReply: false,
    });
  },
  { name: "static-files" },
);
