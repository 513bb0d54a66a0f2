// Eta templates through @fastify/view. Templates print escaped (<%= %>); raw output only for
// it.body and include(). Compiled templates are cached in production only (pass the flag
// from config: without it a page renders several times slower).
import path from "node:path";
import fastifyView from "@fastify/view";
import { Eta } from "eta";
import fp from "fastify-plugin";
import { PROJECT_ROOT, type Config } from "../config.js";
import * as format from "../view-models/format.js";
import { assetHref, type Asset } from "./static-files.js";

export const VIEWS_DIR = path.join(PROJECT_ROOT, "views");

export default fp<{ config: Readonly<Config>; assets: ReadonlyMap<string, Asset> }>(
  async (app, { config, assets }) => {
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
      // it.asset("style.css"): the content-hashed address of a file in public/ (static-files.ts).
      defaultContext: { f: format, site: { title: "China Law Explorer" }, asset: (name: string) => assetHref(assets, name) },
    });
  },
  { name: "views" },
);
