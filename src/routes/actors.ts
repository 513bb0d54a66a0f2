// Who is bound: the actor tree and one actor's register (its duties, inherited from every
// ancestor, with filters and penalty ladders; the register of several roles is src/routes/register.ts).
import type { FastifyPluginAsync } from "fastify";
import { closestMatches } from "../domain/closest-match.js";
import type { Catalog } from "../domain/catalog.js";
import { NotFoundError } from "../errors.js";
import { countObligations } from "../query/actor-obligations.js";
import { buildRegister } from "../query/register.js";
import { carriedMemo } from "../memo/memo-items.js";
import { parseRegisterRequest } from "../query/register-request.js";
import { registerView } from "../view-models/register.js";
import { NO_QUERY } from "../plugins/query-policy.js";

function actorSuggestions(catalog: Catalog, input: string) {
  const byAlias = catalog.actors.filter((a) => [a.id, a.data.label.en, a.data.label.zh ?? "", ...a.data.aliases].some((n) => n.toLowerCase() === input.toLowerCase()));
  const ids = [...new Set([...byAlias.map((a) => a.id), ...closestMatches(input, catalog.actors.map((a) => a.id), 5)])];
  return [...ids.slice(0, 5).map((id) => ({ label: catalog.actorById.get(id)?.data.label.en ?? id, href: `/actors/${id}` })), { label: "All actors", href: "/actors" }];
}

const actorRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  // Counted with the first /actors, not at start-up: every actor against every provision, it took
  // a second of a 10× catalog's start-up.
  let counts: Map<string, number> | undefined;
  const countsOf = () => (counts ??= new Map(catalog.actors.map((a) => [a.id, countObligations(catalog, a.id, catalog.meta.asOf)])));

  app.get("/actors", NO_QUERY, async (_req, reply) => {
    const tree = catalog.actors.map((a) => ({
      id: a.id,
      label: a.data.label,
      depth: a.depth,
      count: countsOf().get(a.id) ?? 0,
      otherParents: a.data.parents.slice(1).map((p) => ({ id: p, label: catalog.actorById.get(p)?.data.label.en ?? p })),
      description: a.data.description,
    }));
    return reply.viewAsync("pages/actors", { title: "Who is bound", tree, asOf: catalog.meta.asOf });
  });

  app.get<{ Params: { id: string } }>("/actors/:id", async (req, reply) => {
    const actor = catalog.actorById.get(req.params.id);
    if (!actor) throw new NotFoundError(`There is no actor "${req.params.id}".`, actorSuggestions(catalog, req.params.id));
    const r = parseRegisterRequest(catalog, req.query, actor.id);
    const memo = carriedMemo(catalog, r.memo);
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
      v: registerView(catalog, buildRegister(catalog, r.actorIds, r.filter), { basePath: `/actors/${actor.id}`, actor: [], answers: {}, filter: r.filter, group: r.group, memo }, undefined, app.publicOrigin),
      memoCarry: memo.join(","),
    });
  });
};

export default actorRoutes;
