// The MCP server through the SDK's own client, over Streamable HTTP (/mcp on the app) and over
// stdio (npm run mcp), on the real rules; and bad input on /mcp.
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, FIXTURE_TEXTS, REAL_RULES } from "../helpers/test-app.js";
import { assertMemoReport, MEMO } from "../helpers/citation-memo.js";

const TOOLS = ["applicable_penalty", "check_citations", "compare_penalties", "get_article", "obligations", "search"];
const CALLS: [string, Record<string, unknown>][] = [
  ["search", { query: "data localisation" }],
  ["get_article", { instrument: "CSL", article: "37", version: "2017-06-01" }],
  ["check_citations", { text: "PIPL Art. 66: up to 5% of turnover." }],
  ["obligations", { actors: ["cii-operator"] }],
  ["applicable_penalty", { instrument: "cybersecurity-law", article: "59", version: "2017-06-01", act: "2025-06-01", decided: "2026-03-01" }],
  ["compare_penalties", { articles: [{ instrument: "CSL", article: "59", version: "2017-06-01" }, { instrument: "PIPL", article: "66" }] }],
];

type ToolAnswer = { structuredContent?: Record<string, unknown>; isError?: boolean; content: { type: string; text?: string }[] };

async function exercise(client: Client) {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
  for (const t of tools) expect(t.annotations?.readOnlyHint, t.name).toBe(true);
  for (const [name, args] of CALLS) {
    const r = (await client.callTool({ name, arguments: args })) as ToolAnswer;
    expect(r.isError, name).toBeFalsy();
    expect(r.structuredContent, name).toMatchObject({ dataVersion: expect.any(String), asAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), coverage: expect.any(String), found: true });
  }
}

describe("MCP over Streamable HTTP at /mcp", () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    app = await buildTestApp({}, REAL_RULES);
    url = `${await app.listen({ port: 0, host: "127.0.0.1" })}/mcp`;
  });
  afterAll(async () => app?.close());

  const client = async () => {
    const c = new Client({ name: "test", version: "1" });
    await c.connect(new StreamableHTTPClientTransport(new URL(url)));
    return c;
  };

  it("lists the read-only tools and answers each with the data version, date and coverage", async () => {
    const c = await client();
    await exercise(c);
    await c.close();
  });

  it("answers which text applies as the API does, following the conduct of a deleted article", async () => {
    const c = await client();
    const r = (await c.callTool({ name: "applicable_penalty", arguments: { instrument: "CSL", article: "66", version: "2017-06-01", act: "2025-06-01", decided: "2026-03-01" } })) as ToolAnswer;
    const result = (r.structuredContent as { result: { outcome: string; reasons: string[] } }).result;
    const api = (await app.inject({ url: "/api/v1/provisions/cybersecurity-law/2017-06-01/art-66/applicable-penalty?act=2025-06-01&decided=2026-03-01" })).json();
    expect(result.outcome).toBe("cannot-tell");
    expect(result.reasons).toEqual(api.reasons);
    expect(result.reasons.join(" ")).toMatch(/CSL Art\. 71 \(2026\)/);
    await c.close();
  });

  it("check_citations gives the memo the same statuses as the page and the API", async () => {
    const c = await client();
    const r = (await c.callTool({ name: "check_citations", arguments: { text: MEMO } })) as ToolAnswer;
    assertMemoReport(r.structuredContent as never);
    await c.close();
  });

  it("pages a long register: obligations answers a limit of rows with the total and the next offset", async () => {
    const c = await client();
    const r = (await c.callTool({ name: "obligations", arguments: { answers: { service: "instant-messaging", cii: "yes" }, limit: 5 } })) as ToolAnswer;
    const body = r.structuredContent as { total: number; count: number; nextOffset?: number; rows: { article: string; ladder: unknown[] }[] };
    expect(body.count).toBe(5);
    expect(body.total).toBeGreaterThan(5);
    expect(body.nextOffset).toBe(5);
    expect(body.rows[0]?.article).toMatch(/Art\. \d/);
    await c.close();
  });

  it("answers found: false with the closest matches for an article the data does not hold", async () => {
    const c = await client();
    const r = (await c.callTool({ name: "get_article", arguments: { instrument: "CSL", article: "90" } })) as ToolAnswer;
    expect(r.structuredContent).toMatchObject({ found: false });
    const ins = (await c.callTool({ name: "get_article", arguments: { instrument: "Cybersecurty Law", article: "1" } })) as ToolAnswer;
    expect(ins.structuredContent).toMatchObject({ found: false });
    await c.close();
  });

  it("names an unknown tool and arguments that fail the schema", async () => {
    const c = await client();
    const unknown = (await c.callTool({ name: "delete_law", arguments: {} }).catch((e: Error) => ({ isError: true, content: [{ type: "text", text: e.message }] }))) as ToolAnswer;
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toContain("delete_law");
    const bad = (await c.callTool({ name: "applicable_penalty", arguments: { instrument: "CSL", article: "59", act: "yesterday" } }).catch((e: Error) => ({ isError: true, content: [{ type: "text", text: e.message }] }))) as ToolAnswer;
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain("act");
    await c.close();
  });

  it("answers a malformed message with a JSON-RPC error, and refuses other origins and bodies over 64 KB", async () => {
    const post = (body: string, headers: Record<string, string> = {}) => app.inject({ method: "POST", url: "/mcp", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }, payload: body });
    const parse = await post("{not json");
    expect(JSON.parse(parse.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32700 } });
    const invalid = await post(JSON.stringify({ hello: "world" }));
    expect(JSON.parse(invalid.body)).toMatchObject({ jsonrpc: "2.0", error: { code: expect.any(Number) } });
    const ok = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }));
    expect(ok.headers["content-security-policy"]).toBeDefined();
    expect(ok.headers["cache-control"]).toBe("no-store");
    const cross = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }), { origin: "https://evil.example" });
    expect(cross.statusCode).toBe(403);
    const big = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { pad: "x".repeat(70_000) } }));
    expect(big.statusCode).toBe(413);
  });
});

