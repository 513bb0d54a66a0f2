// The only place that reads process.env: environment → Zod → frozen config.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), path.basename(path.dirname(path.dirname(fileURLToPath(import.meta.url)))) === "dist" ? "../.." : "..");

const Env = z.object({
  HOST: z.string().default("127.0.0.1"), // loopback unless told otherwise
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  RULES_DIR: z.string().default(path.join(PROJECT_ROOT, "rules")),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  PUBLIC_ORIGIN: z.string().url().optional(), // used in absolute permalinks and feeds
  LAW_TEXTS_DIR: z.string().min(1).optional(), // a folder of official texts, title(YYYY-MM-DD).md; none: pages link the official source
  // "off": no per-client caps (connections, renders), for a load test whose clients all share one address
  PER_CLIENT_LIMITS: z.enum(["on", "off"]).default("on"),
  // Where the start-up snapshot is kept (src/data/snapshot.ts); "off": none. Default: under
  // node_modules/.cache (git-ignored), except in tests.
  SNAPSHOT_DIR: z.string().min(1).optional(),
});

/**
 * How long a client may take and how many connections it may hold (milliseconds). The site takes
 * no request bodies, so a request is its headers: a slow client is cut off, not waited for.
 */
export interface HttpLimits {
  headersTimeout: number; // request line and headers must arrive within this (Node default 60 s)
  requestTimeout: number; // the whole request, from its first byte (Node default 300 s)
  connectionTimeout: number; // a socket idle this long is closed (Fastify default: never)
  keepAliveTimeout: number; // an idle kept-alive connection is closed after this (Fastify default 72 s)
  maxRequestsPerSocket: number; // the last answer says Connection: close, and a request sent after it gets a 503; clients reconnect (default: unlimited)
  maxConnections: number; // open connections at once; more are refused (default: unlimited)
  maxConnectionsPerClient: number; // open connections from one client address; more are closed at once (0: no cap)
  firstByteTimeout: number; // a new connection that has sent nothing within this is closed
  checkInterval: number; // how often Node checks the two timeouts above (Node default 30 s)
  maxHeaderSize: number; // bytes of request line and headers; more is a 431 (Node default 16 KB)
}

export const HTTP_LIMITS: Readonly<HttpLimits> = Object.freeze({
  headersTimeout: 10_000,
  requestTimeout: 15_000,
  connectionTimeout: 30_000,
  keepAliveTimeout: 10_000,
  maxRequestsPerSocket: 1_000,
  maxConnections: 1_000,
  // A browser opens at most 6 per host; a proxy in front should cap clients itself (README).
  maxConnectionsPerClient: 32,
  firstByteTimeout: 5_000,
  checkInterval: 1_000,
  maxHeaderSize: 16_384,
});

/**
 * How much one request may ask for, where the cost of the answer grows with it (issue 21). Each
 * is a 400 naming the parameter and the limit (problem+json under /api, a tool error on /mcp).
 */
export interface QueryLimits {
  memoItems: number; // articles in one memo (items=…, and the memo a page carries along)
  roles: number; // the register's role set: actor ids given plus the roles questionnaire answers bring
  searchQuery: number; // characters of a search query (q=, the MCP search tool's query)
  citationText: number; // bytes of a text whose citations are checked (the request body limit)
}

export const QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  // A memo is what a lawyer hands over: fifty pinned articles is a long one. Measured in-process
  // (README, Limits on clients): the .docx of 50 articles costs ~0.2 s of CPU, built off the
  // event loop.
  memoItems: 50,
  // rules/questionnaire.yaml brings at most 44 distinct roles with every box ticked (45 with the
  // one answer that needs review), and a real company has a handful; 60 leaves room for picked
  // roles on top. The register's cost grows with its duties, which stop growing well before:
  // 50 roles already list nearly every duty of the catalog.
  roles: 60,
  // A search query longer than a sentence is not a query: 200 characters of Chinese already make
  // ~200 bigrams to look up.
  searchQuery: 200,
  citationText: 64 * 1024,
});

/** Bounds of the page cache (src/plugins/page-cache.ts): bytes are what is stored, mostly brotli. */
export interface PageCacheLimits {
  pages: { maxEntries: number; maxBytes: number };
  large: { maxEntries: number; maxBytes: number }; // answers over largeAnswer bytes, apart
  largeAnswer: number; // uncompressed size from which an answer is "large"
  concurrentMisses: number; // answers rendered (and compressed) at once; more requests wait their turn
  identityBytes?: number; // uncompressed copies of the pages most asked for without compression (default 2 MB)
  perClientRenders?: number; // uncached answers one client address may have rendering or waiting while every slot is busy; more are a 429 (unset: no cap)
}

