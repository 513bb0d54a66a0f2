// Static files: pages link to content-hashed names cached for a year; plain names revalidate.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_DIR, readAssets } from "../../src/plugins/static-files.js";
import { useTestApp } from "../helpers/test-app.js";

const t = useTestApp();

describe("static files", () => {
  it("links every page to the content-hashed names, one helper for all", async () => {
    const assets = readAssets();
    const html = (await t.get("/")).body;
    for (const name of ["style.css", "app.js", "favicon.svg"]) {
      const hashed = assets.get(name)?.hashed as string;
      expect(hashed).toMatch(/^[\w-]+\.[0-9a-f]{10}\.\w+$/);
      expect(html).toContain(`"/static/${hashed}"`);
      expect(html).not.toContain(`"/static/${name}"`);
    }
  });

  it("serves a hashed name for a year, immutable, with the file's bytes", async () => {
    for (const asset of readAssets().values()) {
      const res = await t.get(`/static/${asset.hashed}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.rawPayload.equals(await readFile(path.join(PUBLIC_DIR, asset.name)))).toBe(true);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
    expect((await t.get("/static/style.css")).headers["content-type"]).toMatch(/^text\/css/);
  });

  it("serves a plain name with revalidation, and no other hash", async () => {
    const res = await t.get("/static/style.css");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers.etag ?? res.headers["last-modified"]).toBeTruthy();
    expect((await t.get("/static/style.0000000000.css")).statusCode).toBe(404);
  });
});
