// The HTTP load bench (issue 8), called from bench/run.ts. It runs the production server as
// it ships, `NODE_ENV=production node dist/src/server.js` (compiled first), as a child process
// on 127.0.0.1, and drives it with autocannon from this process:
//
//   - start-up: spawn → first 200 from /healthz (Node boot, imports, load, validate, index);
//   - per target: the first answer on the fresh server (cold: render + compress), then a warm-up
//     and a timed run at CONNECTIONS connections;
//   - baselines in another child (bench/baseline-server.ts): a bare Fastify hello world, and each
//     target's exact bytes and headers served from a Map by one bare route;
//   - resident memory of the server process from /proc/<pid>/status after the runs;
//   - the same again on a synthetic catalog ten times the size (every instrument copied 9 times).
//
// Every request asks for "br, gzip", as browsers do. The machine has 2 cores: the server,
// autocannon and anything else running share them, so absolute numbers are noisy; the ratio
// to the baseline, measured right after, is the steadier figure.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { HTTP_LIMITS } from "../src/config.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The JSON API target: one filtered list of provisions (a 404 would be skipped with a note). */
export const API_TARGET = "/api/v1/provisions?instrument=cybersecurity-law";

export const PAGE_TARGETS = [
  "/",
  "/actors/cii-operator",
  "/laws/cybersecurity-law/2017-06-01/art-37",
  "/provisions?instrument=cybersecurity-law&sanction=fine",
  "/penalties",
  "/search?q=real+name",
];

export interface LoadSettings {
  connections: number;
  duration: number; // seconds per timed run
  warmup: number; // seconds per warm-up run, not counted
  rounds: number; // the timed seconds are split into this many alternating runs
}

export const DEFAULT_SETTINGS: LoadSettings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  duration: Number(process.env.BENCH_DURATION ?? 5),
  warmup: Number(process.env.BENCH_WARMUP ?? 1),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
};

export const ACCEPT: Record<string, string> = { "accept-encoding": "br, gzip" };
/** A client that sends no Accept-Encoding: it gets the uncompressed body (identity). */
export const IDENTITY: Record<string, string> = {};

