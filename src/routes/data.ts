// Bulk open data: the whole validated catalog, every penalty tier as CSV, and the JSON Schemas
// of the rules files. The two bulk files are built when asked for (2.9 MB of strings the server
// would otherwise hold for its whole life); the page cache keeps them compressed.
import type { FastifyPluginAsync } from "fastify";
import { catalogDocument } from "../data/catalog-document.js";
import { RULES_SCHEMAS, rulesJsonSchema, type RulesSchemaName } from "../data/rules-json-schema.js";
import { NotFoundError } from "../errors.js";
import { penaltyRows } from "../query/penalty-table.js";
import { toCsv } from "../view-models/csv.js";
import { penaltyCsvRows } from "./penalties.js";
import { NO_QUERY } from "../plugins/query-policy.js";

const CACHE = "public, max-age=300";

const dataRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const schemas = new Map(Object.keys(RULES_SCHEMAS).map((name) => [name, JSON.stringify(rulesJsonSchema(name as RulesSchemaName, app.publicOrigin), null, 2)]));

  app.get("/data/rules.json", NO_QUERY, async (_req, reply) => {
    reply.header("cache-control", CACHE).header("content-disposition", `inline; filename="rules-${catalog.meta.dataVersion}.json"`);
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(catalogDocument(catalog)));
  });

  app.get("/data/penalties.csv", NO_QUERY, async (_req, reply) => {
    reply.header("cache-control", CACHE).header("content-disposition", `attachment; filename="penalties-${catalog.meta.dataVersion}.csv"`);
    return reply.type("text/csv; charset=utf-8").send(toCsv(penaltyCsvRows(penaltyRows(catalog), app.publicOrigin)));
  });

  app.get<{ Params: { name: string } }>("/data/:name", NO_QUERY, async (req, reply) => {
    const body = schemas.get(req.params.name);
    if (!body) {
      throw new NotFoundError(`There is no data file "${req.params.name}".`, [
        { label: "The whole catalog (JSON)", href: "/data/rules.json" },
        { label: "Every penalty tier (CSV)", href: "/data/penalties.csv" },
        ...[...schemas.keys()].map((n) => ({ label: `JSON Schema: ${n}`, href: `/data/${n}` })),
      ]);
    }
    reply.header("cache-control", CACHE);
    return reply.type("application/schema+json; charset=utf-8").send(body);
  });
};

export default dataRoutes;
