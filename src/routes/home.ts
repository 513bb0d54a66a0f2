// The front page: what the explorer covers, the company questionnaire and the actor picker, the instruments, data as of.
import type { FastifyPluginAsync } from "fastify";
import { countCatalog } from "../domain/catalog-counts.js";
import { instrumentLabels } from "../view-models/instrument-view.js";
import { isCurrentText } from "../query/versions.js";
import { questionnaireView } from "../view-models/questionnaire-view.js";
import { NO_QUERY } from "../plugins/query-policy.js";
import { versionName } from "../domain/version-name.js";

const homeRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const questionnaire = questionnaireView(catalog, {}, undefined);
  app.get("/", NO_QUERY, async (_req, reply) => {
    const instruments = catalog.instruments.map((i) => ({
      ...instrumentLabels(i),
      versions: i.versions.map((v) => ({ id: v.id, label: versionName(i, v.id), current: isCurrentText(i, v.id, catalog.meta.asOf) })),
    }));
    const actors = catalog.actors.map((a) => ({ id: a.id, label: a.data.label, depth: a.depth }));
    return reply.viewAsync("pages/home", { title: "", instruments, actors, counts: countCatalog(catalog), meta: catalog.meta, questionnaire });
  });
  app.get("/healthz", NO_QUERY, async () => ({ status: "ok", dataVersion: catalog.meta.dataVersion }));
};

export default homeRoutes;
