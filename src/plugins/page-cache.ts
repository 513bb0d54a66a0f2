// The rules never change while the server runs, so a page is rendered once per URL and then
// served from memory. Every successful GET answer carries a strong ETag; a matching
// If-None-Match gets 304. The cache is bounded (entries and bytes) and evicts oldest first.
import { createHash } from "node:crypto";
import fp from "fastify-plugin";
import type { Config } from "../config.js";

interface Entry {
  body: string;
  etag: string;
  type: string;
  headers: Record<string, string>;
}

const CACHEABLE_TYPES = /^(text\/html|application\/json|text\/csv|text\/markdown|application\/atom\+xml|application\/schema\+json|image\/svg\+xml)/;
const MAX_ENTRIES = 2_000; // distinct URLs kept
const MAX_BYTES = 48 * 1024 * 1024; // total size kept

export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

export default fp<{ config: Readonly<Config>; enabled?: boolean }>(
  async (app, { config, enabled = config.production }) => {
    const cache = new Map<string, Entry>();
    let bytes = 0;

    app.addHook("onRequest", async (req, reply) => {
      if (!enabled || (req.method !== "GET" && req.method !== "HEAD")) return;
      const hit = cache.get(req.url);
      if (!hit) return;
      reply.header("etag", hit.etag).headers(hit.headers);
      if (req.headers["if-none-match"] === hit.etag) return reply.code(304).send();
      return reply.type(hit.type).send(hit.body);
    });

    app.addHook("onSend", async (req, reply, payload) => {
      if ((req.method !== "GET" && req.method !== "HEAD") || reply.statusCode !== 200 || typeof payload !== "string") return payload;
      const type = String(reply.getHeader("content-type") ?? "");
      if (!CACHEABLE_TYPES.test(type)) return payload;
      const etag = (reply.getHeader("etag") as string | undefined) ?? etagOf(payload);
      reply.header("etag", etag);
      if (enabled && !cache.has(req.url) && reply.getHeader("cache-control") !== "no-store") {
        const headers: Record<string, string> = {};
        for (const h of ["cache-control", "access-control-allow-origin", "content-disposition", "link", "vary"]) {
          const v = reply.getHeader(h);
          if (v !== undefined) headers[h] = String(v);
        }
        cache.set(req.url, { body: payload, etag, type, headers });
        bytes += payload.length;
        for (const [key, old] of cache) {
          if (cache.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
          cache.delete(key);
          bytes -= old.body.length;
        }
      }
      if (req.headers["if-none-match"] === etag) {
        reply.code(304);
        return "";
      }
      return payload;
    });
  },
  { name: "page-cache" },
);
