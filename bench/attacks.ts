// The attack scenarios of the hardening issue (issue 21, section 2), called from bench/run.ts.
// The production server runs as bench/load.ts runs it, but with its per-client caps ON (as it
// ships without a proxy): they are what is tested. Everything stays on loopback. The attacker
// connects from 127.0.0.2 (Linux routes all of 127.0.0.0/8 to lo) and the visitors measured from
// 127.0.0.1, so the server sees two client addresses, as it would see an attacker and the rest.
//
//   - a .docx flood: unique 50-article /memo.docx memos (distinct item sets) at ~1.4 req/s;
//   - an .xlsx flood: unique 50-role /profile.xlsx registers (distinct role sets) at ~1.4 req/s;
//   - an idle-socket hold: up to 1,000 sockets opened and held, sending nothing.
//
// During each, visitors ask for the home page and a cached article at a steady rate (autocannon,
// 4 connections each, 100 req/s each): their p99 is the figure (target < 50 ms). The same is
// measured first with no attack, as the control.
import http from "node:http";
import net from "node:net";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type { Catalog } from "../src/domain/catalog.js";
import { QUERY_LIMITS } from "../src/config.js";
import { ACCEPT, processCpuSeconds, processMemory, rawGet, sleep, startApp, type Server } from "./load.js";
import { mulberry32 } from "../test/helpers/random.js";

export const ATTACKER = "127.0.0.2";
export const ARTICLE = "/laws/cybersecurity-law/2017-06-01/art-37";
const VISITOR_URLS = ["/", ARTICLE];

export interface AttackSettings {
  seconds: number; // each attack's measured window
  controlSeconds: number;
  rate: number; // the floods' requests per second
  items: number; // articles per memo
  roles: number; // roles per register
  sockets: number; // the hold's sockets
  visitorRate: number; // per visitor URL, req/s
  visitorConnections: number; // per visitor URL
}

export const ATTACK_SETTINGS: AttackSettings = {
  seconds: Number(process.env.BENCH_ATTACK_SECONDS ?? 15),
  controlSeconds: Number(process.env.BENCH_ATTACK_CONTROL_SECONDS ?? 5),
  rate: 1.4,
  items: Math.min(50, QUERY_LIMITS.memoItems),
  roles: Math.min(50, QUERY_LIMITS.roles),
  sockets: 1_000,
  visitorRate: 100,
  visitorConnections: 4,
};

export interface VisitorResult {
  url: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  failed: number; // non-2xx, errors and timeouts
}

export interface FloodResult {
  sent: number;
  statuses: Record<string, number>; // "200", "429", … "error", "unfinished" (still open at the end)
  okP50: number; // ms, the 200s
  okMax: number;
}

export interface HoldResult {
  attempted: number; // connections the attacker opened in all (first wave, then reopened)
  heldPeak: number; // connected at least 0.5 s and not closed or answered, at the most (sampled every 0.5 s)
  heldAtStart: number; // of the first wave, still open 1 s after it was opened
  answered: number; // sockets that got an answer (the 503 of the per-client cap) and were closed
  closedSilently: number; // closed by the server without an answer (idle timeout)
  refused: number; // connection errors
}

export interface ScenarioResult {
  name: string;
  visitors: VisitorResult[];
  flood?: FloodResult;
  hold?: HoldResult;
  freshProbes?: { sent: number; failed: number; p99: number }; // one new connection per request
  serverCpuSeconds: number;
  rssMb: number;
}

export interface AttacksResult {
  settings: AttackSettings;
  startupMs: number;
  scenarios: ScenarioResult[];
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** `k` distinct elements of `xs`, each draw a new set (the sets are distinct too: checked). */
function sampler<T>(xs: readonly T[], k: number, seed: number): () => T[] {
  const next = mulberry32(seed); // every run sends the same URLs
  const seen = new Set<string>();
  return () => {
    for (;;) {
      const pool = [...xs];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
      }
      const pick = pool.slice(0, Math.min(k, pool.length));
      const key = pick.map(String).sort().join(",");
      if (!seen.has(key)) {
        seen.add(key);
        return pick;
      }
    }
  };
}

