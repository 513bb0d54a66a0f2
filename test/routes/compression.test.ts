// Compression and conditional requests, with the page cache on (production) and off (test).
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { negotiate, noneMatch } from "../../src/plugins/page-cache.js";
import { buildTestApp } from "../helpers/test-app.js";

const decode = (encoding: string | undefined, body: Buffer): string => {
  if (encoding === "br") return brotliDecompressSync(body).toString("utf8");
  if (encoding === "gzip") return gunzipSync(body).toString("utf8");
  return body.toString("utf8");
};

for (const production of [true, false]) {
  describe(`compression with the page cache ${production ? "on" : "off"}`, () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildTestApp({ production });
    });
    afterAll(async () => {
      await app.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

    it("sends a page uncompressed when the client does not ask for compression", async () => {
      const res = await get("/actors/cii-operator");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.body).toMatch(/^<!doctype html>/i);
      expect(res.body).toContain("Critical information infrastructure operator");
    });

    it("sends the same page as gzip and as brotli, each decompressing to the same HTML", async () => {
      const plain = await get("/actors/cii-operator");
      for (const [accept, coding] of [["gzip", "gzip"], ["br", "br"], ["gzip, deflate, br, zstd", "br"], ["br;q=0, gzip", "gzip"], ["deflate", undefined]] as const) {
        for (let round = 0; round < 2; round++) {
          const res = await get("/actors/cii-operator", { "accept-encoding": accept });
          expect(res.statusCode).toBe(200);
          expect(res.headers["content-encoding"]).toBe(coding);
          expect(res.headers.vary).toMatch(/accept-encoding/i);
          expect(res.headers["content-type"]).toMatch(/^text\/html/);
          if (coding) expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
          expect(decode(coding, res.rawPayload)).toBe(plain.body);
        }
      }
    });

    it("gives each coding its own strong ETag and answers 304 to it", async () => {
      const plain = await get("/laws");
      const br = await get("/laws", { "accept-encoding": "br" });
      const gz = await get("/laws", { "accept-encoding": "gzip" });
      const tags = [plain.headers.etag, br.headers.etag, gz.headers.etag] as string[];
      for (const t of tags) expect(t).toMatch(/^"[^"]+"$/);
      expect(new Set(tags).size).toBe(3);

      const notModified = await get("/laws", { "accept-encoding": "br", "if-none-match": br.headers.etag as string });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.body).toBe("");
      expect(notModified.headers.etag).toBe(br.headers.etag);
      expect(notModified.headers.vary).toMatch(/accept-encoding/i);
      // A list of tags, one of them current, is a match too.
      expect((await get("/laws", { "accept-encoding": "gzip", "if-none-match": `"stale", ${gz.headers.etag}` })).statusCode).toBe(304);
      expect((await get("/laws", { "if-none-match": plain.headers.etag as string })).statusCode).toBe(304);
      // The brotli tag does not validate the gzip representation: that one is sent in full.
      const other = await get("/laws", { "accept-encoding": "gzip", "if-none-match": br.headers.etag as string });
      expect(other.statusCode).toBe(200);
      expect(decode("gzip", other.rawPayload)).toBe(plain.body);
    });

    it("compresses CSV and the stylesheet; the not-found page stays readable", async () => {
      const csv = await get("/penalties.csv", { "accept-encoding": "gzip" });
      expect(csv.headers["content-encoding"]).toBe("gzip");
      expect(csv.headers["content-disposition"]).toContain("penalties.csv");
      expect(decode("gzip", csv.rawPayload)).toBe((await get("/penalties.csv")).body);

      const css = await get("/static/style.css", { "accept-encoding": "br" });
      expect(css.statusCode).toBe(200);
      expect(css.headers["content-encoding"]).toBe("br");
      expect(decode("br", css.rawPayload)).toBe((await get("/static/style.css")).body);

      const missing = await get("/no-such-page", { "accept-encoding": "gzip" });
      expect(missing.statusCode).toBe(404);
      const text = missing.headers["content-encoding"] === "gzip" ? decode("gzip", missing.rawPayload) : missing.body;
      expect(text).toContain("There is no page at /no-such-page.");
    });

    it("sends small answers as they are", async () => {
      const res = await get("/healthz", { "accept-encoding": "br, gzip" });
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.json()).toMatchObject({ status: "ok" });
    });

    it("never caches or compresses an error page as if it were the page", async () => {
      const bad = await get("/provisions?sort=nonsense", { "accept-encoding": "gzip" });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers.etag).toBeUndefined();
      expect(bad.headers["cache-control"]).toBe("no-store");
    });
  });
}

describe("content negotiation", () => {
  it("prefers br, honours q-values and *", () => {
    expect(negotiate(undefined)).toBe("identity");
    expect(negotiate("")).toBe("identity");
    expect(negotiate("gzip, deflate, br")).toBe("br");
    expect(negotiate("gzip;q=1, br;q=0.5")).toBe("gzip");
    expect(negotiate("br;q=0")).toBe("identity");
    expect(negotiate("x-gzip")).toBe("gzip");
    expect(negotiate("*")).toBe("br");
    expect(negotiate("br;q=0, *;q=0.5")).toBe("gzip");
    expect(negotiate("identity")).toBe("identity");
  });

  it("compares If-None-Match weakly, as RFC 9110 says", () => {
    expect(noneMatch('"a"', '"a"')).toBe(true);
    expect(noneMatch('W/"a"', '"a"')).toBe(true);
    expect(noneMatch('"b", "a"', '"a"')).toBe(true);
    expect(noneMatch("*", '"a"')).toBe(true);
    expect(noneMatch('"a-br"', '"a"')).toBe(false);
    expect(noneMatch(undefined, '"a"')).toBe(false);
  });
});
