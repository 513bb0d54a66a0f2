// The rules never change while the server runs, so a page is rendered once per URL and then
// served from memory. Every successful GET answer of a text type carries a strong ETag; a
// matching If-None-Match gets 304.
//
// Compression happens here for those answers, not per request: the page is stored once
// uncompressed and, the first time a client asks for it, once as brotli and once as gzip
// (chosen by Accept-Encoding, br preferred). Each coding is its own representation, so it has
// its own ETag ("<sha1>" identity, "<sha1>-br", "<sha1>-gz"), and every answer says
// Vary: Accept-Encoding. Everything else (static files, error pages) is compressed per request
// by @fastify/compress (plugins/compression.ts), which leaves an answer alone once it carries a
// Content-Encoding.
//
// Memory: a page is kept compressed. Once its brotli coding exists the uncompressed body is
// dropped (it is ~10× larger); a client that asks for it, or for gzip the first time, gets it
// decompressed from the brotli. The cache is bounded by entries and by bytes (every stored
// coding and the key counted), scan-resistant: a page asked for once is evicted before one asked
// for again, least recently used first (Segment, below). Answers over
// LARGE_ANSWER bytes uncompressed (the bulk data, a profile of fifty roles) live in a segment
// of their own with its own small budget: a few of them cannot push out thousands of pages.
// With the query policy (query-policy.ts) every cached URL is a page the site really has.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyReply } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import { TooManyRequestsError } from "../errors.js";

declare module "fastify" {
  interface FastifyInstance {
    pageCache: { has(url: string): boolean; stats(): Record<"pages" | "large" | "identity", { entries: number; bytes: number }> & { decompressions: number; peakRendering: number; rendering: number; waiting: number } }; // for tests and the bench
  }
}

export type Coding = "br" | "gzip" | "identity";

interface Entry {
  key: string;
  length: number; // bytes of the identity body
  identity?: Buffer; // dropped once the brotli coding exists (kept below COMPRESS_THRESHOLD)
  etags: Record<Coding, string>; // the identity body's, and one per coding
  type: string;
  headers: Record<string, string>; // route headers worth replaying, vary merged in
  coded: Partial<Record<"br" | "gzip", Buffer | Promise<Buffer>>>;
  segment?: Segment; // where it is counted, while cached
  size: number; // bytes counted: stored bodies and the key
}

/**
 * How often each address has been asked for, approximately, in little memory (a count-min
 * sketch of 4-bit counters, TinyLFU's): every GET counts, a hit or not. All counts are halved
 * after every 10 × width requests, so the counts follow what is popular now.
 */
export class FrequencySketch {
  private readonly rows: Uint8Array;
  private readonly mask: number;
  private additions = 0;
  constructor(expectedEntries: number) {
    const width = 2 ** Math.ceil(Math.log2(Math.max(64, expectedEntries * 2)));
    this.rows = new Uint8Array(width * 4);
    this.mask = width - 1;
  }

  private static hash(key: string): [number, number] {
    let h1 = 0x811c9dc5;
    let h2 = 0x9e3779b9;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    return [h1 >>> 0, (h2 >>> 0) | 1];
  }

  add(key: string): void {
    const [h1, h2] = FrequencySketch.hash(key);
    const width = this.mask + 1;
    for (let r = 0; r < 4; r++) {
      const at = r * width + ((h1 + r * h2) & this.mask);
      if ((this.rows[at] as number) < 15) this.rows[at] = (this.rows[at] as number) + 1;
    }
    if (++this.additions >= width * 10) {
      this.additions = 0;
      for (let i = 0; i < this.rows.length; i++) this.rows[i] = (this.rows[i] as number) >> 1;
    }
  }

  estimate(key: string): number {
    const [h1, h2] = FrequencySketch.hash(key);
    const width = this.mask + 1;
    let min = 15;
    for (let r = 0; r < 4; r++) min = Math.min(min, this.rows[r * width + ((h1 + r * h2) & this.mask)] as number);
    return min;
  }
}

