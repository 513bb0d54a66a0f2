// The front page: what the explorer covers, the actor picker, the instruments, data as of.
import type { FastifyPluginAsync } from "fastify";
import { countCatalog } from "../domain/catalog-counts.js";
import { KIND_LABELS, STATUS_LABELS } from "../view-models/format.js";

const homeRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  app.get("/", async (_req, reply) => {
    const instruments = catalog.instruments.map((i) => ({
      id: i.id,
      title: i.data.title,
      short: i.data.short.en,
      kind: KIND_LABELS[i.data.kind],
      status: STATUS_LABELS[i.data.status],
      draft: i.data.draft,
      // "current" only where a text is law today: never for a draft, a repealed or a replaced rule.
      versions: i.versions.map((v) => ({ id: v.id, label: v.label, current: v.id === i.currentVersion && !i.data.draft && i.data.status !== "repealed" && i.data.status !== "replaced" })),
    }));
    const actors = catalog.actors.map((a) => ({ id: a.id, label: a.data.label, depth: a.depth }));
    return reply.viewAsync("pages/home", { title: "", instruments, actors, counts: countCatalog(catalog), meta: catalog.meta });
  });
  app.get("/healthz", async () => ({ status: "ok", dataVersion: catalog.meta.dataVersion }));
};

export default homeRoutes;