/** Every pinned article path of the catalog: instrument/version/art-N. */
export function articlePaths(catalog: Catalog): string[] {
  return catalog.provisions.flatMap((p) => Object.entries(p.data.numbers).map(([version, number]) => `${p.instrumentId}/${version}/art-${number}`));
}

/** Visitors from 127.0.0.1: each URL at a steady rate on a few kept-alive connections. */
async function visitors(server: Server, seconds: number, s: AttackSettings): Promise<VisitorResult[]> {
  return Promise.all(
    VISITOR_URLS.map(async (url) => {
      const r = await autocannon({ url: `http://127.0.0.1:${server.port}${url}`, connections: s.visitorConnections, overallRate: s.visitorRate, duration: seconds, headers: ACCEPT, timeout: 10 });
      return { url, requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, failed: r.non2xx + r.errors + r.timeouts };
    }),
  );
}

/** One request a new connection, from 127.0.0.1, every `everyMs`: what a new visitor meets. */
async function freshProbes(port: number, seconds: number, everyMs: number): Promise<{ sent: number; failed: number; p99: number }> {
  const times: number[] = [];
  let sent = 0;
  let failed = 0;
  const pending: Promise<void>[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    sent++;
    pending.push(
      Promise.race([rawGet(port, "/"), sleep(5_000).then(() => undefined)])
        .then((r) => {
          if (!r || r.status !== 200) failed++;
          else times.push(r.ms);
        })
        .catch(() => void failed++),
    );
    await sleep(everyMs);
  }
  await Promise.all(pending);
  return { sent, failed, p99: percentile(times, 99) };
}

/** The attacker: one request every 1/rate s from ATTACKER, not waiting for the answers. */
function flood(port: number, rate: number, nextPath: () => string): { stop(): Promise<FloodResult> } {
  const statuses: Record<string, number> = {};
  const ok: number[] = [];
  const open = new Set<http.ClientRequest>();
  const done: Promise<void>[] = [];
  let sent = 0;
  const count = (k: string) => (statuses[k] = (statuses[k] ?? 0) + 1);
  const fire = () => {
    sent++;
    const t0 = performance.now();
    done.push(
      new Promise<void>((resolve) => {
        const req = http.get({ host: "127.0.0.1", port, path: nextPath(), headers: ACCEPT, agent: false, localAddress: ATTACKER }, (res) => {
          res.resume();
          res.on("end", () => {
            open.delete(req);
            count(String(res.statusCode));
            if (res.statusCode === 200) ok.push(performance.now() - t0);
            resolve();
          });
          res.on("error", () => (open.delete(req), count("error"), resolve()));
        });
        open.add(req);
        req.on("error", () => {
          if (open.delete(req)) count("error");
          resolve();
        });
      }),
    );
  };
  fire();
  const timer = setInterval(fire, 1000 / rate);
  return {
    async stop() {
      clearInterval(timer);
      // What has not been answered 2 s after the window: counted as unfinished, and dropped.
      await Promise.race([Promise.all(done), sleep(2_000)]);
      for (const req of open) {
        count("unfinished");
        open.delete(req);
        req.destroy();
      }
      return { sent, statuses, okP50: percentile(ok, 50), okMax: ok.length ? Math.max(...ok) : NaN };
    },
  };
}

/**
 * The attacker opens `n` sockets from ATTACKER and sends nothing on them; a socket the server
 * closes is opened again a second later, so the attacker holds as many as it is let.
 */
function hold(port: number, n: number): { heldNow(): number; stop(): HoldResult } {
  const r: HoldResult = { attempted: 0, heldPeak: 0, heldAtStart: 0, answered: 0, closedSilently: 0, refused: 0 };
  const held = new Map<net.Socket, number>(); // → when it connected
  const all = new Set<net.Socket>();
  let stopping = false;
  const openOne = () => {
    if (stopping) return;
    r.attempted++;
    const sock = net.connect({ host: "127.0.0.1", port, localAddress: ATTACKER });
    all.add(sock);
    let answered = false;
    let failed = false;
    sock.on("connect", () => held.set(sock, performance.now()));
    sock.on("data", () => {
      if (!answered) r.answered++;
      answered = true;
      held.delete(sock);
    });
    sock.on("error", () => {
      if (!held.has(sock) && !answered) r.refused++;
      failed = true;
    });
    sock.on("close", () => {
      if (held.delete(sock) && !answered && !failed) r.closedSilently++;
      all.delete(sock);
      if (!stopping) setTimeout(openOne, 1_000);
    });
  };
  const heldNow = () => {
    const now = performance.now();
    return [...held.values()].filter((t) => now - t >= 500).length;
  };
  const sampler = setInterval(() => (r.heldPeak = Math.max(r.heldPeak, heldNow())), 500);
  for (let i = 0; i < n; i++) openOne();
  return {
    heldNow,
    stop() {
      clearInterval(sampler);
      stopping = true;
      for (const s of all) s.destroy();
      return r;
    },
  };
}

