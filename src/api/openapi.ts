// The OpenAPI 3.1 document of /api/v1, generated from the operations and their Zod schemas:
// nothing here is written by hand but prose.
import { z } from "zod";
import type { CatalogMeta } from "../domain/rules-schema.js";
import { parametersOf, type ApiOperation } from "./define.js";
import { citationCheckPathItem } from "./citation-schemas.js";
import { apiRegistry, Problem } from "./schemas.js";

const REF = (id: string) => `#/components/schemas/${id}`;

function clean(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

export function openApiDocument(ops: readonly ApiOperation[], meta: CatalogMeta, origin: string) {
  const components = z.toJSONSchema(apiRegistry, { uri: REF, io: "output", unrepresentable: "any" }).schemas;
  const refOf = (s: z.ZodType) => {
    const id = apiRegistry.get(s)?.id;
    if (!id) throw new Error("every API response schema must be registered in src/api/schemas.ts");
    return { $ref: REF(id) };
  };
  const toSchema = (s: z.ZodType, io: "input" | "output") => clean(z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>);
  const problem = { description: "A problem document", content: { "application/problem+json": { schema: refOf(Problem) } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    paths[op.path] = {
      get: {
        operationId: op.operationId,
        tags: [op.tag],
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        parameters: parametersOf(op, toSchema),
        responses: {
          "200": {
            description: "OK. Carries a strong ETag (send If-None-Match for 304) and Cache-Control.",
            headers: { ETag: { schema: { type: "string" } }, ...(op.query?.shape.page ? { Link: { description: "RFC 8288 links: first, prev, next, last", schema: { type: "string" } } } : {}) },
            content: { "application/json": { schema: refOf(op.response) } },
          },
          "304": { description: "Not modified (If-None-Match matched the ETag)" },
          "400": { ...problem, description: "A query parameter is malformed; the problem names it and, for closed sets, lists the allowed values" },
          "404": { ...problem, description: "No such instrument, version, article or actor" },
        },
      },
    };
  }
  // The one operation that takes a body (issue 26).
  paths["/api/v1/citations/check"] = citationCheckPathItem(refOf, problem);
  return {
    openapi: "3.1.0",
    info: {
      title: `${meta.title} API`,
      version: "1.0.0",
      description: `Read-only JSON over the encoded rules (data version ${meta.dataVersion}, rules as of ${meta.asOf}). Every answer is generated from the validated rules that the website shows. GET only, but for POST /api/v1/citations/check (a text to check, not cached); CORS is open to every origin for GET. Bulk data: /data/rules.json, /data/penalties.csv, /data/rules.schema.json.`,
      license: { name: "Summaries: the project's own words; official texts are linked, not copied" },
    },
    servers: [{ url: origin }],
    tags: [...new Set(ops.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: { schemas: Object.fromEntries(Object.entries(components).map(([k, v]) => [k, clean(v as Record<string, unknown>)])) },
  };
}
