// /mcp: the MCP server (src/mcp/server.ts) over Streamable HTTP, stateless: each POST carries
// one JSON-RPC message or batch and gets its answer as JSON (no session, no server-sent stream,
// so GET and DELETE are not served). A body is taken here only because /mcp is on the
// allow-list of src/plugins/pre-routing.ts (64 KB, the same time limits as every request). A
// browser's cross-origin request (an Origin header other than the site's own) is refused.
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { createMcpServer } from "../mcp/server.js";
import { BODY_LIMIT } from "../plugins/pre-routing.js";

function rpcError(reply: FastifyReply, status: number, code: number, message: string): FastifyReply {
  return reply.code(status).header("cache-control", "no-store").type("application/json; charset=utf-8").send(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}

const mcpRoutes: FastifyPluginAsync = async (app) => {
  // The raw text: a body that is not JSON gets a JSON-RPC parse error, not the site's 400 page.
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
  const deps = { catalog: app.catalog, searchIndex: app.searchIndex, lawTexts: app.lawTexts, origin: app.publicOrigin };
  const ownOrigin = new URL(app.publicOrigin).origin;

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
    reply.hijack();
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