async function scenario(name: string, server: Server, s: AttackSettings, seconds: number, attack?: () => { stop(): Promise<Partial<ScenarioResult>> | Partial<ScenarioResult> }): Promise<ScenarioResult> {
  const pid = server.child.pid as number;
  const running = attack?.();
  if (running) await sleep(1_000); // the attack under way before the visitors come
  const cpu0 = processCpuSeconds(pid);
  const [v, probes] = await Promise.all([visitors(server, seconds, s), freshProbes(server.port, seconds, 250)]);
  const cpu = processCpuSeconds(pid) - cpu0;
  const extra = running ? await running.stop() : {};
  return { name, visitors: v, freshProbes: probes, serverCpuSeconds: cpu, rssMb: processMemory(pid).rss, ...extra };
}

export async function runAttacks(catalog: Catalog, log: (line: string) => void, s: AttackSettings = ATTACK_SETTINGS): Promise<AttacksResult> {
  const server = await startApp(undefined, { perClientLimits: true });
  log(`attacks: server with per-client caps ready in ${server.startupMs.toFixed(0)} ms (pid ${server.child.pid}, port ${server.port})`);
  const scenarios: ScenarioResult[] = [];
  const report = (r: ScenarioResult) => {
    scenarios.push(r);
    const v = r.visitors.map((x) => `${x.url} p99 ${x.p99} ms (max ${x.max}, ${x.requests} requests, ${x.failed} failed)`).join("; ");
    log(`attacks: ${r.name}: ${v}; new connections ${r.freshProbes?.failed}/${r.freshProbes?.sent} failed${r.flood ? `; attacker ${r.flood.sent} sent ${JSON.stringify(r.flood.statuses)}` : ""}${r.hold ? `; hold ${JSON.stringify(r.hold)}` : ""}; server CPU ${r.serverCpuSeconds.toFixed(1)} s, RSS ${r.rssMb.toFixed(0)} MB`);
  };
  try {
    for (const url of VISITOR_URLS) {
      const first = await rawGet(server.port, url);
      if (first.status !== 200) throw new Error(`bench: ${url} answers ${first.status} on the attack server`);
    }
    report(await scenario("no attack (control)", server, s, s.controlSeconds));

    const memo = sampler(articlePaths(catalog), s.items, 21);
    report(
      await scenario(`.docx flood: unique ${s.items}-article memos at ${s.rate} req/s`, server, s, s.seconds, () => {
        const f = flood(server.port, s.rate, () => `/memo.docx?items=${memo().join(",")}`);
        return { stop: async () => ({ flood: await f.stop() }) };
      }),
    );

    const roles = sampler(catalog.actors.map((a) => a.id), s.roles, 22);
    report(
      await scenario(`.xlsx flood: unique ${s.roles}-role registers at ${s.rate} req/s`, server, s, s.seconds, () => {
        const f = flood(server.port, s.rate, () => `/profile.xlsx?actor=${roles().join(",")}`);
        return { stop: async () => ({ flood: await f.stop() }) };
      }),
    );

    report(
      await scenario(`idle-socket hold: ${s.sockets} sockets`, server, s, s.seconds, () => {
        const h = hold(server.port, s.sockets);
        let atStart = 0;
        setTimeout(() => (atStart = h.heldNow()), 900);
        return { stop: () => ({ hold: { ...h.stop(), heldAtStart: atStart } }) };
      }),
    );
  } finally {
    await server.stop();
  }
  return { settings: s, startupMs: server.startupMs, scenarios };
}
