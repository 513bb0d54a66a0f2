import type { Catalog } from "./catalog.js";
import { sanctionsOf } from "./penalty-arithmetic.js";

export interface CatalogCounts {
  instruments: number;
  versions: number;
  provisions: number;
  obligations: number;
  tiers: number;
  sanctions: number;
  actors: number;
  terms: number;
}

export function countCatalog(c: Catalog): CatalogCounts {
  return {
    instruments: c.instruments.length,
    versions: c.instruments.reduce((n, i) => n + i.versions.length, 0),
    provisions: c.provisions.length,
    obligations: c.provisions.reduce((n, p) => n + p.data.obligations.length, 0),
    tiers: c.provisions.reduce((n, p) => n + p.data.penalties.length, 0),
    sanctions: c.provisions.reduce((n, p) => n + p.data.penalties.reduce((m, t) => m + sanctionsOf(t).length, 0), 0),
    actors: c.actors.length,
    terms: c.glossary.length,
  };
}
