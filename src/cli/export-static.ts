// npm run export:static [outDir]: the whole site as files, for any static host. Every page is
// rendered through the real app (app.inject, production settings) on the rules in RULES_DIR
// (default rules/); the list of URLs comes from the catalog: home, actors, profile, laws, every
// version's contents, every article of every version, provisions, penalties (and its CSV), the
// penalty changes of every amended instrument, glossary, the empty memo, the API docs and its
// OpenAPI document, the bulk data and the Atom feeds. public/ is copied to static/.
//
// A URL becomes <path>/index.html, so /laws/csl/2017-06-01/art-37 is served by any static host
// as it is. A URL with a query string (the penalty-changes pages) becomes
// <path>/<query>/index.html: a plain host serves only the bare /penalties/changes; nginx serves
// them all with `try_files $uri/$args/index.html $uri/index.html =404`. Exit 1 on any answer
// that is not 200. What needs the server is not exported: search, filters, ?at= dates, memos with
// items and their exports, and the /api/v1 resources (the bulk data covers the same facts).
import { cp, mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildApp } from "../app.js";
import { loadConfig, PROJECT_ROOT } from "../config.js";
import type { Catalog } from "../domain/catalog.js";
import { formatProblem, RulesInvalidError } from "../data/problems.js";
import { permalink } from "../domain/citation.js";
import { RULES_SCHEMAS } from "../data/rules-json-schema.js";
import { instrumentsWithChanges } from "../query/amendment-changes.js";
import { penaltyRows } from "../query/penalty-table.js";
import { query } from "../view-models/format.js";
import { readAssets } from "../plugins/static-files.js";

const MARKER = ".static-export"; // written into outDir: only a folder carrying it is ever emptied

/** Every URL of the static site, derived from the catalog, grouped by kind. */
export function staticUrls(catalog: Catalog): Record<string, string[]> {
  const articles: string[] = [];
  for (const ins of catalog.instruments) {
    for (const version of ins.versions) {
      for (const p of ins.provisions) {
        const n = p.data.numbers[version.id];
        if (n) articles.push(permalink(ins.id, version.id, n));
      }
    }
  }
  const amended = instrumentsWithChanges(catalog, penaltyRows(catalog));
  return {
    home: ["/"],
    actors: ["/actors", ...catalog.actors.map((a) => `/actors/${a.id}`), "/profile", "/check"],
    laws: ["/laws", ...catalog.instruments.map((i) => `/laws/${i.id}`)],
    contents: catalog.instruments.flatMap((i) => i.versions.map((v) => `/laws/${i.id}/${v.id}`)),
    "whole texts": catalog.instruments.flatMap((i) => i.versions.map((v) => `/laws/${i.id}/${v.id}/text`)),
    articles: [...new Set(articles)],
    lists: ["/provisions", "/penalties", "/penalties/compare", "/glossary"],
    changes: amended.length ? ["/penalties/changes", ...amended.map((a) => `/penalties/changes${query({ instrument: a.ins.id, from: a.from, to: a.to })}`)] : [],
    csv: ["/penalties.csv"],
    memo: ["/memo"], // an empty memo: items arrive in the query string, which needs the server
    "open data": ["/api/docs", "/api/v1/openapi.json", "/data/rules.json", "/data/penalties.csv", ...Object.keys(RULES_SCHEMAS).map((n) => `/data/${n}`)],
    feeds: ["/feed.atom", ...catalog.instruments.map((i) => `/laws/${i.id}/feed.atom`), ...catalog.actors.map((a) => `/actors/${a.id}/feed.atom`)],
  };
}

/** Where a URL is written: /a/b → a/b/index.html, /a?x=1 → a/x=1/index.html, /x.csv → x.csv. */
export function fileFor(url: string): string {
  const [pathname = "/", search] = url.split("?", 2);
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  for (const s of [...segments, search ?? ""]) if (s === ".." || s === "." || s.includes("/") || s.includes("\\")) throw new Error(`export: refusing to write ${url}`);
  if (/\.[a-z0-9]+$/i.test(pathname) && !search) return path.join(...segments);
  return path.join(...segments, ...(search ? [search] : []), "index.html");
}

