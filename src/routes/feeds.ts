// Atom feeds of the amendment and change history: everything, one instrument, or the
// instruments that bind one actor.
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { NotFoundError } from "../errors.js";
import { changeHistory, instrumentsBinding, type ChangeEvent } from "../query/change-history.js";
import { atomFeed, type FeedOptions } from "../view-models/atom.js";
import { NO_QUERY } from "../plugins/query-policy.js";

const feedRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const send = (reply: FastifyReply, events: ChangeEvent[], o: Omit<FeedOptions, "updated" | "origin">) => {
    // The feed is as new as its newest event that has happened by the rules' as-of date.
    const updated = events.map((e) => e.date).find((d) => d <= catalog.meta.asOf) ?? catalog.meta.asOf;
    reply.header("cache-control", "public, max-age=300");
    return reply.type("application/atom+xml; charset=utf-8").send(atomFeed(events, { ...o, updated, origin: app.publicOrigin }));
  };

  app.get("/feed.atom", NO_QUERY, async (_req, reply) => send(reply, changeHistory(catalog), { id: "/feed.atom", title: "China Law Explorer: amendments and changes", alternate: "/laws" }));

  app.get<{ Params: { id: string } }>("/laws/:id/feed.atom", NO_QUERY, async (req, reply) => {
    const ins = catalog.instrumentById.get(req.params.id);
    if (!ins) throw new NotFoundError(`There is no instrument "${req.params.id}".`, [{ label: "Every instrument's changes", href: "/feed.atom" }]);
    return send(reply, changeHistory(catalog, new Set([ins.id])), { id: `/laws/${ins.id}/feed.atom`, title: `${ins.data.title.en}: amendments and changes`, alternate: `/laws/${ins.id}` });
  });

  app.get<{ Params: { id: string } }>("/actors/:id/feed.atom", NO_QUERY, async (req, reply) => {
    const actor = catalog.actorById.get(req.params.id);
    if (!actor) throw new NotFoundError(`There is no actor "${req.params.id}".`, [{ label: "Every instrument's changes", href: "/feed.atom" }]);
    return send(reply, changeHistory(catalog, instrumentsBinding(catalog, actor.id)), { id: `/actors/${actor.id}/feed.atom`, title: `Changes to the rules binding a ${actor.data.label.en.toLowerCase()}`, alternate: `/actors/${actor.id}` });
  });
};

export default feedRoutes;
