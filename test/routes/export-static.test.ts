// The static export on the fixture rules, into a temporary folder.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportStatic, fileFor, staticUrls, type ExportResult } from "../../src/cli/export-static.js";
import { loadRules } from "../../src/data/load-rules.js";
import { FIXTURE_RULES, visibleText } from "../helpers/test-app.js";

let tmp: string;
let out: string;
let result: ExportResult;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "cle-export-"));
  out = path.join(tmp, "site");
  result = await exportStatic({ outDir: out, rulesDir: FIXTURE_RULES });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});
const read = (file: string) => readFile(path.join(out, file), "utf8");

describe("npm run export:static", () => {
  it("derives the URLs from the catalog: every actor, instrument, version and article", async () => {
    const catalog = await loadRules(FIXTURE_RULES);
    const urls = staticUrls(catalog);
    expect(urls.actors).toHaveLength(catalog.actors.length + 3); // the list, every actor, /profile and /check
    expect(urls.contents).toHaveLength(catalog.instruments.reduce((n, i) => n + i.versions.length, 0));
    expect(urls["whole texts"]).toHaveLength(urls.contents?.length ?? -1);
    const articleCount = catalog.instruments.reduce((n, i) => n + i.versions.reduce((m, v) => m + i.provisions.filter((p) => p.data.numbers[v.id]).length, 0), 0);
    expect(urls.articles).toHaveLength(articleCount);
    expect(urls.articles).toContain("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(urls.changes).toContain("/penalties/changes?instrument=cybersecurity-law&from=2017-06-01&to=2026-01-01");
    expect(result.counts.articles).toBe(articleCount);
    expect(result.counts.static).toBeGreaterThanOrEqual(3);
  });

  it("writes each page as <path>/index.html with the page's content", async () => {
    expect(visibleText(await read("index.html"))).toContain("Cybersecurity Law of the People's Republic of China");
    expect(visibleText(await read("actors/cii-operator/index.html"))).toContain("Binds a critical information infrastructure operator directly");
    const article = await read("laws/cybersecurity-law/2017-06-01/art-37/index.html");
    expect(article).toContain('"@type":"Legislation"');
    expect(article).toContain("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(existsSync(path.join(out, "laws/cybersecurity-law/2026-01-01/index.html"))).toBe(true);
    expect(await read("laws/cybersecurity-law/2026-01-01/text/index.html")).toContain('id="art-39"'); // the whole text of each version
    expect(existsSync(path.join(out, "laws/foundations-draft/index.html"))).toBe(true);
    for (const f of ["actors/index.html", "profile/index.html", "check/index.html", "laws/index.html", "provisions/index.html", "penalties/index.html", "glossary/index.html", "penalties/changes/index.html", "404.html"]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(await read("penalties/changes/instrument=cybersecurity-law&from=2017-06-01&to=2026-01-01/index.html")).toContain("2017 text → 2026 text");
  });

  it("writes the CSV as a file and copies public/ to static/", async () => {
    const csv = await read("penalties.csv");
    expect(csv.split("\n")[0]).toMatch(/instrument/i);
    expect(csv).toContain("cybersecurity-law,66,2017-06-01,");
    expect(await read("static/style.css")).toContain("{");
  });

  it("maps URLs to files safely", () => {
    expect(fileFor("/")).toBe("index.html");
    expect(fileFor("/laws/csl/2017-06-01/art-37")).toBe(path.join("laws", "csl", "2017-06-01", "art-37", "index.html"));
    expect(fileFor("/penalties.csv")).toBe("penalties.csv");
    expect(fileFor("/penalties/changes?instrument=a&from=b")).toBe(path.join("penalties", "changes", "instrument=a&from=b", "index.html"));
    expect(() => fileFor("/a/%2E%2E/b")).toThrow(/refusing/);
  });

  it("fails on any answer that is not 200, and never empties a folder it did not write", async () => {
    await expect(exportStatic({ outDir: out, rulesDir: FIXTURE_RULES, urls: () => ({ pages: ["/", "/actors/no-such-actor"] }) })).rejects.toThrow(/404 \/actors\/no-such-actor/);
    const foreign = path.join(tmp, "foreign");
    await exportStatic({ outDir: foreign, rulesDir: FIXTURE_RULES, urls: () => ({ home: ["/"] }) });
    await writeFile(path.join(tmp, "foreign-file"), "x");
    await expect(exportStatic({ outDir: tmp, rulesDir: FIXTURE_RULES, urls: () => ({ home: ["/"] }) })).rejects.toThrow(/not empty/);
    expect(existsSync(path.join(tmp, "foreign-file"))).toBe(true);
  });
});
