// Per-client caps (issue 21, section 2 items 2 and 3): one client address cannot hold every
// connection, nor every render slot, and a connection that sends nothing is closed.
import net from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_LIMITS, loadConfig, PAGE_CACHE_LIMITS } from "../../src/config.js";
import { buildTestApp } from "../helpers/test-app.js";

let app: FastifyInstance;
let port: number;
const PER_CLIENT = 3;

beforeAll(async () => {
  app = await buildTestApp({
    production: true,
    http: { ...HTTP_LIMITS, maxConnectionsPerClient: PER_CLIENT, firstByteTimeout: 400 },
    pageCache: { ...PAGE_CACHE_LIMITS, concurrentMisses: 2, perClientRenders: 1 },
  });
  port = Number(new URL(await app.listen({ host: "127.0.0.1", port: 0 })).port);
});
afterAll(() => app.close());

interface Conn {
  socket: net.Socket;
  received: () => string;
  closed: Promise<void>;
}

async function connect(): Promise<Conn> {
  const socket = net.connect(port, "127.0.0.1");
  let out = "";
  socket.on("data", (d) => (out += d.toString("latin1")));
  socket.on("error", () => undefined);
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return { socket, received: () => out, closed };
}
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("connections per client address", () => {
  it("answers one connection over the cap with a 503 that carries the security headers, and closes it; the others keep working", async () => {
    const held = await Promise.all(Array.from({ length: PER_CLIENT }, connect));
    const extra = await connect();
    expect(await within(extra.closed, 2_000)).toBe(true);
    expect(extra.received()).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(extra.received()).toMatch(/\r\nx-content-type-options: nosniff\r\n/);
    expect(extra.received()).toMatch(/\r\nretry-after: 1\r\n/);
    // A held connection still gets pages.
    const first = held[0] as Conn;
    first.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    await new Promise((r) => setTimeout(r, 200));
    expect(first.received()).toMatch(/^HTTP\/1\.1 200 OK/);
    // Once one is closed, a new one is accepted.
    first.socket.destroy();
    await first.closed;
    await new Promise((r) => setTimeout(r, 50));
    const next = await connect();
    next.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    await new Promise((r) => setTimeout(r, 200));
    expect(next.received()).toMatch(/^HTTP\/1\.1 200 OK/);
    for (const c of [...held, next]) c.socket.destroy();
  });

  it("closes a connection that sends nothing within the first-byte timeout, and not one that has sent a request", async () => {
    await new Promise((r) => setTimeout(r, 100)); // the sockets of the test above are gone
    const silent = await connect();
    const talking = await connect();
    talking.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(await within(silent.closed, 1_500)).toBe(true);
    expect(silent.received()).toBe("");
    expect(await within(talking.closed, 200)).toBe(false);
    expect(talking.received()).toMatch(/^HTTP\/1\.1 200 OK/);
    talking.socket.destroy();
  });
});

describe("renders per client address", () => {
  it("answers a client's uncached requests beyond its share of busy render slots with a 429 and Retry-After (problem+json under /api), while another client is served", async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `/search?q=flood${i}`);
    const [flood, other] = await Promise.all([
      Promise.all(urls.map((url) => app.inject({ url }))),
      app.inject({ url: "/search?q=other", remoteAddress: "10.0.0.2" }),
    ]);
    const statuses = flood.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const refused = flood.find((r) => r.statusCode === 429);
    expect(refused?.headers["retry-after"]).toBe("1");
    expect(refused?.headers["cache-control"]).toBe("no-store");
    expect(other.statusCode).toBe(200);
    const api = await Promise.all(Array.from({ length: 4 }, (_, i) => app.inject({ url: `/api/v1/search?q=api${i}` })));
    const apiRefused = api.find((r) => r.statusCode === 429);
    expect(apiRefused?.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    // Every slot is given back.
    expect(app.pageCache.stats()).toMatchObject({ rendering: 0, waiting: 0 });
    expect((await app.inject({ url: "/search?q=after" })).statusCode).toBe(200);
  });

  it("are not capped when PER_CLIENT_LIMITS=off (a load test whose clients share one address)", () => {
    const config = loadConfig({ NODE_ENV: "production", PER_CLIENT_LIMITS: "off" });
    expect([config.pageCache.perClientRenders, config.http.maxConnectionsPerClient]).toEqual([undefined, 0]);
    const on = loadConfig({ NODE_ENV: "production" });
    expect([on.pageCache.perClientRenders, on.http.maxConnectionsPerClient]).toEqual([2, 32]);
  });
});