/**
 * One bounded cache, scan-resistant (a segmented LRU): a new page waits in "probation"; asked for
 * again, it moves to "protected". Eviction takes the least recently used page on probation first,
 * so a run of URLs requested once each (a crawler, an attack) cycles through probation and never
 * pushes out the pages people keep asking for. Protected holds at most 80% of the bounds; its
 * least recently used page goes back on probation. (A Map iterates oldest first.)
 *
 * Admission (TinyLFU): when the segment is full, a new page gets in only if it has been asked
 * for at least as often as the page it would push out (by the frequency sketch). Asking for each of
 * thousands of addresses twice made every one of them "popular" to the segmented LRU alone, and
 * pushed out the home page; the sketch knows the home page was asked for far more.
 */
class Segment {
  private readonly probation = new Map<string, Entry>();
  private readonly protected = new Map<string, Entry>();
  private protectedBytes = 0;
  bytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
    private readonly frequency?: FrequencySketch,
    private readonly onEvict?: (entry: Entry) => void,
  ) {}

  get size(): number {
    return this.probation.size + this.protected.size;
  }

  get(key: string): Entry | undefined {
    return this.protected.get(key) ?? this.probation.get(key);
  }

  /** Whether a new page may enter: always while there is room, else only if asked for at least as often as the first page eviction would take. */
  admits(key: string, bytes: number): boolean {
    if (!this.frequency) return true;
    let entries = this.size + 1 - this.maxEntries;
    let over = this.bytes + bytes - this.maxBytes;
    const f = this.frequency.estimate(key);
    for (const list of [this.probation, this.protected]) {
      for (const [k, e] of list) {
        if (entries <= 0 && over <= 0) return true;
        if (this.frequency.estimate(k) > f) return false; // it would push out a page asked for more often
        entries--;
        over -= e.size;
      }
    }
    return true;
  }

  add(entry: Entry): void {
    entry.segment = this;
    entry.size = sizeOf(entry);
    this.probation.set(entry.key, entry);
    this.bytes += entry.size;
    // A page is judged by what it will keep, its brotli: until that exists (resize), its
    // uncompressed body may exceed the bounds (a register of many roles, 3.7 MB, is 41 KB).
    this.evict(entry, entry.length >= COMPRESS_THRESHOLD && !entry.coded.br);
  }

  /** A hit: a page on probation is promoted; a protected one becomes the most recent. */
  touch(entry: Entry): void {
    if (this.probation.delete(entry.key)) {
      this.protected.set(entry.key, entry);
      this.protectedBytes += entry.size;
      // Protected is bounded too: its least recent pages go back on probation.
      for (const [key, old] of this.protected) {
        if (this.protected.size <= this.maxEntries * 0.8 && this.protectedBytes <= this.maxBytes * 0.8) break;
        this.protected.delete(key);
        this.protectedBytes -= old.size;
        this.probation.set(key, old);
      }
      return;
    }
    this.protected.delete(entry.key);
    this.protected.set(entry.key, entry);
  }

  /** After an entry gained or dropped a body. */
  resize(entry: Entry): void {
    const size = sizeOf(entry);
    this.bytes += size - entry.size;
    if (this.protected.has(entry.key)) this.protectedBytes += size - entry.size;
    entry.size = size;
    this.evict(entry, false);
  }

  /**
   * Back within the bounds after `cause` was added or grew: least recent first, never a page
   * asked for more often than `cause` (then `cause` itself goes, unless it is `spared`: a page
   * whose brotli is not made yet, judged again when it is).
   */
  private evict(cause: Entry, spared: boolean): void {
    const within = () => this.size <= this.maxEntries && this.bytes <= this.maxBytes;
    const frequency = this.frequency?.estimate(cause.key);
    for (const list of [this.probation, this.protected]) {
      for (const [key, old] of list) {
        if (within()) return;
        if (old === cause) continue;
        if (frequency !== undefined && (this.frequency?.estimate(key) ?? 0) > frequency) continue;
        this.remove(old);
      }
    }
    if (!within() && !spared && cause.segment === this) this.remove(cause);
  }

  private remove(entry: Entry): void {
    const list = this.protected.has(entry.key) ? this.protected : this.probation;
    if (!list.delete(entry.key)) return;
    this.bytes -= entry.size;
    if (list === this.protected) this.protectedBytes -= entry.size;
    entry.segment = undefined;
    this.onEvict?.(entry);
  }
}

