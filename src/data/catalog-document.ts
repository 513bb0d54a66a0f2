// The whole validated catalog as one JSON document: `npm run catalog` and /data/rules.json.
import type { Catalog } from "../domain/catalog.js";
import { countCatalog } from "../domain/catalog-counts.js";

export function catalogDocument(c: Catalog) {
  return {
    dataVersion: c.meta.dataVersion,
    asOf: c.meta.asOf,
    title: c.meta.title,
    counts: countCatalog(c),
    instruments: c.instruments.map((i) => {
      const { provisions, ...rest } = i.data;
      return {
        ...rest,
        currentVersion: i.currentVersion,
        provisions: i.provisions.map((p) => ({
          key: p.key,
          ...p.data,
          versions: p.versionIds,
          enforces: p.enforces,
          enforcedBy: p.enforcedBy,
          related: p.related,
        })),
      };
    }),
    actors: c.actors.map((a) => ({ ...a.data, children: a.children, ancestors: [...a.lineage.keys()].slice(1) })),
    glossary: c.glossary,
  };
}
