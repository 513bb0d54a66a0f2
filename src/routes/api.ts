// /api/v1: the JSON API (operations in src/api/operations.ts), its OpenAPI document, and
// /api/docs, the same document rendered as a page. GET only, CORS open, problem+json errors.
import type { FastifyPluginAsync } from "fastify";
import { registerOperations } from "../api/define.js";
import { openApiDocument } from "../api/openapi.js";
import { API_BASE, apiOperations } from "../api/operations.js";
import { apiDocsView } from "../view-models/api-docs.js";
import { NO_QUERY } from "../plugins/query-policy.js";

const apiRoutes: FastifyPluginAsync = async (app) => {
  const ops = apiOperations(app.catalog, app.searchIndex, app.publicOrigin);
  registerOperations(app, ops);
  const document = openApiDocument(ops, app.catalog.meta, app.publicOrigin);
  const documentJson = JSON.stringify(document);

  app.get(`${API_BASE}/openapi.json`, NO_QUERY, async (_req, reply) => {
    reply.header("cache-control", "public, max-age=300");
    return reply.type("application/json; charset=utf-8").send(documentJson);
  });

  const docs = apiDocsView(document, ops);
  app.get("/api/docs", NO_QUERY, async (_req, reply) => reply.viewAsync("pages/api-docs", { title: "JSON API", docs }));
};

export default apiRoutes;