export const PAGE_CACHE_LIMITS: Readonly<PageCacheLimits> = Object.freeze({
  // Every page of the site (the static export's 1,092 pages and data files) is 4.4 MB as
  // brotli: the budget holds all of them and as many again of filtered lists and searches.
  pages: { maxEntries: 4_000, maxBytes: 8 * 1024 * 1024 },
  large: { maxEntries: 16, maxBytes: 2 * 1024 * 1024 }, // the bulk data, profiles of many roles
  largeAnswer: 256 * 1024,
  // A render is synchronous and its compression runs on libuv's 4 threads: more at once only
  // holds more half-built pages in memory (at 100 connections of unique URLs, ~200 MB more).
  concurrentMisses: 4,
  // Clients that send no Accept-Encoding get the uncompressed body: the most asked-for are kept
  // here rather than decompressed from the brotli for every answer.
  identityBytes: 2 * 1024 * 1024,
  // While the render slots are busy, one client holds or waits for at most two, however many
  // requests it sends: a flood of unique .docx memos or 50-role registers from one address
  // cannot fill the queue everyone waits in (the rest of its requests are a 429, Retry-After 1).
  perClientRenders: 2,
});

export interface Config {
  host: string;
  port: number;
  rulesDir: string;
  production: boolean; // caches compiled templates and rendered pages
  logLevel: string;
  publicOrigin: string;
  http: Readonly<HttpLimits>;
  pageCache: Readonly<PageCacheLimits>;
  publicOriginDefaulted: boolean; // PUBLIC_ORIGIN was unset: links point at http://localhost:PORT
  lawTextsDir?: string; // absolute; undefined: no official texts are shown or checked
  snapshotDir?: string; // absolute; undefined: no start-up snapshot is read or written
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const e = Env.parse(env);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    rulesDir: path.resolve(e.RULES_DIR),
    production: e.NODE_ENV === "production",
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    publicOrigin: e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`,
    http: e.PER_CLIENT_LIMITS === "off" ? { ...HTTP_LIMITS, maxConnectionsPerClient: 0 } : HTTP_LIMITS,
    pageCache: e.PER_CLIENT_LIMITS === "off" ? { ...PAGE_CACHE_LIMITS, perClientRenders: undefined } : PAGE_CACHE_LIMITS,
    publicOriginDefaulted: e.PUBLIC_ORIGIN === undefined,
    ...(e.LAW_TEXTS_DIR ? { lawTextsDir: path.resolve(e.LAW_TEXTS_DIR) } : {}),
    ...snapshotDirOf(e.SNAPSHOT_DIR, e.NODE_ENV, path.resolve(e.RULES_DIR)),
    ...overrides,
  });
}

export const DEFAULT_SNAPSHOT_DIR = path.join(PROJECT_ROOT, "node_modules", ".cache", "china-law-explorer");

/** The snapshot folder: never inside the rules folder (its files are part of the snapshot's key). */
function snapshotDirOf(value: string | undefined, env: string, rulesDir: string): { snapshotDir?: string } {
  if (value === "off" || (value === undefined && env === "test")) return {};
  const dir = path.resolve(value ?? DEFAULT_SNAPSHOT_DIR);
  const inside = path.relative(rulesDir, dir);
  if (inside === "" || (!inside.startsWith("..") && !path.isAbsolute(inside))) throw new Error(`config: SNAPSHOT_DIR=${dir} is inside RULES_DIR; choose a folder outside the rules`);
  return { snapshotDir: dir };
}

/**
 * What a production start-up must shout about. Without PUBLIC_ORIGIN every absolute link the
 * site hands out (permalinks, citations, memo links, JSON-LD, CSV, Atom, API links) points at
 * localhost, which works on the server and nowhere else.
 */
export function productionWarnings(config: Readonly<Config>): string[] {
  if (!config.production || !config.publicOriginDefaulted) return [];
  return [`config: PUBLIC_ORIGIN is not set, so every permalink, citation, memo link, feed, CSV and API link points at ${config.publicOrigin}. Set PUBLIC_ORIGIN to the site's public address, e.g. PUBLIC_ORIGIN=https://law.example.org`];
}
