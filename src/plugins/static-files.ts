// Serves public/ under /static/ (stylesheet, script, icons), in two ways:
//
// - by a content-hashed name, /static/style.3f9a1c2b7d.css: the name changes whenever the file
//   does, so the answer is cached for a year and never revalidated ("immutable"). Templates
//   link to these, always through one helper, `it.asset("style.css")` (views.ts);
// - by its plain name, /static/style.css (old links, tools): revalidated on every use
//   (Cache-Control: no-cache, with ETag and Last-Modified), so it is never stale.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import fp from "fastify-plugin";
import { PROJECT_ROOT } from "../config.js";
import { NO_QUERY } from "./query-policy.js";

export const PUBLIC_DIR = path.join(PROJECT_ROOT, "public");
const YEAR = "public, max-age=31536000, immutable";

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export interface Asset {
  name: string; // style.css
  hashed: string; // style.3f9a1c2b7d.css
  body: Buffer;
  type: string;
}

/** Every file at the top of public/, with its content-hashed name. Read once, at start-up. */
export function readAssets(dir: string = PUBLIC_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const body = readFileSync(path.join(dir, entry.name));
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
    const ext = path.extname(entry.name);
    const hashed = `${entry.name.slice(0, entry.name.length - ext.length)}.${hash}${ext}`;
    assets.set(entry.name, { name: entry.name, hashed, body, type: TYPES[ext] ?? "application/octet-stream" });
  }
  return assets;
}

/** The helper templates link through: the hashed address of a file in public/. */
export function assetHref(assets: ReadonlyMap<string, Asset>, name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`static-files: no file "${name}" in public/`);
  return `/static/${asset.hashed}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default fp<{ assets: ReadonlyMap<string, Asset> }>(
  async (app, { assets }) => {
    // An exact path wins over /static/* in the router: each hashed name is a route of its own.
    for (const asset of assets.values()) {
      // Never revalidated, so no ETag (one would have to differ per compression coding).
      app.get(`/static/${asset.hashed}`, NO_QUERY, async (_req, reply) => reply.header("cache-control", YEAR).type(asset.type).send(asset.body));
    }
    await app.register(fastifyStatic, {
      root: PUBLIC_DIR,
      prefix: "/static/",
      cacheControl: false, // set below
      setHeaders: (res) => res.setHeader("cache-control", "no-cache"),
      decorateReply: false,
      // No ranges: @fastify/compress encodes the answer after the range is cut, so a Range with
      // Accept-Encoding got a brotli of the slice under a Content-Range of the file. The files
      // are small; a client that asks for a range gets the whole file (RFC 9110 allows it).
      acceptRanges: false,
      // A path that climbs out of public/ ("..", however encoded) names no file here: 404 like
      // any other missing file, rather than the 403 the file server would send.
      allowedPath: (pathname) => !safeDecode(pathname).split(/[\\/]/).includes(".."),
    });
  },
  { name: "static-files" },
);
