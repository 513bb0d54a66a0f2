// Faceted filtering over every provision: instrument, actor (with its descendants), theme,
// sanction kind, bearer, version, status, kind. Counts beside each facet value are computed
// with every other facet applied, so they say what clicking the value would give.
import { compareArticleNumbers } from "../domain/article-number.js";
import type { Catalog, ProvisionEntry } from "../domain/catalog.js";
import { maxCustodyDays, maxFine, sanctionsOf } from "../domain/penalty-arithmetic.js";
import type { Bearer, InstrumentKind, InstrumentStatus, SanctionKind, Theme } from "../domain/rules-schema.js";

export interface ProvisionFilter {
  instrument: string[];
  actor: string[];
  theme: Theme[];
  sanction: SanctionKind[];
  bearer: Bearer[];
  version: string[];
  status: InstrumentStatus[];
  kind: InstrumentKind[];
}

export type FacetName = keyof ProvisionFilter;
export const FACETS: FacetName[] = ["instrument", "kind", "status", "version", "actor", "theme", "sanction", "bearer"];

export const PROVISION_SORTS = ["article", "max-fine", "max-custody", "instrument"] as const;
export type ProvisionSort = (typeof PROVISION_SORTS)[number];

/** The values a provision has for one facet. */
export function facetValues(catalog: Catalog, p: ProvisionEntry, facet: FacetName): string[] {
  const ins = catalog.instrumentById.get(p.instrumentId);
  switch (facet) {
    case "instrument":
      return [p.instrumentId];
    case "kind":
      return ins ? [ins.data.kind] : [];
    case "status":
      return ins ? [ins.data.status] : [];
    case "version":
      return p.versionIds;
    case "actor":
      return [...new Set(p.data.obligations.flatMap((o) => o.actors))];
    case "theme":
      return [...new Set(p.data.obligations.map((o) => o.theme))];
    case "sanction":
      return [...new Set(p.data.penalties.flatMap((t) => sanctionsOf(t).map((s) => s.kind)))];
    case "bearer":
      return [...new Set(p.data.penalties.flatMap((t) => sanctionsOf(t).map((s) => s.bearer)))];
  }
}

function matches(catalog: Catalog, p: ProvisionEntry, f: ProvisionFilter, skip?: FacetName): boolean {
  for (const facet of FACETS) {
    if (facet === skip) continue;
    const wanted = f[facet] as string[];
    if (wanted.length === 0) continue;
    const have = facetValues(catalog, p, facet);
    if (facet === "actor") {
      // Filtering by an actor includes its descendants: "network operator" finds CII duties.
      const accepted = new Set(wanted.flatMap((a) => [...(catalog.actorById.get(a)?.descendants ?? [])]));
      if (!have.some((a) => accepted.has(a))) return false;
    } else if (!have.some((v) => wanted.includes(v))) return false;
  }
  return true;
}

export function filterProvisions(catalog: Catalog, f: ProvisionFilter): ProvisionEntry[] {
  return catalog.provisions.filter((p) => matches(catalog, p, f));
}

export function facetCounts(catalog: Catalog, f: ProvisionFilter): Record<FacetName, Map<string, number>> {
  const out = {} as Record<FacetName, Map<string, number>>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const p of catalog.provisions) {
      if (!matches(catalog, p, f, facet)) continue;
      const values = facetValues(catalog, p, facet);
      const expanded = facet === "actor" ? [...new Set(values.flatMap((a) => [...(catalog.actorById.get(a)?.lineage.keys() ?? [])]))] : values;
      for (const v of expanded) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    out[facet] = counts;
  }
  return out;
}

function worstFine(p: ProvisionEntry): number {
  let best = -1;
  for (const t of p.data.penalties) for (const s of sanctionsOf(t)) best = Math.max(best, maxFine(s) ?? -1);
  return best;
}

function worstCustody(p: ProvisionEntry): number {
  let best = -1;
  for (const t of p.data.penalties) for (const s of sanctionsOf(t)) best = Math.max(best, maxCustodyDays(s) ?? -1);
  return best;
}

export function sortProvisions(catalog: Catalog, list: ProvisionEntry[], sort: ProvisionSort): ProvisionEntry[] {
  const order = new Map(catalog.instruments.map((ins, i) => [ins.id, i]));
  const byArticle = (a: ProvisionEntry, b: ProvisionEntry) => {
    const ia = order.get(a.instrumentId) ?? 0;
    const ib = order.get(b.instrumentId) ?? 0;
    if (ia !== ib) return ia - ib;
    const ins = catalog.instrumentById.get(a.instrumentId);
    const idx = ins?.provisions ?? [];
    return idx.indexOf(a) - idx.indexOf(b) || compareArticleNumbers(a.data.id.slice(1), b.data.id.slice(1));
  };
  const title = (p: ProvisionEntry) => catalog.instrumentById.get(p.instrumentId)?.data.title.en ?? "";
  const sorted = [...list];
  switch (sort) {
    case "article":
      return sorted.sort(byArticle);
    case "instrument":
      return sorted.sort((a, b) => title(a).localeCompare(title(b)) || byArticle(a, b));
    case "max-fine":
      return sorted.sort((a, b) => descending(worstFine(a), worstFine(b)) || byArticle(a, b));
    case "max-custody":
      return sorted.sort((a, b) => descending(worstCustody(a), worstCustody(b)) || byArticle(a, b));
  }
}

/** Larger first; safe with Infinity (uncapped fines, life imprisonment), unlike b - a. */
export function descending(a: number, b: number): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