/**
 * Uncompressed copies of cached pages for clients that send no Accept-Encoding, least recently
 * used first out, within a byte budget of their own: without them every such answer was
 * decompressed from the brotli (8.6× slower, and garbage for the collector). A copy belongs to
 * its entry: an evicted page's copy is never served.
 */
class IdentityCopies {
  private readonly copies = new Map<Entry, Buffer>();
  bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.copies.size;
  }

  get(entry: Entry): Buffer | undefined {
    const copy = this.copies.get(entry);
    if (!copy) return undefined;
    if (!entry.segment) {
      this.drop(entry, copy);
      return undefined;
    }
    this.copies.delete(entry);
    this.copies.set(entry, copy); // the most recent
    return copy;
  }

  add(entry: Entry, body: Buffer): void {
    if (body.length > this.maxBytes / 8 || this.copies.has(entry)) return; // a large answer is not worth a share
    this.copies.set(entry, body);
    this.bytes += body.length;
    for (const [old, copy] of this.copies) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(old, copy);
    }
  }

  /** Its page left the cache. */
  forget(entry: Entry): void {
    const copy = this.copies.get(entry);
    if (copy) this.drop(entry, copy);
  }

  private drop(entry: Entry, copy: Buffer): void {
    this.copies.delete(entry);
    this.bytes -= copy.length;
  }
}

// What an entry keeps alive: the whole memory behind each buffer, not only its length (a buffer
// can be a view of a larger one: a slice of zlib's 16 KB output chunk, a slot in Node's pool).
function sizeOf(e: Entry): number {
  let n = e.key.length + (e.identity?.buffer.byteLength ?? 0);
  for (const b of Object.values(e.coded)) if (Buffer.isBuffer(b)) n += b.buffer.byteLength;
  return n;
}

/** `b` itself if it owns its memory exactly, else a copy that does. */
export function owned(b: Buffer): Buffer {
  if (b.byteOffset === 0 && b.buffer.byteLength === b.length) return b;
  const copy = Buffer.allocUnsafeSlow(b.length);
  b.copy(copy);
  return copy;
}

const CACHEABLE_TYPES = /^(text\/html|application\/json|text\/csv|text\/markdown|application\/atom\+xml|application\/schema\+json|image\/svg\+xml)/;
const REPLAYED_HEADERS = ["cache-control", "access-control-allow-origin", "content-disposition", "link", "vary"];
// HTML pages and other cacheable answers that set none: they change only with a deploy of
// new rules, and the ETag revalidates.
const DEFAULT_CACHE_CONTROL = "public, max-age=300";
export const COMPRESS_THRESHOLD = 1024; // smaller bodies go out as they are (as @fastify/compress does)

