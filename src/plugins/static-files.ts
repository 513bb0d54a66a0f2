// Serves public/ under /static/ (stylesheet, script, icons).
import path from "node:path";
import fastifyStatic from "@fastify/static";
import fp from "fastify-plugin";
import { PROJECT_ROOT, type Config } from "../config.js";

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default fp<{ config: Readonly<Config> }>(
  async (app, { config }) => {
    await app.register(fastifyStatic, {
      root: path.join(PROJECT_ROOT, "public"),
      prefix: "/static/",
      maxAge: config.production ? 86_400_000 : 0, // one day in production
      decorateReply: false,
      // A path that climbs out of public/ ("..", however encoded) names no file here: 404 like
      // any other missing file, rather than the 403 the file server would send.
      allowedPath: (pathname) => !safeDecode(pathname).split(/[\\/]/).includes(".."),
    });
  },
  { name: "static-files" },
);
