// Decorates the app with the frozen catalog, loaded and validated once at start-up. Invalid
// rules throw RulesInvalidError here, so the server refuses to start and nothing is served.
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import type { Catalog } from "../domain/catalog.js";
import { loadRules } from "../data/load-rules.js";

declare module "fastify" {
  interface FastifyInstance {
    catalog: Catalog;
  }
}

export default fp<{ config: Readonly<Config>; catalog?: Catalog }>(
  async (app, { config, catalog }) => {
    app.decorate("catalog", catalog ?? (await loadRules(config.rulesDir)));
  },
  { name: "catalog" },
);