// How the start script runs the server: its environment (NODE_ENV=production MALLOC_ARENA_MAX=2)
// and its Node flags (--max-semi-space-size=4 …). The bench runs it the same way.
const START = /((?:\b[A-Z_]+=\S+ )*)node((?: --[\w-]+(?:=\S+)?)*) dist\/src\/server\.js/.exec((JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start ?? "");
if (!START) throw new Error("bench: the start script in package.json does not run `node … dist/src/server.js`");
const START_FLAGS = START[2]?.trim() ?? "";
export const START_ENV: Record<string, string> = Object.fromEntries((START[1] ?? "").trim().split(/\s+/).filter(Boolean).map((kv) => kv.split("=", 2) as [string, string]));

export interface RunResult {
  rps: number;
  p50: number;
  p99: number;
  bad: number; // non-2xx answers and errors
  cpuUs: number; // server CPU time (user + system) per answer, microseconds: steadier than req/s on a shared machine
}

export interface TargetResult {
  url: string;
  status: number;
  bytes: number; // body as sent (compressed)
  encoding: string;
  coldMs: number;
  app?: RunResult;
  baseline?: RunResult;
  note?: string;
}

export const MIN_CHURN_URLS = Number(process.env.BENCH_CHURN_URLS ?? 20_000);

/** The churn scenario: unique URLs, as an adversary or a crawler with random parameters sends them. */
export interface ChurnResult {
  seconds: number;
  connections: number;
  timedUrls: number; // distinct URLs sent in the timed run
  urls: number; // distinct URLs sent in all (the timed run, then on to MIN_CHURN_URLS): RSS is after these
  rps: number;
  p99: number;
  statuses: Record<string, number>; // 2xx, 3xx, 4xx, 5xx
  rssBefore: number;
  rssAfter: number;
  peakAfter: number;
  popular: { url: string; beforeMs: number; afterMs: number }[]; // one request each, before and after
}

export interface ScaleResult {
  label: string;
  rssStartMb: number; // just after start-up, before any page
  churn?: ChurnResult;
  provisions?: number;
  startupMs: number; // this run's spawn → ready
  startup: StartupResult;
  rssMb: number;
  peakRssMb: number;
  hello?: RunResult;
  targets: TargetResult[];
  identity?: IdentityResult[]; // br against no Accept-Encoding, on the same server
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

export function rawGet(port: number, url: string, headers: Record<string, string> = ACCEPT): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get({ host: "127.0.0.1", port, path: url, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** VmRSS and VmHWM (peak) of a process in MB, from /proc (Linux). */
export function processMemory(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from 3 (state) on
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime (14), stime (15)
  } catch {
    return NaN;
  }
}

/** Compiles src/ to dist/ (npm run build) so the bench runs the JavaScript that ships. */
export function buildDist(): void {
  const tsc = path.join(ROOT, "node_modules", ".bin", "tsc");
  const r = spawnSync(tsc, ["-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("bench: npm run build failed");
}

export interface Server {
  child: ChildProcess;
  port: number;
  startupMs: number;
  stop(): Promise<void>;
}

/**
 * `perClientLimits: true` runs the server with its per-client caps (connections and renders per
 * address), as it ships: the attack scenarios (bench/attacks.ts) test them. The load runs turn
 * them off, as behind a proxy, since all their connections come from 127.0.0.1. `snapshotDir`:
 * the start-up snapshot's folder, "off" for none (default: the server's default).
 */
export async function startApp(rulesDir: string | undefined, opts: { perClientLimits?: boolean; snapshotDir?: string } = {}): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  // The server runs with the Node flags `npm start` gives it (package.json), unless overridden.
  const nodeArgs = (process.env.BENCH_NODE_FLAGS ?? START_FLAGS).split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "dist/src/server.js")], {
    cwd: ROOT,
    // Every load connection comes from 127.0.0.1: per-client caps would turn the load into 429s.
    env: { ...process.env, ...START_ENV, NODE_ENV: "production", PER_CLIENT_LIMITS: opts.perClientLimits ? "on" : "off", HOST: "127.0.0.1", PORT: String(port), ...(rulesDir ? { RULES_DIR: rulesDir } : {}), ...(opts.snapshotDir ? { SNAPSHOT_DIR: opts.snapshotDir } : {}), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info" },
    stdio: ["ignore", "ignore", "pipe"], // request logs go to /dev/null, as cheap as a log shipper's pipe
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`bench: the server exited during start-up:\n${stderr}`);
    try {
      const r = await rawGet(port, "/healthz", {});
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 120_000) throw new Error("bench: the server did not start within 120 s");
    await sleep(5);
  }
  const startupMs = performance.now() - t0;
  return { child, port, startupMs, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function startBaseline(pages: { url: string; headers: Record<string, string>; body: Buffer }[]): Promise<Server> {
  const child = fork(path.join(ROOT, "bench/baseline-server.ts"), [], { cwd: ROOT, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.on("message", (m: { port?: number }) => m.port && resolve(m.port));
  });
  await new Promise<void>((resolve) => {
    child.on("message", (m: { stored?: number }) => m.stored !== undefined && resolve());
    child.send({ pages: pages.map((p) => ({ url: p.url, headers: p.headers, body: p.body.toString("base64") })) });
  });
  return { child, port, startupMs: 0, stop: () => stopChild(child) };
}

interface Sample {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  bad: number;
  cpu: number; // server CPU seconds
}

// The server ends a kept-alive connection after maxRequestsPerSocket answers (1,000: config.ts)
// by saying Connection: close, as Node does; a request sent on it after that gets a 503.
// autocannon does not honour the close, so until 2026-12-01 most of a fast page's "answers" were
// those 503s, cheap to send. Each connection now reconnects before the limit, as a browser or
// a proxy does when told to close, and any answer that is not a 2xx is reported.
export const RECONNECT_EVERY = Math.floor(HTTP_LIMITS.maxRequestsPerSocket / 2);

async function hit(server: Server, url: string, seconds: number, connections: number, headers: Record<string, string> = ACCEPT): Promise<Sample> {
  const pid = server.child.pid as number;
  const cpu0 = processCpuSeconds(pid);
  const r = await autocannon({ url: `http://127.0.0.1:${server.port}${url}`, connections, duration: seconds, headers, reconnectRate: RECONNECT_EVERY });
  return { requests: r.requests.total, seconds: r.duration, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors, cpu: processCpuSeconds(pid) - cpu0 };
}

function combine(samples: Sample[]): RunResult {
  const requests = samples.reduce((n, x) => n + x.requests, 0);
  const p50s = samples.map((x) => x.p50).sort((a, b) => a - b);
  return {
    rps: requests / samples.reduce((n, x) => n + x.seconds, 0),
    p50: p50s[Math.floor(p50s.length / 2)] ?? NaN,
    p99: Math.max(...samples.map((x) => x.p99)), // the worst round
    bad: samples.reduce((n, x) => n + x.bad, 0),
    cpuUs: (samples.reduce((n, x) => n + x.cpu, 0) / Math.max(1, requests)) * 1e6,
  };
}

/**
 * Warm-up, then `rounds` alternating runs on each server (app, baseline, app, baseline …) of
 * duration/rounds seconds: both sides see the same background load, so the ratio is fairer
 * than two runs one after the other. req/s is over all rounds, p99 the worst round's.
 */
async function measure(servers: Server[], url: string, s: LoadSettings): Promise<RunResult[]> {
  if (s.warmup > 0) for (const server of servers) await hit(server, url, s.warmup, s.connections);
  const samples: Sample[][] = servers.map(() => []);
  for (let r = 0; r < s.rounds; r++) {
    for (const [i, server] of servers.entries()) samples[i]?.push(await hit(server, url, s.duration / s.rounds, s.connections));
  }
  return samples.map(combine);
}

/** The pages whose throughput is also measured for clients that send no Accept-Encoding. */
export const IDENTITY_TARGETS = ["/", "/laws/cybersecurity-law/2017-06-01/art-37"];

export interface IdentityResult {
  url: string;
  br: RunResult;
  identity: RunResult;
  identityBytes: number; // the uncompressed body
}

/**
 * One server, one URL, asked for with `Accept-Encoding: br, gzip` and with none (identity), in
 * alternating rounds after a warm-up of each, so both see the same background load.
 */
async function measureEncodings(server: Server, url: string, s: LoadSettings): Promise<IdentityResult> {
  const first = await rawGet(server.port, url, IDENTITY);
  if (first.status !== 200 || first.headers["content-encoding"]) throw new Error(`bench: ${url} without Accept-Encoding answered ${first.status} ${String(first.headers["content-encoding"] ?? "")}`);
  if (s.warmup > 0) for (const h of [ACCEPT, IDENTITY]) await hit(server, url, s.warmup, s.connections, h);
  const br: Sample[] = [];
  const identity: Sample[] = [];
  for (let r = 0; r < s.rounds; r++) {
    br.push(await hit(server, url, s.duration / s.rounds, s.connections, ACCEPT));
    identity.push(await hit(server, url, s.duration / s.rounds, s.connections, IDENTITY));
  }
  return { url, br: combine(br), identity: combine(identity), identityBytes: first.body.length };
}

const SKIPPED_HEADERS = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

export interface StartupResult {
  readyMs: number; // spawn → first 200 from /healthz, best of `runs`, without the start-up snapshot
  readyMedianMs: number;
  readySnapshotMs: number; // the same, reading the start-up snapshot (written by one start before), best of `runs`
  importMs: number; // phases in one process, compiled JS, best of `runs` each
  loadMs: number; // read, parse, validate, cross-check, build the catalog
  appMs: number; // buildApp on that catalog: search index, route tables, plugins
}

// The phases of start-up in the compiled JavaScript, timed inside one fresh Node process.
const PHASES_SCRIPT = `
const t0 = performance.now();
const { loadConfig } = await import("./dist/src/config.js");
const { loadRules } = await import("./dist/src/data/load-rules.js");
const { buildApp } = await import("./dist/src/app.js");
const t1 = performance.now();
const config = loadConfig({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent" });
const catalog = await loadRules(config.rulesDir);
const t2 = performance.now();
const app = await buildApp(config, { catalog });
await app.ready();
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, appMs: t3 - t2 }));
await app.close();
`;

/** Start-up of the compiled server, `runs` times: the best run is the cost, the rest is the machine. */
export async function measureStartup(rulesDir: string | undefined, runs: number): Promise<StartupResult> {
  const ready: number[] = [];
  const phases: { importMs: number; loadMs: number; appMs: number }[] = [];
  const withSnapshot: number[] = [];
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), "cle-bench-snapshot-"));
  try {
    await (await startApp(rulesDir, { snapshotDir })).stop(); // writes it
    for (let i = 0; i < runs; i++) {
      const app = await startApp(rulesDir, { snapshotDir });
      withSnapshot.push(app.startupMs);
      await app.stop();
    }
  } finally {
    await removeDir(snapshotDir);
  }
  for (let i = 0; i < runs; i++) {
    const app = await startApp(rulesDir, { snapshotDir: "off" });
    ready.push(app.startupMs);
    await app.stop();
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", PHASES_SCRIPT], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...(rulesDir ? { RULES_DIR: rulesDir } : {}) } });
    if (r.status !== 0) throw new Error(`bench: start-up phases failed:\n${r.stderr}`);
    phases.push(JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}"));
  }
  const best = (xs: number[]) => Math.min(...xs);
  const sorted = [...ready].sort((a, b) => a - b);
  return {
    readyMs: best(ready),
    readyMedianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    readySnapshotMs: best(withSnapshot),
    importMs: best(phases.map((p) => p.importMs)),
    loadMs: best(phases.map((p) => p.loadMs)),
    appMs: best(phases.map((p) => p.appMs)),
  };
}

/** Runs every target against a fresh production server; with baselines when `baseline` is set. */
/**
 * Unique URLs for `seconds` at `connections` connections, a mix: distinct valid searches (small
 * pages, each cached), distinct many-role profiles (large pages, cached apart), unknown
 * parameters on a popular page (400), and parameters on addresses that take none (301).
 */
export async function churn(server: Server, seconds: number, connections: number, actorIds: readonly string[], log: (line: string) => void): Promise<ChurnResult> {
  const pid = server.child.pid as number;
  const timeOne = async (url: string) => (await rawGet(server.port, url)).ms;
  const popular = [];
  for (const url of PAGE_TARGETS) popular.push({ url, beforeMs: await timeOne(url), afterMs: NaN });
  const before = processMemory(pid);
  let n = 0;
  const pick = (k: number, i: number) => actorIds[(i * 7919 + k * 104729) % actorIds.length] as string;
  const nextPath = () => {
    const i = ++n;
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        return `/search?q=word${i}`;
      case 4:
      case 5: {
        const roles = [...new Set(Array.from({ length: 2 + (i % 5) }, (_, k) => pick(k, i)))];
        return `/profile?actor=${roles.join(",")}&at=20${String(10 + (i % 16))}-0${1 + (i % 9)}-1${i % 10}`;
      }
      case 6:
      case 7:
        return `/actors/cii-operator?x=${i}`;
      case 8:
        return `/data/rules.json?v=${i}`;
      default:
        return `/laws/cybersecurity-law?utm_source=${i}`;
    }
  };
  const r = await autocannon({
    url: `http://127.0.0.1:${server.port}/`,
    connections,
    duration: seconds,
    headers: ACCEPT,
    requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }],
  });
  const timed = n;
  // Then on to MIN_CHURN_URLS distinct URLs in all, for the memory figure.
  if (n < MIN_CHURN_URLS) {
    await autocannon({
      url: `http://127.0.0.1:${server.port}/`,
      connections,
      amount: MIN_CHURN_URLS - n,
      headers: ACCEPT,
      requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }],
    });
  }
  const after = processMemory(pid);
  for (const p of popular) p.afterMs = await timeOne(p.url);
  const result: ChurnResult = {
    seconds,
    connections,
    timedUrls: timed,
    urls: n,
    rps: r.requests.total / r.duration,
    p99: r.latency.p99,
    statuses: { "2xx": r["2xx"], "3xx": r["3xx"], "4xx": r["4xx"], "5xx": r["5xx"] },
    rssBefore: before.rss,
    rssAfter: after.rss,
    peakAfter: after.peak,
    popular,
  };
  log(`churn: ${result.timedUrls} distinct URLs in ${seconds} s at ${connections} connections: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ${JSON.stringify(result.statuses)}; after ${result.urls} distinct URLs RSS ${result.rssBefore.toFixed(0)} → ${result.rssAfter.toFixed(0)} MB (peak ${result.peakAfter.toFixed(0)})`);
  return result;
}

