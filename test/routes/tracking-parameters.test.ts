// Shared links carry tracking parameters (utm_*, fbclid, gclid …): a page or a feed redirects to
// the address without them, the API ignores them, and any other unknown parameter is refused as
// before (src/plugins/query-policy.ts).
import { describe, expect, it } from "vitest";
import { isTrackingParameter, TRACKING_PARAMETERS, withoutTracking } from "../../src/plugins/query-policy.js";
import { buildTestApp, useTestApp } from "../helpers/test-app.js";

const server = useTestApp();

describe("tracking parameters", () => {
  it.each([
    ["an article", "/laws/cybersecurity-law/2017-06-01/art-37?utm_source=newsletter", "/laws/cybersecurity-law/2017-06-01/art-37"],
    ["an article, with several trackers", "/laws/cybersecurity-law/2017-06-01/art-37?utm_source=a&utm_campaign=b&fbclid=c", "/laws/cybersecurity-law/2017-06-01/art-37"],
    ["a register", "/actors/cii-operator?scope=all&gclid=xyz", "/actors/cii-operator?scope=all"],
    ["a profile", "/profile?actor=cii-operator&msclkid=1&mc_cid=2&mc_eid=3", "/profile?actor=cii-operator"],
    ["a search", "/search?utm_medium=social&q=data&igshid=9", "/search?q=data"],
    ["the penalties table", "/penalties?ref=twitter&_hsenc=p2", "/penalties"],
    ["a feed", "/feed.atom?dclid=1", "/feed.atom"],
  ])("on %s: a 301 to the same address without them, other parameters kept in order", async (_what, url, location) => {
    const res = await server.get(url);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(location);
    const landed = await server.get(location);
    expect(landed.statusCode).toBe(200);
  });

  it("keeps the other parameters byte for byte (their encoding unchanged)", async () => {
    const res = await server.get("/search?q=%E7%BD%91%E7%BB%9C+data&utm_source=x");
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe("/search?q=%E7%BD%91%E7%BB%9C+data");
  });

  it("still answers another unknown parameter with a 400 that names it, after removing the trackers", async () => {
    const direct = await server.get("/search?q=data&zz=1");
    expect(direct.statusCode).toBe(400);
    expect(direct.body).toContain("zz");
    const mixed = await server.get("/search?q=data&zz=1&utm_source=x");
    expect(mixed.statusCode).toBe(301);
    expect(mixed.headers.location).toBe("/search?q=data&zz=1");
    expect((await server.get(mixed.headers.location as string)).statusCode).toBe(400);
  });

  it("under /api, ignores them (the same answer as without them), and refuses another unknown parameter", async () => {
    const plain = await server.get("/api/v1/actors");
    const tracked = await server.get("/api/v1/actors?utm_source=newsletter&fbclid=abc");
    expect(tracked.statusCode).toBe(200);
    expect(tracked.body).toBe(plain.body);
    const unknown = await server.get("/api/v1/actors?zz=1&utm_source=newsletter");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const openapi = await server.get("/api/v1/openapi.json?utm_source=x");
    expect(openapi.statusCode).toBe(200);
  });

  it("caches the page once, under the address without them (production settings)", async () => {
    const app = await buildTestApp({ production: true });
    try {
      const url = "/laws/cybersecurity-law/2017-06-01/art-24";
      for (const tracker of ["utm_source=a", "utm_source=b", "fbclid=c"]) {
        const res = await app.inject(`${url}?${tracker}`);
        expect(res.statusCode).toBe(301);
        await app.inject(res.headers.location as string);
      }
      expect(app.pageCache.has(url)).toBe(true);
      expect(app.pageCache.has(`${url}?utm_source=a`)).toBe(false);
      const before = app.pageCache.stats().pages.entries;
      await app.inject("/api/v1/actors?utm_source=z");
      await app.inject("/api/v1/actors?utm_source=y");
      expect(app.pageCache.has("/api/v1/actors")).toBe(true);
      expect(app.pageCache.stats().pages.entries).toBe(before + 1);
    } finally {
      await app.close();
    }
  });

  it.each([
    ["utm_source", true],
    ["UTM_Campaign", true],
    ["utm_anything", true],
    ["fbclid", true],
    ["ref", true],
    ["_hsenc", true],
    ["reference", false],
    ["q", false],
    ["utm", false],
  ])("reads %s as a tracking parameter: %s", (name, tracking) => {
    expect(isTrackingParameter(name)).toBe(tracking);
  });

  it("names every tracker in one list", () => {
    for (const name of ["utm_*", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "_hsenc"]) expect(TRACKING_PARAMETERS).toContain(name);
    expect(withoutTracking("a=1&b=2")).toBeUndefined();
    expect(withoutTracking("utm_source=1")).toBe("");
  });
});