// Brotli quality 6: within ~10% of quality 11 on our pages at a tenth of the time (quality 11
// takes up to 100 ms on a 100 KB actor page). The window is no larger than the body: the same
// output, but the encoder's buffers (allocated per libuv thread, and kept by the allocator)
// stay small. Both codings run on the libuv thread pool. zlib returns a view of its 16 KB
// output chunk: a 3 KB page kept as it comes keeps 16 KB alive, so the cache keeps a copy of
// the exact size.
const brotli = promisify(zlib.brotliCompress);
const unbrotli = promisify(zlib.brotliDecompress);
const gzip = promisify(zlib.gzip);
export function compress(body: Buffer, coding: "br" | "gzip"): Promise<Buffer> {
  if (coding === "gzip") return gzip(body, { level: 6 }).then(owned);
  const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_LGWIN, BROTLI_PARAM_SIZE_HINT, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT, BROTLI_MIN_WINDOW_BITS, BROTLI_DEFAULT_WINDOW } = zlib.constants;
  const lgwin = Math.min(BROTLI_DEFAULT_WINDOW, Math.max(BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(body.length + 1))));
  return brotli(body, { params: { [BROTLI_PARAM_QUALITY]: 6, [BROTLI_PARAM_LGWIN]: lgwin, [BROTLI_PARAM_SIZE_HINT]: body.length, [BROTLI_PARAM_MODE]: BROTLI_MODE_TEXT } }).then(owned);
}