export async function loadScale(label: string, rulesDir: string | undefined, s: LoadSettings, baseline: boolean, startupRuns: number, log: (line: string) => void, churnWith?: { seconds: number; connections: number; actorIds: readonly string[] }, identityTargets: readonly string[] = []): Promise<ScaleResult> {
  const startup = await measureStartup(rulesDir, startupRuns);
  log(`${label}: start-up, best of ${startupRuns}: spawn → ready ${startup.readyMs.toFixed(0)} ms (median ${startup.readyMedianMs.toFixed(0)}), with the start-up snapshot ${startup.readySnapshotMs.toFixed(0)} ms; imports ${startup.importMs.toFixed(0)} ms, load and validate ${startup.loadMs.toFixed(0)} ms, index and routes ${startup.appMs.toFixed(0)} ms`);
  const app = await startApp(rulesDir);
  log(`${label}: server ready in ${app.startupMs.toFixed(0)} ms (pid ${app.child.pid}, port ${app.port})`);
  const rssStartMb = processMemory(app.child.pid as number).rss;
  const targets: TargetResult[] = [];
  const stored: { url: string; headers: Record<string, string>; body: Buffer }[] = [];
  try {
    for (const url of [...PAGE_TARGETS, API_TARGET]) {
      const first = await rawGet(app.port, url);
      const t: TargetResult = { url, status: first.status, bytes: first.body.length, encoding: String(first.headers["content-encoding"] ?? "identity"), coldMs: first.ms };
      if (first.status === 404 && url === API_TARGET) t.note = `API_TARGET ${url} answers 404: skipped (point API_TARGET in bench/load.ts at a route that exists)`;
      else if (first.status !== 200) t.note = `answers ${first.status}: skipped`;
      else {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(first.headers)) if (!SKIPPED_HEADERS.has(k) && v !== undefined) headers[k] = String(v);
        stored.push({ url, headers, body: first.body });
      }
      targets.push(t);
    }
    const base = baseline ? await startBaseline(stored) : undefined;
    try {
      const hello = base ? (await measure([base], "/hello", s))[0] : undefined;
      if (hello) log(`${label}: baseline hello world ${hello.rps.toFixed(0)} req/s, ${hello.cpuUs.toFixed(0)} µs CPU/req`);
      for (const t of targets) {
        if (t.note) {
          log(`${label}: ${t.url}: ${t.note}`);
          continue;
        }
        const [own, inMemory] = await measure(base ? [app, base] : [app], t.url, s);
        if (!own) continue;
        t.app = own;
        t.baseline = inMemory;
        log(`${label}: ${t.url}: ${t.app.rps.toFixed(0)} req/s, p99 ${t.app.p99} ms, ${t.app.cpuUs.toFixed(0)} µs CPU/req${t.baseline ? `; in-memory ${t.baseline.rps.toFixed(0)} req/s, ${t.baseline.cpuUs.toFixed(0)} µs CPU/req` : ""}`);
      }
      const identity: IdentityResult[] = [];
      for (const url of identityTargets) {
        const r = await measureEncodings(app, url, s);
        identity.push(r);
        log(`${label}: ${url} br ${r.br.rps.toFixed(0)} req/s, p99 ${r.br.p99} ms, ${r.br.cpuUs.toFixed(0)} µs CPU/req; no Accept-Encoding ${r.identity.rps.toFixed(0)} req/s, p99 ${r.identity.p99} ms, ${r.identity.cpuUs.toFixed(0)} µs CPU/req (${r.identityBytes} bytes)`);
      }
      const mem = processMemory(app.child.pid as number);
      log(`${label}: server RSS ${rssStartMb.toFixed(0)} MB after start-up, ${mem.rss.toFixed(0)} MB after the load runs (peak ${mem.peak.toFixed(0)})`);
      const churned = churnWith ? await churn(app, churnWith.seconds, churnWith.connections, churnWith.actorIds, (l) => log(`${label}: ${l}`)) : undefined;
      return { label, startupMs: app.startupMs, startup, rssStartMb, rssMb: mem.rss, peakRssMb: mem.peak, hello, targets, churn: churned, identity };
    } finally {
      await base?.stop();
    }
  } finally {
    await app.stop();
  }
}

/** A rules folder with every instrument file copied `factor` − 1 more times under new ids. */
export async function syntheticRules(rulesDir: string, factor: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `cle-rules-x${factor}-`));
  for (const name of await readdir(rulesDir)) {
    if (!name.endsWith(".yaml")) continue;
    const text = await readFile(path.join(rulesDir, name), "utf8");
    const id = name.replace(/\.yaml$/, "");
    // Not an instrument (actors, glossary, catalog, questionnaire …): copied once, as it is.
    if (!new RegExp(`^id: ${id}$`, "m").test(text)) {
      await copyFile(path.join(rulesDir, name), path.join(dir, name));
      continue;
    }
    await writeFile(path.join(dir, name), text);
    for (let k = 1; k < factor; k++) {
      const copy = text.replace(new RegExp(`^id: ${id}$`, "m"), `id: ${id}-x${k}`);
      if (copy === text) throw new Error(`bench: ${name} does not start with "id: ${id}"`);
      await writeFile(path.join(dir, `${id}-x${k}.yaml`), copy);
    }
  }
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
