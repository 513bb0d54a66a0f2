// Who is bound: the actor tree, one actor's duties (inherited from every ancestor), and the
// company profile (several actor types at once, deduplicated).
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { closestMatches } from "../domain/closest-match.js";
import type { Catalog } from "../domain/catalog.js";
import { NotFoundError } from "../errors.js";
import { countObligations, obligationsForActors } from "../query/actor-obligations.js";
import { DateParam, listOf, parseQuery, single } from "../query/query-params.js";
import { THEME_LABELS } from "../view-models/format.js";
import { obligationView, type ObligationView } from "../view-models/obligation-view.js";
import { NO_QUERY } from "../plugins/query-policy.js";

export interface ObligationGroup {
  id: string;
  title: string;
  href?: string;
  items: ObligationView[];
}

export function groupObligations(catalog: Catalog, items: ObligationView[], by: "instrument" | "theme"): ObligationGroup[] {
  const groups = new Map<string, ObligationGroup>();
  for (const item of items) {
    const id = by === "instrument" ? item.instrumentId : item.themeId;
    if (!groups.has(id)) {
      const ins = catalog.instrumentById.get(item.instrumentId);
      groups.set(id, by === "instrument" ? { id, title: `${item.instrumentTitle}${ins?.data.draft ? " (draft)" : ""}`, href: `/laws/${id}`, items: [] } : { id, title: THEME_LABELS[item.themeId as keyof typeof THEME_LABELS], items: [] });
    }
    groups.get(id)?.items.push(item);
  }
  const list = [...groups.values()];
  if (by === "theme") list.sort((a, b) => a.title.localeCompare(b.title));
  return list;
}

function actorSuggestions(catalog: Catalog, input: string) {
  const byAlias = catalog.actors.filter((a) => [a.id, a.data.label.en, a.data.label.zh ?? "", ...a.data.aliases].some((n) => n.toLowerCase() === input.toLowerCase()));
  const ids = [...new Set([...byAlias.map((a) => a.id), ...closestMatches(input, catalog.actors.map((a) => a.id), 5)])];
  return [...ids.slice(0, 5).map((id) => ({ label: catalog.actorById.get(id)?.data.label.en ?? id, href: `/actors/${id}` })), { label: "All actors", href: "/actors" }];
}

/** The duties of one or several actors at a date, grouped, and what the page needs to say so. */
function dutyList(catalog: Catalog, actorIds: readonly string[], q: { group: "instrument" | "theme"; at?: string; include: "binding" | "all" }) {
  const date = q.at ?? catalog.meta.asOf;
  const items = actorIds.length ? obligationsForActors(catalog, actorIds, date, { includeNonBinding: q.include === "all" }).map((b) => obligationView(catalog, b, date)) : [];
  return { groups: groupObligations(catalog, items, q.group), count: items.length, group: q.group, at: q.at, date, asOf: catalog.meta.asOf, include: q.include };
}

const actorRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const actorIds = catalog.actors.map((a) => a.id) as [string, ...string[]];
  const GroupBy = z.enum(["instrument", "theme"]);
  const PageQuery = z.object({
    group: single(GroupBy.default("instrument")),
    at: single(DateParam.optional()),
    include: single(z.enum(["binding", "all"]).default("binding")), // "all": drafts and superseded rules too
  });
  const ProfileQuery = PageQuery.extend({ actor: listOf(z.enum(actorIds)) });
  const counts = new Map(catalog.actors.map((a) => [a.id, countObligations(catalog, a.id, catalog.meta.asOf)]));

  app.get("/actors", NO_QUERY, async (_req, reply) => {
    const tree = catalog.actors.map((a) => ({
      id: a.id,
      label: a.data.label,
      depth: a.depth,
      count: counts.get(a.id) ?? 0,
      otherParents: a.data.parents.slice(1).map((p) => ({ id: p, label: catalog.actorById.get(p)?.data.label.en ?? p })),
      description: a.data.description,
    }));
    return reply.viewAsync("pages/actors", { title: "Who is bound", tree, asOf: catalog.meta.asOf });
  });

  app.get<{ Params: { id: string } }>("/actors/:id", async (req, reply) => {
    const actor = catalog.actorById.get(req.params.id);
    if (!actor) throw new NotFoundError(`There is no actor "${req.params.id}".`, actorSuggestions(catalog, req.params.id));
    const q = parseQuery(PageQuery, req.query);
    const ancestors = [...actor.lineage.keys()].slice(1).map((id) => ({ id, label: catalog.actorById.get(id)?.data.label.en ?? id }));
    // The breadcrumb follows first parents only, so it reads as one chain from the root.
    const crumbs: { id: string; label: string }[] = [];
    for (let p = actor.data.parents[0]; p; p = catalog.actorById.get(p)?.data.parents[0]) crumbs.unshift({ id: p, label: catalog.actorById.get(p)?.data.label.en ?? p });
    const children = actor.children.map((id) => ({ id, label: catalog.actorById.get(id)?.data.label.en ?? id }));
    return reply.viewAsync("pages/actor", {
      title: actor.data.label.en,
      actor: actor.data,
      ancestors,
      crumbs,
      children,
      ...dutyList(catalog, [actor.id], q),
      basePath: `/actors/${actor.id}`,
      baseQuery: { include: q.include === "all" ? "all" : "" },
    });
  });

  app.get("/profile", async (req, reply) => {
    const q = parseQuery(ProfileQuery, req.query);
    const options = catalog.actors.map((a) => ({ id: a.id, label: a.data.label, depth: a.depth, checked: q.actor.includes(a.id) }));
    return reply.viewAsync("pages/profile", {
      title: "Company profile",
      options,
      selected: q.actor.map((id) => ({ id, label: catalog.actorById.get(id)?.data.label.en ?? id })),
      ...dutyList(catalog, q.actor, q),
      basePath: "/profile",
      baseQuery: { actor: q.actor, include: q.include === "all" ? "all" : "" },
    });
  });
};

export default actorRoutes;
