// buildApp(config): the whole application, registered in order. It never listens: see
// server.ts. Read top to bottom to find where a request goes.
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "./config.js";
import { OneLineRequestLog } from "./request-log.js";
import type { Catalog } from "./domain/catalog.js";
import { buildSearchIndex, type SearchIndex } from "./search/search-index.js";
import { loadForStartup, type StartupNote } from "./startup.js";
import { loadLawTexts, type LawTexts } from "./texts/load-law-texts.js";
import catalogPlugin from "./plugins/catalog.js";
import compression from "./plugins/compression.js";
import errorPages, { sendFrameworkError } from "./plugins/error-pages.js";
import knownPaths from "./plugins/known-paths.js";
import openDataCors from "./plugins/open-data-cors.js";
import pageCache from "./plugins/page-cache.js";
import preRouting, { guardConnections, originForm, RawAnswers } from "./plugins/pre-routing.js";
import queryPolicy from "./plugins/query-policy.js";
import security from "./plugins/security.js";
import staticFiles, { readAssets } from "./plugins/static-files.js";
import views from "./plugins/views.js";
import actorRoutes from "./routes/actors.js";
import apiRoutes from "./routes/api.js";
import citationRoutes from "./routes/citations.js";
import mcpRoutes from "./routes/mcp.js";
import dataRoutes from "./routes/data.js";
import feedRoutes from "./routes/feeds.js";
import homeRoutes from "./routes/home.js";
import lawRoutes from "./routes/laws.js";
import memoRoutes from "./routes/memo.js";
import penaltyRoutes from "./routes/penalties.js";
import provisionRoutes from "./routes/provisions.js";
import registerRoutes from "./routes/register.js";
import searchRoutes from "./routes/search.js";

declare module "fastify" {
  interface FastifyInstance {
    config: Readonly<Config>;
    publicOrigin: string;
    routeList: readonly { method: string; url: string }[]; // every route registered, for tests and tools
  }
}

export interface BuildOptions {
  catalog?: Catalog; // tests pass a catalog built from fixture rules
  lawTexts?: LawTexts; // default: the texts in config.lawTextsDir, if set
  logStream?: { write(line: string): void }; // where log lines go (default standard output): tests read them
}

