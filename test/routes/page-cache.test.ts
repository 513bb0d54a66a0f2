// The page cache's bounds: pages kept compressed, a byte budget, large answers apart, and no
// entry for an address that is not a page of the site (unknown parameters).
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_CACHE_LIMITS } from "../../src/config.js";
import { compress, owned } from "../../src/plugins/page-cache.js";
import { buildTestApp } from "../helpers/test-app.js";

// Small bounds, so the fixture pages (5–17 KB) exercise them: /data/rules.json (~12 KB) and
// /penalties (~17 KB) are "large" here.
const LIMITS = { pages: { maxEntries: 1_000, maxBytes: 40_000 }, large: { maxEntries: 1, maxBytes: 40_000 }, largeAnswer: 10_000, concurrentMisses: 2 };

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ production: true, pageCache: LIMITS });
});
afterAll(async () => {
  await app?.close();
});
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });
const BR = { "accept-encoding": "br" };

describe("the page cache", () => {
  it("keeps a page as brotli only, and still answers it uncompressed and as gzip, byte for byte", async () => {
    const url = "/actors/cii-operator?group=theme";
    const first = await get(url, BR);
    expect(first.statusCode).toBe(200);
    const html = brotliDecompressSync(first.rawPayload);
    const { pages } = app.pageCache.stats();
    expect(app.pageCache.has(url)).toBe(true);
    // What is stored for the whole cache is less than this one page uncompressed would be.
    expect(pages.bytes).toBeLessThan(html.length);
    const plain = await get(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.equals(html)).toBe(true);
    const gz = await get(url, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).equals(html)).toBe(true);
  });

  it("keeps each coding in a buffer of its own size: zlib's output is a view of a 16 KB chunk", async () => {
    const page = Buffer.from("<p>a short page, a few hundred bytes once compressed</p>\n".repeat(60));
    for (const coding of ["br", "gzip"] as const) {
      const out = await compress(page, coding);
      expect(out.length, coding).toBeLessThan(1_000);
      expect(out.buffer.byteLength, coding).toBe(out.length);
    }
    const pooled = Buffer.from("small"); // a slot of Node's 8 KB pool
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    const copy = owned(pooled);
    expect([copy.buffer.byteLength, copy.toString()]).toEqual([5, "small"]);
    expect(owned(copy)).toBe(copy);
  });

  it("counts what an entry keeps alive, so many small pages cost what they weigh", async () => {
    const before = app.pageCache.stats().pages;
    const res = await get("/laws", BR); // not cached by the tests before this one
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    const after = app.pageCache.stats().pages;
    expect(after.entries).toBe(before.entries + 1);
    // The new entry: its key and its brotli body at its own size (before, 16 KB for any page).
    expect(after.bytes - before.bytes).toBe("/laws".length + res.rawPayload.length);
  });

  it("keeps large answers apart: they displace each other, never the pages", async () => {
    const small = ["/", "/laws", "/actors", "/laws/cybersecurity-law", "/glossary"];
    for (const url of small) expect((await get(url, BR)).statusCode).toBe(200);
    for (const url of ["/data/rules.json", "/penalties", "/data/rules.json", "/penalties"]) expect((await get(url, BR)).statusCode).toBe(200);
    for (const url of small) expect(app.pageCache.has(url), url).toBe(true);
    expect(app.pageCache.stats().large.entries).toBe(1);
  });

  it("stays within its byte budget, evicting the least recently used page first", async () => {
    const articles = [
      ...app.catalog.provisions.flatMap((p) => p.versionIds.map((v) => `/laws/${p.instrumentId}/${v}/art-${p.data.numbers[v]}`)),
      ...app.catalog.actors.flatMap((a) => ["instrument", "theme"].flatMap((group) => ["binding", "all"].map((include) => `/actors/${a.id}?group=${group}&include=${include}`))),
    ];
    expect(articles.length).toBeGreaterThan(40);
    await get("/", BR); // used again: the most recent before the articles
    for (const url of articles) expect((await get(url, BR)).statusCode, url).toBe(200);
    const { pages } = app.pageCache.stats();
    expect(pages.bytes).toBeLessThanOrEqual(LIMITS.pages.maxBytes);
    expect(app.pageCache.has(articles.at(-1) as string)).toBe(true);
    expect(app.pageCache.has("/actors")).toBe(false);
  });

  it("keeps a page asked for twice through a run of pages asked for once", async () => {
    const popular = "/laws/cybersecurity-law/2017-06-01/art-37?act=2020-01-01";
    await get(popular, BR);
    await get(popular, BR); // asked again: protected
    const once = Array.from({ length: 60 }, (_, i) => `/search?q=scan${i}`);
    const before = app.pageCache.stats().pages.bytes;
    for (const url of once) expect((await get(url, BR)).statusCode).toBe(200);
    // The run overflowed the budget many times over, and the popular page is still there.
    expect(app.pageCache.has(once[0] as string)).toBe(false);
    expect(app.pageCache.has(popular)).toBe(true);
    expect(app.pageCache.stats().pages.bytes).toBeLessThanOrEqual(LIMITS.pages.maxBytes);
    expect(before).toBeGreaterThan(0);
  });

  it("keeps the pages asked for most through hundreds of addresses asked for twice each (frequency-based admission)", async () => {
    const popular = ["/", "/laws/cybersecurity-law/2017-06-01/art-37", "/glossary"];
    for (let i = 0; i < 4; i++) for (const url of popular) expect((await get(url, BR)).statusCode).toBe(200);
    // Each address twice in a row: to a segmented LRU alone each looks as popular as the home page.
    for (let i = 0; i < 400; i++) {
      const url = `/search?q=twice${i}`;
      expect((await get(url, BR)).statusCode).toBe(200);
      expect((await get(url, BR)).statusCode).toBe(200);
    }
    for (const url of popular) expect(app.pageCache.has(url), url).toBe(true);
    expect(app.pageCache.stats().pages.bytes).toBeLessThanOrEqual(LIMITS.pages.maxBytes);
  });

  it("answers clients that ask for no compression from a kept copy, not by decompressing the brotli each time", async () => {
    const url = "/laws/cybersecurity-law";
    const compressed = await get(url, BR);
    const before = app.pageCache.stats().decompressions;
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await get(url));
    expect(answers.map((a) => [a.statusCode, a.headers["content-encoding"]])).toEqual(answers.map(() => [200, undefined]));
    for (const a of answers) expect(a.body).toBe(answers[0]?.body);
    expect(Buffer.compare(answers[0]?.rawPayload as Buffer, brotliDecompressSync(compressed.rawPayload))).toBe(0);
    expect(app.pageCache.stats().decompressions - before).toBeLessThanOrEqual(1);
    expect(app.pageCache.stats().identity.entries).toBeGreaterThan(0);
  });

  it("makes no entry for unknown parameters: they are a 400 or a redirect, never a page", async () => {
    const before = app.pageCache.stats();
    for (let i = 0; i < 30; i++) {
      expect((await get(`/laws?x=${i}`)).statusCode).toBe(301);
      expect((await get(`/data/rules.json?v=${i}`)).statusCode).toBe(301);
      expect((await get(`/provisions?x=${i}`)).statusCode).toBe(400);
      expect((await get(`/profile?actor=cii-operator&v=${i}`)).statusCode).toBe(400);
    }
    expect({ ...app.pageCache.stats(), peakRendering: 0 }).toEqual({ ...before, peakRendering: 0 });
  });

  it("gives back every render slot after requests for missing static files (a 404 runs the preHandler twice)", async () => {
    // Browsers ask for old hashed asset names after every deploy; each once took a second slot
    // and gave back one, and after a few of them every uncached page waited forever.
    const misses = await Promise.all(Array.from({ length: 50 }, (_, i) => get(`/static/missing${i}.css`)));
    expect(misses.map((m) => m.statusCode)).toEqual(misses.map(() => 404));
    expect(app.pageCache.stats()).toMatchObject({ rendering: 0, waiting: 0 });
    const fresh = await get("/search?q=after-missing-assets");
    expect(fresh.statusCode).toBe(200);
    expect(app.pageCache.stats()).toMatchObject({ rendering: 0, waiting: 0 });
  });

  it("gives HTML pages a Cache-Control, and errors no-store", async () => {
    for (const url of ["/", "/laws/cybersecurity-law/2017-06-01/art-37", "/provisions?instrument=cybersecurity-law"]) {
      const res = await get(url);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], url).toBe("public, max-age=300");
      const again = await get(url); // from the cache: the same header
      expect(again.headers["cache-control"]).toBe("public, max-age=300");
    }
    expect((await get("/nope")).headers["cache-control"]).toBe("no-store");
  });

  it("renders at most a few answers at once, and every request is answered", async () => {
    const urls = Array.from({ length: 24 }, (_, i) => `/search?q=word${i}`);
    const answers = await Promise.all(urls.map((url) => get(url, BR)));
    expect(answers.map((a) => a.statusCode)).toEqual(urls.map(() => 200));
    expect(app.pageCache.stats().peakRendering).toBe(LIMITS.concurrentMisses);
    // The slots are all free again: more requests go through at once.
    expect((await Promise.all(urls.map((url) => get(`${url}x`)))).every((a) => a.statusCode === 200)).toBe(true);
    expect(app.pageCache.stats()).toMatchObject({ rendering: 0, waiting: 0 });
  });

  it("ships with bounds that keep large answers to a small share", () => {
    expect(PAGE_CACHE_LIMITS.large.maxBytes).toBeLessThanOrEqual(PAGE_CACHE_LIMITS.pages.maxBytes / 2);
    expect(PAGE_CACHE_LIMITS.largeAnswer).toBeGreaterThan(200 * 1024); // an actor page (~150 KB) is a page
  });
});

