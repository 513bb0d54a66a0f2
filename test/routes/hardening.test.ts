// Hardening found by a red team on the production build (issue 21, section 2 item 8): answers
// that were malformed, bare or inconsistent at the edges of HTTP.
import net from "node:net";
import type { FastifyInstance } from "fastify";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_LIMITS } from "../../src/config.js";
import { toCsv } from "../../src/view-models/csv.js";
import { buildTestApp } from "../helpers/test-app.js";

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = await buildTestApp({ production: true, http: { ...HTTP_LIMITS, maxRequestsPerSocket: 3 } });
  port = Number(new URL(await app.listen({ host: "127.0.0.1", port: 0 })).port);
});
afterAll(() => app.close());

/** Writes raw bytes on a new connection; resolves with everything read until the server closes it (or `wait` ms). */
function raw(bytes: string, wait = 2_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let out = "";
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(out);
    };
    const timer = setTimeout(done, wait);
    socket.on("data", (d) => (out += d.toString("latin1")));
    socket.on("close", done);
    socket.on("error", done);
    socket.write(bytes);
  });
}

/** The answers in a stream of HTTP/1.1 answers: status and lower-cased headers each. */
function answers(stream: string): { status: number; headers: Record<string, string> }[] {
  return [...stream.matchAll(/HTTP\/1\.1 (\d{3})[^\r\n]*\r\n((?:[^\r\n]+\r\n)*)\r\n/g)].map((m) => ({
    status: Number(m[1]),
    headers: Object.fromEntries((m[2] as string).split("\r\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()])),
  }));
}

const ITEMS = "items=cybersecurity-law/2017-06-01/art-37,counterterrorism-law/2016-01-01/art-84";

describe("the memo as .docx", () => {
  it("is well-formed XML even when its title holds U+FFFE or U+FFFF", async () => {
    const res = await app.inject({ url: `/memo.docx?${ITEMS}&title=${encodeURIComponent("Data\uFFFE memo\uFFFF x")}` });
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const parts = Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name));
    expect(parts.length).toBeGreaterThan(3);
    for (const [name, bytes] of parts) {
      const xml = strFromU8(bytes);
      expect({ name, bad: xml.match(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u)?.[0] }).toEqual({ name, bad: undefined });
    }
    expect(strFromU8(files["docProps/core.xml"] as Uint8Array)).toContain("<dc:title>Data memo x</dc:title>");
  });

  it("carries an ETag and Cache-Control, and a matching If-None-Match is a 304", async () => {
    const res = await app.inject({ url: `/memo.docx?${ITEMS}` });
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    const again = await app.inject({ url: `/memo.docx?${ITEMS}`, headers: { "if-none-match": String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });
});

describe("answers at the edges of HTTP", () => {
  it("answers a request past the per-connection limit with the site's 503 and its security headers, after a last answer that says Connection: close", async () => {
    const one = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    const got = answers(await raw(one.repeat(4)));
    expect(got.slice(0, 2).map((a) => [a.status, a.headers.connection])).toEqual([
      [200, "keep-alive"],
      [200, "keep-alive"],
    ]);
    expect(got[2]).toMatchObject({ status: 200, headers: { connection: "close" } });
    // Node may close before it reads the fourth; if it answers it, the answer is the site's.
    for (const a of got.slice(3)) expect(a).toMatchObject({ status: 503, headers: { "content-security-policy": expect.any(String), "x-content-type-options": "nosniff", "cache-control": "no-store" } });
  });

  it("answers the QUERY method, and another one HTTP does not define, with the documented 501 (problem+json under /api)", async () => {
    const page = answers(await raw("QUERY /laws HTTP/1.1\r\nHost: x\r\n\r\n"))[0];
    expect(page).toMatchObject({ status: 501, headers: { "content-type": "text/html; charset=utf-8", "x-content-type-options": "nosniff" } });
    const api = answers(await raw("PROPFIND /api/v1/actors HTTP/1.1\r\nHost: x\r\n\r\n"))[0];
    expect(api).toMatchObject({ status: 501, headers: { "content-type": "application/problem+json; charset=utf-8" } });
    expect((await app.inject({ method: "POST", url: "/laws" })).statusCode).toBe(405); // a method HTTP defines: 405 as before
  });

  it("refuses a body announced with Expect: 100-continue with a 413 and no '100 Continue' first", async () => {
    const stream = await raw("GET /laws HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
    expect(stream).not.toContain("100 Continue");
    expect(answers(stream)[0]).toMatchObject({ status: 413, headers: { connection: "close" } });
  });

  it("answers a Range request for a static file with the whole file, so a compressed answer never carries a range of another body", async () => {
    const res = await app.inject({ url: "/static/style.css", headers: { range: "bytes=0-99", "accept-encoding": "br" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-range"]).toBeUndefined();
    expect(res.headers["accept-ranges"]).toBeUndefined();
    expect(res.headers["content-encoding"]).toBe("br");
  });
});

describe("CSV exports", () => {
  it("neutralise a formula behind a leading tab or carriage return, as well as a leading = + - @", () => {
    expect(toCsv([["\t=HYPERLINK(1)", "\r=1+1", "=SUM(A1)", "-5", "plain"]])).toBe(`\uFEFF'\t=HYPERLINK(1),"'\r=1+1",'=SUM(A1),-5,plain\r\n`);
  });
});