export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** The ETag of one coding of a body whose identity ETag is `etag` ("x" → "x-br"; W/ kept). */
export function codedEtag(etag: string, coding: Coding): string {
  if (coding === "identity") return etag;
  return etag.replace(/"$/, coding === "br" ? '-br"' : '-gz"');
}

/** br, gzip or identity for an Accept-Encoding header: highest q wins, br before gzip on a tie. */
export function negotiate(header: string | string[] | undefined): Coding {
  if (!header) return "identity";
  let br = 0;
  let gz = 0;
  let star: number | undefined;
  for (const part of (Array.isArray(header) ? header.join(",") : header).split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
    if (name === "br") br = q;
    else if (name === "gzip" || name === "x-gzip") gz = q;
    else if (name === "*") star = q;
  }
  if (star !== undefined) {
    if (!/(^|,)\s*br\b/i.test(String(header))) br = star;
    if (!/(^|,)\s*(x-)?gzip\b/i.test(String(header))) gz = star;
  }
  if (br > 0 && br >= gz) return "br";
  if (gz > 0) return "gzip";
  return "identity";
}

/** If-None-Match uses weak comparison (RFC 9110 13.1.2): W/ is ignored, "*" matches anything. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

function mergeVary(vary: string | undefined): string {
  if (!vary) return "Accept-Encoding";
  return /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
}

// Binary downloads built per request (the memo as .docx): not kept, but validated like a page.
const DOWNLOAD_TYPES = /^application\/vnd\.openxmlformats-officedocument\./;

/** A binary download gets the ETag of its bytes and the pages' Cache-Control; a match is a 304. */
function validated(ifNoneMatch: string | undefined, reply: FastifyReply, body: Buffer): Buffer | string {
  if (!DOWNLOAD_TYPES.test(String(reply.getHeader("content-type") ?? ""))) return body;
  const etag = (reply.getHeader("etag") as string | undefined) ?? etagOf(body);
  reply.header("etag", etag);
  if (!reply.hasHeader("cache-control")) reply.header("cache-control", DEFAULT_CACHE_CONTROL);
  if (!noneMatch(ifNoneMatch, etag)) return body;
  reply.code(304);
  return "";
}

export default fp<{ config: Readonly<Config>; enabled?: boolean }>(
  async (app, { config, enabled = config.production }) => {
    const limits = config.pageCache;
    const frequency = new FrequencySketch(limits.pages.maxEntries);
    const identities = new IdentityCopies(limits.identityBytes ?? 2 * 1024 * 1024);
    const pages = new Segment(limits.pages.maxEntries, limits.pages.maxBytes, frequency, (e) => identities.forget(e));
    const large = new Segment(limits.large.maxEntries, limits.large.maxBytes, frequency, (e) => identities.forget(e));
    const lookup = (url: string) => pages.get(url) ?? large.get(url);
    let decompressions = 0;
    app.decorate("pageCache", {
      has: (url: string) => lookup(url) !== undefined,
      stats: () => ({
        pages: { entries: pages.size, bytes: pages.bytes },
        large: { entries: large.size, bytes: large.bytes },
        identity: { entries: identities.size, bytes: identities.bytes },
        decompressions,
        peakRendering,
        rendering,
        waiting: waiting.size,
      }),
    });

    /** The uncompressed body: kept, or a copy kept for clients that ask for it, or decompressed from the brotli coding (and that copy kept). */
    const identityOf = async (entry: Entry): Promise<Buffer> => {
      if (entry.identity) return entry.identity;
      const copy = identities.get(entry);
      if (copy) return copy;
      decompressions++;
      const body = await unbrotli(await (entry.coded.br as Buffer | Promise<Buffer>));
      if (entry.segment) identities.add(entry, body);
      return body;
    };

    /** The body in the coding asked for, compressed at most once per entry and coding. */
    const codedBody = async (entry: Entry, coding: Coding): Promise<Buffer> => {
      if (coding === "identity") return identityOf(entry);
      const have = entry.coded[coding];
      if (have) return have;
      const pending = identityOf(entry).then((body) => compress(body, coding));
      entry.coded[coding] = pending;
      const done = await pending;
      entry.coded[coding] = done;
      if (coding === "br") entry.identity = undefined; // the brotli is its smaller copy
      entry.segment?.resize(entry);
      return done;
    };

    // Clients send few distinct Accept-Encoding values: remember the answer for each.
    const negotiated = new Map<string, Coding>();
    const codingFor = (entry: Entry, acceptEncoding: string | string[] | undefined): Coding => {
      if (entry.length < COMPRESS_THRESHOLD || !acceptEncoding) return "identity";
      const key = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : acceptEncoding;
      let coding = negotiated.get(key);
      if (coding === undefined) {
        coding = negotiate(key);
        if (negotiated.size < 256) negotiated.set(key, coding);
      }
      return coding;
    };

    // The cold path, bounded: a request the cache cannot answer waits for one of a few render
    // slots (a hit never does). A slot belongs to the request, not to a hook call: it is taken
    // once, however often the preHandler runs for that request (reply.callNotFound() from the
    // static files runs it again for the 404 page), and given back exactly once, when the answer
    // is written, or the client goes, or the socket is closed by a timeout (the response's
    // "close" event comes on every one of those paths).
    //
    // Per client address, at most perClientRenders requests hold or wait for a slot while the
    // slots are busy; more are a 429 at once, so a flood of expensive answers from one client
    // never fills the queue that everyone else waits in (when a slot is free, it is taken).
    let rendering = 0; // slots held
    let peakRendering = 0;
    const waiting = new Map<object, () => void>(); // in arrival order
    const slots = new WeakMap<object, "waiting" | "held" | "released">();
    const perClient = limits.perClientRenders;
    const byClient = new Map<string, number>(); // slots held or waited for, per client address
    const clientOf = new WeakMap<object, string>();
    const release = (req: object) => {
      const state = slots.get(req);
      if (state === undefined || state === "released") return;
      slots.set(req, "released");
      const client = clientOf.get(req);
      if (client !== undefined) {
        const n = (byClient.get(client) ?? 1) - 1;
        if (n > 0) byClient.set(client, n);
        else byClient.delete(client);
      }
      if (state === "waiting") {
        waiting.delete(req); // gave up before its turn
        return;
      }
      const [first] = waiting;
      if (!first) {
        rendering--;
        return;
      }
      waiting.delete(first[0]);
      slots.set(first[0], "held"); // the slot passes on
      first[1]();
    };
    app.addHook("preHandler", (req, reply, next) => {
      if (!enabled || slots.has(req)) return next();
      if (perClient !== undefined && !req.url.startsWith("/static/")) {
        // (Static files are not expensive, and a browser asks for several with each page.)
        const client = req.ip;
        const n = byClient.get(client) ?? 0;
        if (n >= perClient && rendering >= limits.concurrentMisses) return next(new TooManyRequestsError(`This address already has ${n} pages being prepared: wait for them, then ask again.`));
        byClient.set(client, n + 1);
        clientOf.set(req, client);
      }
      reply.raw.once("close", () => release(req));
      if (rendering < limits.concurrentMisses) {
        rendering++;
        peakRendering = Math.max(peakRendering, rendering);
        slots.set(req, "held");
        return next();
      }
      slots.set(req, "waiting");
      waiting.set(req, () => next());
    });
    app.addHook("onResponse", (req, _reply, next) => {
      release(req);
      next();
    });
    app.addHook("onRequestAbort", (req, next) => {
      release(req);
      next();
    });

    // Callback-style hooks: the hit path allocates no promise when the coding is ready.
    app.addHook("onRequest", (req, reply, next) => {
      if (!enabled || (req.method !== "GET" && req.method !== "HEAD")) return next();
      frequency.add(req.url);
      const hit = lookup(req.url);
      if (!hit) return next();
      hit.segment?.touch(hit);
      const coding = codingFor(hit, req.headers["accept-encoding"]);
      const etag = hit.etags[coding];
      reply.headers(hit.headers).header("etag", etag);
      if (noneMatch(req.headers["if-none-match"], etag)) {
        reply.code(304).send();
        return;
      }
      if (coding !== "identity") reply.header("content-encoding", coding);
      reply.type(hit.type);
      const ready = coding === "identity" ? (hit.identity ?? identities.get(hit)) : hit.coded[coding];
      if (Buffer.isBuffer(ready)) reply.send(ready);
      else codedBody(hit, coding).then((b) => reply.send(b), next);
    });

    app.addHook("onSend", (req, reply, payload, next) => {
      if ((req.method !== "GET" && req.method !== "HEAD") || reply.statusCode !== 200) return next(null, payload);
      if (Buffer.isBuffer(payload)) return next(null, validated(req.headers["if-none-match"], reply, payload));
      if (typeof payload !== "string") return next(null, payload);
      const type = String(reply.getHeader("content-type") ?? "");
      if (!CACHEABLE_TYPES.test(type) || reply.hasHeader("content-encoding")) return next(null, payload);
      if (!reply.hasHeader("cache-control")) reply.header("cache-control", DEFAULT_CACHE_CONTROL);
      const body = owned(Buffer.from(payload)); // a small one would keep a slot of Node's 8 KB pool
      const headers: Record<string, string> = {};
      for (const h of REPLAYED_HEADERS) {
        const v = reply.getHeader(h);
        if (v !== undefined) headers[h] = String(v);
      }
      headers.vary = mergeVary(headers.vary);
      const etag = (reply.getHeader("etag") as string | undefined) ?? etagOf(body);
      const etags = { identity: etag, br: codedEtag(etag, "br"), gzip: codedEtag(etag, "gzip") };
      const entry: Entry = { key: req.url, length: body.length, identity: body, etags, type, headers, coded: {}, size: 0 };
      if (enabled && !lookup(req.url) && headers["cache-control"] !== "no-store") {
        const segment = body.length > limits.largeAnswer ? large : pages;
        // Judged by the brotli it will keep (about a tenth of the page), before it exists.
        if (segment.admits(req.url, Math.ceil(body.length / 10) + req.url.length)) segment.add(entry);
      }
      const coding = codingFor(entry, req.headers["accept-encoding"]);
      reply.header("vary", headers.vary).header("etag", etags[coding]);
      if (noneMatch(req.headers["if-none-match"], etags[coding])) {
        reply.code(304);
        return next(null, "");
      }
      if (coding === "identity") return next(null, body);
      reply.header("content-encoding", coding);
      codedBody(entry, coding).then((b) => next(null, b), next);
    });
  },
  { name: "page-cache" },
);
