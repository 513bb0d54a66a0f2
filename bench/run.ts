// npm run bench: start-up and search latency on the real rules and on a synthetic catalog ten
// times larger. Not part of npm test. Load tests of the HTTP server belong here too (issue 8).
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { Catalog } from "../src/domain/catalog.js";
import { loadRules } from "../src/data/load-rules.js";
import { buildSearchIndex } from "../src/search/search-index.js";

// A mix of what people type: English words and phrases, Chinese terms, mixed, typos, and
// citations (which /search also runs through full-text search unless they redirect).
const QUERIES = [
  "实名", "real name", "real identity", "CII data export", "decryption", "网络安全法", "technical support", "subversion", "境外非政府组织", "sexual harassment", "personal information abroad", "network operator duties", "罚款", "detention", "data localisation",
  "refuse network security management duty", "overseas NGO representative office registration", "terrorism extremism definition", "map servers in China", "app store", "information",
  "关键信息基础设施", "颠覆国家政权", "拒不履行信息网络安全管理义务", "CII 数据 境内存储",
  "decryptoin", "subversoin", "harrassment", "personal informaton", "regsitration",
  "CSL 37", "网络安全法第三十七条", "Criminal Law 287-2",
];

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function timeSearch(catalog: Catalog, rounds: number) {
  const t0 = performance.now();
  const index = buildSearchIndex(catalog);
  const build = performance.now() - t0;
  // The first pass runs on a just-built index with nothing compiled yet: reported apart.
  const first = QUERIES.map((q) => {
    const s = performance.now();
    index.search(q);
    return performance.now() - s;
  });
  // Warm-up, not counted: a second of queries, so that the timed rounds see the steady state of
  // a running server and not the JIT still compiling after start-up (which, on this 2-core
  // machine, stretched the tail of the first few hundred queries to ~10 ms).
  const warm = performance.now() + 1000;
  while (performance.now() < warm) for (const q of QUERIES) index.search(q);
  // There is no result cache: every timed query is computed in full.
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const s = performance.now();
      index.search(q);
      times.push(performance.now() - s);
    }
  }
  return { build, p50: percentile(times, 50), p99: percentile(times, 99), docs: index.size, n: times.length, firstP50: percentile(first, 50), firstMax: Math.max(...first) };
}

/** The real catalog with every provision copied ten times under new keys (same text). */
function scaled(catalog: Catalog, factor: number): Catalog {
  const provisions = catalog.provisions.flatMap((p) => Array.from({ length: factor }, (_, i) => (i === 0 ? p : { ...p, key: `${p.key}-x${i}` })));
  return { ...catalog, provisions };
}

const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" });
const t0 = performance.now();
const app = await buildApp(config);
await app.ready();
const startup = performance.now() - t0;
const catalog = app.catalog;

const real = timeSearch(catalog, 40);
const big = timeSearch(scaled(catalog, 10), 10);

const pages = ["/", "/actors/cii-operator", "/laws/cybersecurity-law/2017-06-01/art-37", "/provisions?actor=network-operator&sanction=fine", "/penalties", "/search?q=real+name"];
const render: [string, number, number][] = [];
for (const url of pages) {
  const a = performance.now();
  await app.inject({ url });
  const first = performance.now() - a;
  const b = performance.now();
  for (let i = 0; i < 50; i++) await app.inject({ url });
  render.push([url, first, (performance.now() - b) / 50]);
}
await app.close();
const mem = process.memoryUsage().rss / 1024 / 1024;

const f = (n: number) => n.toFixed(2);
console.log(`start-up (load, validate, index, routes): ${f(startup)} ms`);
console.log(`search, real rules (${real.docs} provisions): build ${f(real.build)} ms, p50 ${f(real.p50)} ms, p99 ${f(real.p99)} ms (${real.n} queries); first pass p50 ${f(real.firstP50)} ms, max ${f(real.firstMax)} ms`);
console.log(`search, 10x synthetic (${big.docs} provisions): build ${f(big.build)} ms, p50 ${f(big.p50)} ms, p99 ${f(big.p99)} ms (${big.n} queries); first pass p50 ${f(big.firstP50)} ms, max ${f(big.firstMax)} ms`);
console.log("page (inject): first render ms, then cached mean ms");
for (const [url, first, cached] of render) console.log(`  ${url}: ${f(first)} / ${f(cached)}`);
console.log(`resident memory: ${mem.toFixed(0)} MB`);
// The machine is shared: a busy one stretches the tail (p99) most. Read the numbers with this.
console.log(`load average (1, 5 min): ${loadavg()[0]?.toFixed(2)}, ${loadavg()[1]?.toFixed(2)} on ${availableParallelism()} cores`);