export interface ExportResult {
  outDir: string;
  counts: Record<string, number>; // pages written per kind, plus static files
  files: number;
  bytes: number;
  ms: number;
}

export interface ExportOptions {
  outDir: string;
  rulesDir?: string; // default: RULES_DIR or rules/
  urls?: (catalog: Catalog) => Record<string, string[]>; // default: staticUrls
  log?: (line: string) => void;
}

async function prepareOutDir(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => undefined);
  if (entries && entries.length > 0) {
    if (!entries.includes(MARKER)) throw new Error(`export: ${outDir} is not empty and was not written by this exporter; choose another folder`);
    await rm(outDir, { recursive: true, force: true });
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, MARKER), "written by npm run export:static; emptied by the next export\n");
}

async function copyTree(from: string, to: string): Promise<{ files: number; bytes: number }> {
  await cp(from, to, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const name of await readdir(to, { recursive: true })) {
    const s = await stat(path.join(to, name));
    if (s.isFile()) {
      files++;
      bytes += s.size;
    }
  }
  return { files, bytes };
}

export async function exportStatic(options: ExportOptions): Promise<ExportResult> {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);
  const env = { ...process.env, NODE_ENV: "production" as const, ...(options.rulesDir ? { RULES_DIR: options.rulesDir } : {}) };
  const config = loadConfig(env, { logLevel: "warn" });
  const app = await buildApp(config);
  await app.ready();
  try {
    const groups = (options.urls ?? staticUrls)(app.catalog);
    await prepareOutDir(outDir);
    const counts: Record<string, number> = {};
    const failures: string[] = [];
    let files = 0;
    let bytes = 0;
    const written = new Set<string>();
    for (const [kind, urls] of Object.entries(groups)) {
      counts[kind] = 0;
      for (const url of urls) {
        const res = await app.inject({ method: "GET", url });
        if (res.statusCode !== 200) {
          failures.push(`${res.statusCode} ${url}`);
          continue;
        }
        const file = fileFor(url);
        if (written.has(file)) throw new Error(`export: two URLs map to ${file}`);
        written.add(file);
        await mkdir(path.join(outDir, path.dirname(file)), { recursive: true });
        await writeFile(path.join(outDir, file), res.rawPayload);
        counts[kind]++;
        files++;
        bytes += res.rawPayload.length;
      }
      log(`export: ${kind}: ${counts[kind]} of ${urls.length}`);
    }
    // A not-found page for hosts that look for 404.html (Netlify, GitHub Pages, S3 websites).
    const missing = await app.inject({ method: "GET", url: "/this-page-does-not-exist" });
    await writeFile(path.join(outDir, "404.html"), missing.rawPayload);
    files++;
    bytes += missing.rawPayload.length;
    if (failures.length > 0) {
      throw new Error(`export: ${failures.length} URL${failures.length === 1 ? "" : "s"} did not answer 200:\n  ${failures.join("\n  ")}`);
    }
    const copied = await copyTree(path.join(PROJECT_ROOT, "public"), path.join(outDir, "static"));
    // The pages link to the content-hashed names (static-files.ts): write those too.
    for (const asset of readAssets().values()) {
      await writeFile(path.join(outDir, "static", asset.hashed), asset.body);
      copied.files++;
      copied.bytes += asset.body.length;
    }
    counts.static = copied.files;
    return { outDir, counts, files: files + copied.files, bytes: bytes + copied.bytes, ms: performance.now() - t0 };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? path.join(PROJECT_ROOT, "dist", "static");
  try {
    const r = await exportStatic({ outDir, log: (line) => console.log(line) });
    const summary = Object.entries(r.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
    console.log(`export: ${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(1)} MB in ${(r.ms / 1000).toFixed(1)} s → ${path.relative(process.cwd(), r.outDir) || "."} (${summary}, 404.html)`);
  } catch (e) {
    if (e instanceof RulesInvalidError) {
      for (const p of e.problems) console.error(formatProblem(p));
      console.error(`export: ${e.problems.length} problem(s) in the rules; nothing exported`);
    } else console.error((e as Error).message);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
