// /provisions: faceted filtering over every provision, all state in the query string.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { Catalog } from "../domain/catalog.js";
import { permalink } from "../domain/citation.js";
import { Bearer, InstrumentKind, InstrumentStatus, SanctionKind, Theme } from "../domain/rules-schema.js";
import { facetCounts, FACETS, filterProvisions, PROVISION_SORTS, sortProvisions, type FacetName, type ProvisionFilter } from "../query/provision-filter.js";
import { Page, pageOr404, parseQuery, single } from "../query/query-params.js";
import { query } from "../view-models/format.js";
import { PAGE_SIZES, provisionQuerySchema } from "../query/list-queries.js";
import { BEARER_LABELS, KIND_LABELS, SANCTION_LABELS, STATUS_LABELS, THEME_LABELS } from "../view-models/format.js";
import { summariseWorst } from "../view-models/obligation-view.js";
import { tierRef } from "../query/actor-obligations.js";
import { displayVersion } from "../query/versions.js";
import { articleLabel } from "../domain/version-name.js";

export function facetLabel(catalog: Catalog, facet: FacetName, value: string): string {
  switch (facet) {
    case "instrument":
      return catalog.instrumentById.get(value)?.data.short.en ?? value;
    case "actor":
      return catalog.actorById.get(value)?.data.label.en ?? value;
    case "theme":
      return THEME_LABELS[value as Theme] ?? value;
    case "sanction":
      return SANCTION_LABELS[value as SanctionKind] ?? value;
    case "bearer":
      return BEARER_LABELS[value as Bearer] ?? value;
    case "status":
      return STATUS_LABELS[value as InstrumentStatus] ?? value;
    case "kind":
      return KIND_LABELS[value as InstrumentKind] ?? value;
    case "version":
      return value;
  }
}

const provisionRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const Query = provisionQuerySchema(catalog);

  app.get("/provisions", async (req, reply) => {
    const q = parseQuery(Query, req.query);
    const filter: ProvisionFilter = { instrument: q.instrument, actor: q.actor, theme: q.theme, sanction: q.sanction, bearer: q.bearer, version: q.version, status: q.status, kind: q.kind };
    const all = sortProvisions(catalog, filterProvisions(catalog, filter), q.sort);
    const size = q.size as number;
    const counts = facetCounts(catalog, filter);
    const state: Record<string, string | string[] | number> = { ...filter, sort: q.sort === "article" ? "" : q.sort, size: size === 25 ? "" : size };
    const { page, pages } = pageOr404(q.page, all.length, size, (n) => `/provisions${query({ ...state, page: n === 1 ? "" : n })}`);
    const facets = FACETS.map((facet) => ({
      name: facet,
      values: [...counts[facet].entries()]
        .map(([value, count]) => ({ value, count, label: facetLabel(catalog, facet, value), checked: (filter[facet] as string[]).includes(value) }))
        .sort((a, b) => (facet === "version" ? a.value.localeCompare(b.value) : b.count - a.count || a.label.localeCompare(b.label))),
    }));
    const rows = all.slice((page - 1) * size, page * size).map((p) => {
      const ins = catalog.instrumentById.get(p.instrumentId);
      const v = ins ? displayVersion(ins, p) : (p.versionIds.at(-1) as string);
      const n = p.data.numbers[v] as string;
      return {
        key: p.key,
        href: permalink(p.instrumentId, v, n),
        label: ins ? articleLabel(ins, v, n) : `${p.instrumentId} Art. ${n}`,
        heading: p.data.heading.en,
        summary: p.data.summary,
        draft: ins?.data.draft ?? false,
        actors: [...new Set(p.data.obligations.flatMap((o) => o.actors))].map((a) => catalog.actorById.get(a)?.data.label.en ?? a),
        // The card names one text: only its tiers, each figure with the step that brings it.
        worst: summariseWorst(p.data.penalties.map((t) => tierRef(p, t, v)).filter((t) => t.versionIds.length > 0)),
      };
    });
    return reply.viewAsync("pages/provisions", {
      title: "Provisions",
      facets,
      rows,
      total: all.length,
      page,
      pages,
      size,
      sizes: PAGE_SIZES,
      sort: q.sort,
      sorts: PROVISION_SORTS,
      state,
    });
  });
};

export default provisionRoutes;