describe("/llms.txt", () => {
  it("describes the site, the API and the MCP server for language models", async () => {
    const app = await buildTestApp({}, REAL_RULES);
    const res = await app.inject({ method: "GET", url: "/llms.txt" });
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    for (const s of ["/mcp", "/api/v1/openapi.json", "check_citations", "/check-citations"]) expect(res.body).toContain(s);
    await app.close();
  });
});

describe("MCP over stdio (npm run mcp)", () => {
  it("lists the tools and answers each, and get_article carries the official text when LAW_TEXTS_DIR is set", async () => {
    const root = path.resolve(REAL_RULES, "..");
    // The real rules with the short 2016 text written for the tests: its hash recorded in place of
    // the official file's, so that the server shows it as that version's text.
    const texts = FIXTURE_TEXTS;
    const rules = await mkdtemp(path.join(tmpdir(), "mcp-rules-"));
    await cp(REAL_RULES, rules, { recursive: true });
    const hash = createHash("sha256").update(await readFile(path.join(texts, "网络安全法(2016-11-07).md"))).digest("hex");
    const csl = path.join(rules, "cybersecurity-law.yaml");
    await writeFile(csl, (await readFile(csl, "utf8")).replace(/(date: 2016-11-07, sha256: )[0-9a-f]{64}/, `$1${hash}`));
    // The command the README gives: npm's --silent keeps its banner off standard output, the protocol's channel.
    const transport = new StdioClientTransport({ command: "npm", args: ["run", "--silent", "mcp"], cwd: root, env: { ...process.env, RULES_DIR: rules, LAW_TEXTS_DIR: texts } as Record<string, string>, stderr: "pipe" });
    const errors: Error[] = [];
    transport.onerror = (e) => errors.push(e);
    const c = new Client({ name: "test", version: "1" });
    await c.connect(transport);
    await exercise(c);
    const r = (await c.callTool({ name: "get_article", arguments: { instrument: "网络安全法", article: "37", version: "2017-06-01" } })) as ToolAnswer;
    const official = (r.structuredContent as { officialText: { paragraphs: { text: string }[] } | null }).officialText;
    expect(official?.paragraphs[0]?.text).toMatch(/关键信息基础设施的运营者/);
    await c.close();
    expect(errors).toEqual([]); // nothing but protocol messages on standard output
  }, 60_000);
});
