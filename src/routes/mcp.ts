// /mcp: the MCP server (src/mcp/server.ts) over Streamable HTTP, stateless: each POST carries
// one JSON-RPC message or batch and gets its answer as JSON (no session, no server-sent stream,
// so GET and DELETE are not served). A body is taken here only because /mcp is on the
// allow-list of src/plugins/pre-routing.ts (64 KB, the same time limits as every request). A
// browser's cross-origin request (an Origin header other than the site's own) is refused.
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { createMcpServer } from "../mcp/server.js";
import { BODY_LIMIT } from "../plugins/pre-routing.js";
import { NO_QUERY } from "../plugins/query-policy.js";
import { setSecurityHeaders } from "../plugins/security.js";
import { coverageOf } from "../citations/check-citations.js";

function rpcError(reply: FastifyReply, status: number, code: number, message: string): FastifyReply {
  return reply.code(status).header("cache-control", "no-store").type("application/json; charset=utf-8").send(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}

const mcpRoutes: FastifyPluginAsync = async (app) => {
  // The raw text: a body that is not JSON gets a JSON-RPC parse error, not the site's 400 page.
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
  const deps = { catalog: app.catalog, searchIndex: app.searchIndex, lawTexts: app.lawTexts, origin: app.publicOrigin };
  const ownOrigin = new URL(app.publicOrigin).origin;

  // /llms.txt: the site and its machine interfaces, described for language models.
  const llms = [
    `# ${app.catalog.meta.title}`,
    "",
    `> Chinese internet, security, data and civil-society law as structured rules: who is bound, what they must do, and the penalty ladder of each duty, every figure read from the official text. ${coverageOf(app.catalog)} Data version ${app.catalog.meta.dataVersion}.`,
    "",
    "Cite an article with its text: \"CSL Art. 39 (2026)\"; the Cybersecurity Law was renumbered on 1 January 2026.",
    "",
    "## Interfaces",
    `- [MCP server](${app.publicOrigin}/mcp): Streamable HTTP, POST JSON-RPC; tools search, get_article, check_citations, obligations, applicable_penalty, compare_penalties (read-only)`,
    `- [JSON API](${app.publicOrigin}/api/v1): read-only; [OpenAPI document](${app.publicOrigin}/api/v1/openapi.json)`,
    `- [Citation check](${app.publicOrigin}/check-citations): POST /api/v1/citations/check with {"text", "at"} checks every citation and figure of a text`,
    `- [All rules as JSON](${app.publicOrigin}/data/rules.json), [every penalty tier as CSV](${app.publicOrigin}/data/penalties.csv)`,
    "",
    "## Pages",
    `- [Laws](${app.publicOrigin}/laws): instruments, texts and articles with version-pinned permalinks /laws/<id>/<version>/art-<n>`,
    `- [Penalties](${app.publicOrigin}/penalties): every sanction, comparable across laws`,
    `- [Search](${app.publicOrigin}/search?q=CSL+37): English, Chinese and citations`,
    "",
  ].join("\n");
  app.get("/llms.txt", NO_QUERY, async (_req, reply) => reply.header("cache-control", "public, max-age=300").type("text/plain; charset=utf-8").send(llms));

  app.post("/mcp", { bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== ownOrigin) return rpcError(reply, 403, -32600, `Cross-origin requests to /mcp are refused (Origin ${origin.slice(0, 100)} is not ${ownOrigin}).`);
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) return rpcError(reply, 415, -32700, "Parse error: /mcp takes a JSON-RPC message sent as application/json.");
    let message: unknown;
    try {
      message = JSON.parse(req.body as string);
    } catch {
      return rpcError(reply, 400, -32700, "Parse error: the body is not valid JSON.");
    }
    const server = createMcpServer(deps);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack(); // the SDK writes the answer: the site's headers are set here, as no hook will
    setSecurityHeaders(reply.raw);
    reply.raw.setHeader("cache-control", "no-store");
    reply.raw.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req.raw, reply.raw, message);
  });
};

export default mcpRoutes;
