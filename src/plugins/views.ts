// Eta templates through @fastify/view. Templates print escaped (<%= %>); raw output only for
// it.body and include(). Compiled templates are cached in production only (pass the flag
// from config: without it a page renders several times slower).
import path from "node:path";
import fastifyView from "@fastify/view";
import { Eta } from "eta";
import fp from "fastify-plugin";
import { PROJECT_ROOT, type Config } from "../config.js";
import * as format from "../view-models/format.js";

export const VIEWS_DIR = path.join(PROJECT_ROOT, "views");

export default fp<{ config: Readonly<Config> }>(
  async (app, { config }) => {
    const eta = new Eta({
      views: VIEWS_DIR,
      cache: config.production, // default false: recompile on every render while developing
      autoEscape: true, // default true; stated because everything depends on it
      autoTrim: [false, "nl"],
    });
    await app.register(fastifyView, {
      engine: { eta },
      root: VIEWS_DIR,
      production: config.production,
      defaultContext: { f: format, site: { title: "China Law Explorer" } },
    });
  },
  { name: "views" },
);