/** One warning per text file with problems (its first, and how many more): never one per line of a broken file. */
function logTextProblems(app: FastifyInstance, texts: LawTexts): void {
  const byFile = new Map<string, LawTexts["problems"][number][]>();
  for (const p of texts.problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  for (const [file, problems] of byFile) {
    const [p] = problems as [LawTexts["problems"][number]];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? "" : "s"})` : "";
    app.log.warn(`official text ${file}${p.line ? `:${p.line}` : ""}: ${p.message}${more}${p.textShown ? "" : "; this text is not shown (npm run validate lists every problem)"}`);
  }
}

export async function buildApp(config: Readonly<Config>, options: BuildOptions = {}): Promise<FastifyInstance> {
  // Load and validate before Fastify exists: inside a plugin it would race Fastify's 10 s plugin
  // timeout, which a catalog ten times the size on a busy machine exceeds (npm run bench).
  // Without a catalog given, from the start-up snapshot when a good one is there (startup.ts).
  let catalog: Catalog, lawTexts: LawTexts, searchIndex: SearchIndex;
  let notes: StartupNote[] = [];
  if (options.catalog) {
    catalog = options.catalog;
    // The official texts, when LAW_TEXTS_DIR names a folder of them: none is not an error.
    lawTexts = options.lawTexts ?? (await loadLawTexts(config.lawTextsDir, catalog));
    searchIndex = buildSearchIndex(catalog, lawTexts);
  } else {
    ({ catalog, lawTexts, searchIndex, notes } = await loadForStartup(config, { lawTexts: options.lawTexts }));
  }
  const limits = config.http;
  const raw = new RawAnswers(); // answers for requests Node's parser refuses (pre-routing.ts)
  const app: FastifyInstance = Fastify({
    logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    logController: new OneLineRequestLog(), // one line per answer (request-log.ts)
    // Slow or greedy clients (the values and why: HttpLimits in config.ts, and the README).
    connectionTimeout: limits.connectionTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    requestTimeout: limits.requestTimeout,
    // maxRequestsPerSocket is counted in pre-routing.ts, whose 503 is the site's (Node's is bare).
    http: {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      connectionsCheckingInterval: limits.checkInterval,
      maxHeaderSize: limits.maxHeaderSize,
      requireHostHeader: false, // checked in pre-routing.ts, to answer with our page, not a bare 400
    },
    bodyLimit: 1, // no route takes a body but the allow-list's, which set their own (pre-routing.ts)
    // An absolute-form target (GET http://host/path) is routed, linked and cached by its path.
    rewriteUrl: (req) => originForm(req.url ?? "/"),
    clientErrorHandler: (err, socket) => raw.clientError(err, socket),
    // Query strings like ?actor=a&actor=b arrive as arrays; the route schemas normalise them.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    trustProxy: false,
    // A path that cannot be decoded, or a parameter over maxParamLength, never reaches a route:
    // answer it with our error page, not Fastify's bare JSON.
    frameworkErrors: (error, req, reply) => sendFrameworkError(app, error, req, reply),
    // Plugins build indexes as they register; at 10× the catalog on a busy machine the search
    // index alone can take several seconds, so allow more than the default 10 s.
    pluginTimeout: 60_000,
  });

  app.server.maxConnections = limits.maxConnections;
  guardConnections(app.server, limits, raw); // per client: open connections, and silent new ones
  app.server.on("connect", (req, socket) => raw.connect(req, socket));
  // Expect: 100-continue goes to the router without Node's automatic "100 Continue": a request
  // with a body is refused (413) before the client sends it (pre-routing.ts, BODY_PATHS).
  app.server.on("checkContinue", (req, res) => app.server.emit("request", req, res));
  app.addHook("onReady", () => raw.prepare(app));

  for (const note of notes) app.log[note.level](note.message);
  app.decorate("config", config);
  app.decorate("publicOrigin", config.publicOrigin);
  const routeList: { method: string; url: string }[] = [];
  app.decorate("routeList", routeList);
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) routeList.push({ method, url: r.url });
  });

  // Ecosystem plugins, then our own: headers, compression, templates, the rules, errors, the
  // checks before routing, the page cache, then static files (their routes get every hook).
  await app.register(security);
  await app.register(knownPaths); // before any route: it records each as it is added
  await app.register(compression); // before any route: it attaches to each route as it is added
  const assets = readAssets(); // public/, with content-hashed names
  await app.register(views, { config, assets });
  await app.register(catalogPlugin, { config, catalog, lawTexts, searchIndex });
  logTextProblems(app, lawTexts);
  await app.register(errorPages);
  await app.register(preRouting); // one Host, no body: before the page cache can answer
  await app.register(queryPolicy); // before any route: no query parameter is ever ignored
  await app.register(openDataCors);
  await app.register(pageCache, { config });
  await app.register(staticFiles, { assets });

  // Routes, one encapsulated plugin per resource.
  await app.register(homeRoutes);
  await app.register(actorRoutes);
  await app.register(registerRoutes); // /check, /profile and its exports
  await app.register(lawRoutes);
  await app.register(provisionRoutes);
  await app.register(penaltyRoutes);
  await app.register(searchRoutes);
  await app.register(memoRoutes);
  await app.register(apiRoutes);
  await app.register(citationRoutes); // /check-citations and POST /api/v1/citations/check: take a body
  await app.register(mcpRoutes); // POST /mcp: the MCP server over Streamable HTTP
  await app.register(dataRoutes);
  await app.register(feedRoutes);
  return app;
}
