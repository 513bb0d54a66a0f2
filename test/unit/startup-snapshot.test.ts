// The start-up snapshot (src/data/snapshot.ts, src/startup.ts): written on a cold start, read on
// a warm one with the same answers as a start from scratch, and rebuilt, never trusted, when it
// is stale or corrupt.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import type { Catalog } from "../../src/domain/catalog.js";
import { snapshotPath } from "../../src/data/snapshot.js";
import { loadForStartup, type Loaded } from "../../src/startup.js";
import { FIXTURE_RULES, FIXTURE_TEXTS } from "../helpers/test-app.js";

let work: string;
let rulesDir: string;
let cacheDir: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "cle-snapshot-"));
  rulesDir = path.join(work, "rules");
  cacheDir = path.join(work, "cache");
  await cp(FIXTURE_RULES, rulesDir, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const configFor = (overrides: Partial<Config> = {}) =>
  loadConfig({ NODE_ENV: "test", RULES_DIR: rulesDir }, { publicOrigin: "http://test.local", lawTextsDir: FIXTURE_TEXTS, snapshotDir: cacheDir, ...overrides });

const start = (overrides: Partial<Config> = {}): Promise<Loaded> => loadForStartup(configFor(overrides));

const snapshotFiles = async () => (await readdir(cacheDir).catch(() => [] as string[])).filter((n) => n.startsWith("snapshot-"));

/** The catalog as JSON, Maps and Sets written out, so that two catalogs compare field by field. */
const catalogJson = (c: Catalog) => JSON.stringify(c, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

const QUERIES = ["real name", "实名", "network operator", "CSL 21", "personal informaton", "网络安全"];

describe("the start-up snapshot", () => {
  it("is written on a cold start, and read on the next one", async () => {
    const cold = await start();
    expect(cold.snapshot).toBe("written");
    expect(await snapshotFiles()).toHaveLength(1);
    const warm = await start();
    expect(warm.snapshot).toBe("read");
    expect(warm.notes.filter((n) => n.level === "warn")).toEqual([]);
  });

  it("gives the same catalog, search answers and suggestions as a start from the rules", async () => {
    await start();
    const warm = await start();
    const scratch = await start({ snapshotDir: undefined });
    expect(warm.snapshot).toBe("read");
    expect(scratch.snapshot).toBe("off");
    expect(catalogJson(warm.catalog)).toBe(catalogJson(scratch.catalog));
    expect(Object.isFrozen(warm.catalog.provisions[0]?.data)).toBe(true);
    expect(warm.searchIndex.size).toBe(scratch.searchIndex.size);
    for (const q of QUERIES) {
      expect(warm.searchIndex.rank(q), q).toEqual(scratch.searchIndex.rank(q));
      expect(warm.searchIndex.suggest(q), q).toEqual(scratch.searchIndex.suggest(q));
    }
    // A phrase of the official text finds its article through the restored index too.
    expect(warm.searchIndex.search("网络运营者").length).toBeGreaterThan(0);
  });

  describe("an app built from the snapshot and one built from scratch", () => {
    const apps: FastifyInstance[] = [];
    afterAll(async () => {
      await Promise.all(apps.map((a) => a.close()));
    });

    it("answer the catalog, searches and a register alike", async () => {
      const cold = await buildApp(configFor());
      const warm = await buildApp(configFor());
      const scratch = await buildApp(configFor({ snapshotDir: undefined }));
      apps.push(cold, warm, scratch);
      const urls = ["/api/v1/instruments", "/api/v1/actors", "/api/v1/search?q=real+name", "/api/v1/search?q=%E5%AE%9E%E5%90%8D", "/api/v1/register?actor=cii-operator", "/search?q=network+operator"];
      for (const url of urls) {
        const [a, b, c] = await Promise.all([warm, scratch, cold].map((app) => app.inject({ url })));
        expect(a?.statusCode, url).toBe(200);
        expect(a?.body, url).toBe(b?.body);
        expect(c?.body, url).toBe(b?.body);
      }
    });
  });

  it("is stale once a rules file changes: rebuilt from the rules, and the old one removed", async () => {
    await start();
    const [before] = await snapshotFiles();
    const file = path.join(rulesDir, "glossary.yaml");
    await writeFile(file, (await readFile(file, "utf8")) + "\n# an edit\n");
    const again = await start();
    expect(again.snapshot).toBe("written");
    const after = await snapshotFiles();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it("reflects the edited rules after a change, not the snapshot's", async () => {
    await start();
    const file = path.join(rulesDir, "catalog.yaml");
    const text = await readFile(file, "utf8");
    const asOf = /asOf: "?(\d{4}-\d{2}-\d{2})"?/.exec(text);
    expect(asOf).not.toBeNull();
    await writeFile(file, text.replace(asOf![0], asOf![0].replace(asOf![1]!, "2030-01-01")));
    const again = await start();
    expect(again.snapshot).toBe("written");
    expect(again.catalog.meta.asOf).toBe("2030-01-01");
  });

  it("is never trusted when bytes are flipped: rebuilt, with one warning", async () => {
    await start();
    const [name] = await snapshotFiles();
    const file = path.join(cacheDir, name!);
    const bytes = await readFile(file);
    for (const at of [bytes.length - 100, Math.floor(bytes.length / 2)]) bytes[at] = (bytes[at] as number) ^ 0x20;
    await writeFile(file, bytes);
    const again = await start();
    expect(again.snapshot).toBe("written");
    const warnings = again.notes.filter((n) => n.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/corrupt/);
    const scratch = await start({ snapshotDir: undefined });
    expect(catalogJson(again.catalog)).toBe(catalogJson(scratch.catalog));
    expect((await start()).snapshot).toBe("read");
  });

  it("is rebuilt when it is truncated, or its body is not what its header says", async () => {
    await start();
    const [name] = await snapshotFiles();
    const file = path.join(cacheDir, name!);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1000));
    const truncated = await start();
    expect(truncated.snapshot).toBe("written");
    expect(truncated.notes.filter((n) => n.level === "warn")).toHaveLength(1);
    await writeFile(file, "not a snapshot");
    const garbage = await start();
    expect(garbage.snapshot).toBe("written");
    expect(garbage.notes.filter((n) => n.level === "warn")).toHaveLength(1);
  });

  it("rebuilds the search index when the official texts differ from those it was built with", async () => {
    await start({ lawTextsDir: undefined });
    const withTexts = await start();
    expect(withTexts.snapshot).toBe("written");
    const scratch = await start({ snapshotDir: undefined });
    expect(withTexts.searchIndex.rank("网络运营者")).toEqual(scratch.searchIndex.rank("网络运营者"));
    expect((await start()).snapshot).toBe("read");
  });

  it("cannot be written to a folder that cannot be made: start-up goes on, with one warning", async () => {
    const blocker = path.join(work, "a-file");
    await writeFile(blocker, "");
    const loaded = await start({ snapshotDir: path.join(blocker, "cache") });
    expect(loaded.snapshot).toBe("not-written");
    const warnings = loaded.notes.filter((n) => n.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/cannot be written/);
    expect(loaded.searchIndex.rank("real name").hits.length).toBeGreaterThan(0);
  });

  it("is kept at the path its key names, outside the rules folder", async () => {
    await start();
    const [name] = await snapshotFiles();
    expect(path.dirname(snapshotPath(cacheDir, "0".repeat(64)))).toBe(cacheDir);
    expect(name).toMatch(/^snapshot-[0-9a-f]{32}\.json$/);
    expect(() => loadConfig({ NODE_ENV: "production", RULES_DIR: rulesDir, SNAPSHOT_DIR: path.join(rulesDir, "cache") })).toThrow(/inside RULES_DIR/);
    expect(loadConfig({ NODE_ENV: "test", RULES_DIR: rulesDir }).snapshotDir).toBeUndefined();
    expect(loadConfig({ NODE_ENV: "production", RULES_DIR: rulesDir, SNAPSHOT_DIR: "off" }).snapshotDir).toBeUndefined();
  });
});
