// Decorates the app with the frozen catalog, loaded and validated once at start-up, and the
// search index built from it (the site's /search and the API's search share it). Invalid rules
// throw RulesInvalidError here, so the server refuses to start and nothing is served.
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import type { Catalog } from "../domain/catalog.js";
import { loadRules } from "../data/load-rules.js";
import { buildSearchIndex, type SearchIndex } from "../search/search-index.js";

declare module "fastify" {
  interface FastifyInstance {
    catalog: Catalog;
    searchIndex: SearchIndex;
  }
}

export default fp<{ config: Readonly<Config>; catalog?: Catalog }>(
  async (app, { config, catalog }) => {
    const loaded = catalog ?? (await loadRules(config.rulesDir));
    app.decorate("catalog", loaded);
    app.decorate("searchIndex", buildSearchIndex(loaded));
  },
  { name: "catalog" },
);
