// /api/docs: the OpenAPI document as a readable page, rendered on the server (no third-party
// viewer, no requests elsewhere).

/** What the page shows of an API operation (src/api's operations have this shape; no import of the layer above). */
export interface DocumentedOperation {
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  examples?: string[];
}

interface ParamView {
  name: string;
  where: string;
  required: boolean;
  type: string;
  allowed: string[];
  default?: string;
  description?: string;
}

function typeOf(schema: Record<string, unknown> | undefined): { type: string; allowed: string[]; default?: string } {
  if (!schema) return { type: "string", allowed: [] };
  const items = schema.items as Record<string, unknown> | undefined;
  const base = items ?? schema;
  const allowed = Array.isArray(base.enum) ? base.enum.map(String) : [];
  const t = `${String(base.type ?? (allowed.length ? "string" : "any"))}${base.format ? ` (${String(base.format)})` : ""}${base.pattern ? ` matching ${String(base.pattern)}` : ""}`;
  const range = base.minimum !== undefined || base.maximum !== undefined ? `, ${base.minimum ?? "…"}–${base.maximum ?? "…"}` : "";
  return { type: items ? `list of ${t}${range}` : `${t}${range}`, allowed, default: schema.default === undefined ? undefined : String(schema.default) };
}

export function apiDocsView(document: { info: { title: string; description: string; version: string }; paths: Record<string, Record<string, unknown>> }, ops: readonly DocumentedOperation[]) {
  return {
    title: document.info.title,
    description: document.info.description,
    version: document.info.version,
    tags: [...new Set(ops.map((o) => o.tag))].map((tag) => ({
      tag,
      operations: ops
        .filter((o) => o.tag === tag)
        .map((o) => {
          const get = document.paths[o.path]?.get as { parameters: { name: string; in: string; required: boolean; description?: string; schema?: Record<string, unknown> }[]; responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };
          const ref = get.responses["200"]?.content?.["application/json"]?.schema.$ref ?? "";
          return {
            id: o.operationId,
            path: o.path,
            summary: o.summary,
            description: o.description,
            response: ref.split("/").at(-1) ?? "",
            examples: o.examples ?? (o.path.includes("{") ? [] : [o.path]),
            params: get.parameters.map((p): ParamView => ({ name: p.name, where: p.in, required: p.required, description: p.description, ...typeOf(p.schema) })),
          };
        }),
    })),
  };
}