describe("a large answer bigger than its segment until it is compressed", () => {
  // /penalties is ~17 KB uncompressed in the fixture and a few KB as brotli: a 10 KB segment
  // holds its brotli only. Counted by its uncompressed size, it was evicted as it was added and
  // rendered afresh for every request (the 10× synthetic register: 3.7 MB, 41 KB as brotli).
  let small: FastifyInstance;
  beforeAll(async () => {
    small = await buildTestApp({ production: true, pageCache: { ...LIMITS, large: { maxEntries: 4, maxBytes: 10_000 }, largeAnswer: 10_000 } });
  });
  afterAll(async () => {
    await small?.close();
  });

  it("is cached once its brotli fits", async () => {
    const first = await small.inject({ method: "GET", url: "/penalties", headers: BR });
    expect(first.statusCode).toBe(200);
    expect(brotliDecompressSync(first.rawPayload).length).toBeGreaterThan(10_000);
    expect(first.rawPayload.length).toBeLessThan(10_000);
    expect(small.pageCache.has("/penalties")).toBe(true);
    expect(small.pageCache.stats().large).toEqual({ entries: 1, bytes: "/penalties".length + first.rawPayload.length });
  });

  it("is dropped once compressed when even its brotli does not fit", async () => {
    const tiny = await buildTestApp({ production: true, pageCache: { ...LIMITS, large: { maxEntries: 4, maxBytes: 1_000 }, largeAnswer: 10_000 } });
    try {
      expect((await tiny.inject({ method: "GET", url: "/penalties", headers: BR })).statusCode).toBe(200);
      expect(tiny.pageCache.has("/penalties")).toBe(false);
      expect(tiny.pageCache.stats().large.bytes).toBe(0);
    } finally {
      await tiny.close();
    }
  });
});

