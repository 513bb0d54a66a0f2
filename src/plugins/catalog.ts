// Decorates the app with the frozen catalog, loaded and validated once at start-up, the official
// texts read beside it (src/texts), and the search index built from both (the site's /search and the API's search share it). Invalid rules
// throw RulesInvalidError here, so the server refuses to start and nothing is served.
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import type { Catalog } from "../domain/catalog.js";
import { loadRules } from "../data/load-rules.js";
import { buildSearchIndex, type SearchIndex } from "../search/search-index.js";
import { NO_TEXTS, type LawTexts } from "../texts/load-law-texts.js";

declare module "fastify" {
  interface FastifyInstance {
    catalog: Catalog;
    searchIndex: SearchIndex;
    lawTexts: LawTexts; // the official texts under LAW_TEXTS_DIR (none when it is not set)
  }
}

export default fp<{ config: Readonly<Config>; catalog?: Catalog; lawTexts?: LawTexts; searchIndex?: SearchIndex }>(
  async (app, { config, catalog, lawTexts = NO_TEXTS, searchIndex }) => {
    const loaded = catalog ?? (await loadRules(config.rulesDir));
    app.decorate("catalog", loaded);
    app.decorate("lawTexts", lawTexts);
    // Given when it came from the start-up snapshot or was built with it (src/startup.ts).
    app.decorate("searchIndex", searchIndex ?? buildSearchIndex(loaded, lawTexts));
  },
  { name: "catalog" },
);
