// An official text is shown only if it is the file the rules were checked against (its SHA-256
// is recorded on the version's `text:`): a corrupted, edited, oversized or missing text is a
// problem (npm run validate and check:texts fail on it, the server logs one warning), never
// served silently as the official text.
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { checkTextCoverage } from "../../../src/texts/check-text-coverage.js";
import { loadLawTexts, MAX_TEXT_BYTES, sha256Of } from "../../../src/texts/load-law-texts.js";
import { rulesLines } from "../../../src/texts/rules-lines.js";
import { FIXTURE_RULES, FIXTURE_TEXTS } from "../../helpers/test-app.js";

const TEXT_2016 = "网络安全法(2016-11-07).md";
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function textsWith(change: (file: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "texts-"));
  dirs.push(dir);
  await cp(FIXTURE_TEXTS, dir, { recursive: true });
  await change(path.join(dir, TEXT_2016));
  return dir;
}

const catalog = await loadRules(FIXTURE_RULES);

describe("the official texts' SHA-256", () => {
  it("is recorded in the fixture rules for each fixture text, which loads", async () => {
    const texts = await loadLawTexts(FIXTURE_TEXTS, catalog);
    expect([texts.problems, texts.loaded]).toEqual([[], 2]);
    const recorded = catalog.instruments.find((i) => i.id === "cybersecurity-law")?.versions.find((v) => v.id === "2017-06-01")?.text?.sha256;
    expect(recorded).toBe(sha256Of(await readFile(path.join(FIXTURE_TEXTS, TEXT_2016))));
  });

  it("keeps a text with 300 garbled bytes off the pages, says why, and fails validate", async () => {
    const dir = await textsWith(async (file) => {
      const bytes = await readFile(file);
      for (let i = 0; i < 300; i++) bytes[200 + i] = (i * 37 + 128) & 0xff;
      await writeFile(file, bytes);
    });
    const texts = await loadLawTexts(dir, catalog);
    expect(texts.status("cybersecurity-law", "2017-06-01")).toBe("unreadable");
    expect(texts.article("cybersecurity-law", "2017-06-01", "37")).toBeUndefined();
    expect(texts.problems.map((p) => [path.basename(p.file), p.message])).toEqual([[TEXT_2016, "the file is not valid UTF-8 (corrupted?): not shown"]]);
    expect(await checkTextCoverage(catalog, texts, rulesLines(FIXTURE_RULES))).toHaveLength(1); // validate and check:texts exit 1
  });

  it("keeps a text whose bytes differ from the recorded hash off the pages, naming both hashes", async () => {
    const dir = await textsWith(async (file) => writeFile(file, (await readFile(file, "utf8")).replace("五万元以上五十万元以下", "五万元以上五百万元以下")));
    const texts = await loadLawTexts(dir, catalog);
    expect(texts.status("cybersecurity-law", "2017-06-01")).toBe("unreadable");
    expect(texts.status("cybersecurity-law", "2026-01-01")).toBe("loaded"); // the other text is untouched
    const actual = sha256Of(await readFile(path.join(dir, TEXT_2016)));
    expect(texts.problems).toHaveLength(1);
    expect(texts.problems[0]?.message).toMatch(new RegExp(`^its SHA-256 is ${actual}, not the [0-9a-f]{64} the rules record for cybersecurity-law 2017-06-01`));
  });

  it("refuses a text of 50 MB or more unread, as one problem", async () => {
    const dir = await textsWith(async (file) => truncate(file, MAX_TEXT_BYTES));
    const texts = await loadLawTexts(dir, catalog);
    expect(texts.problems.map((p) => p.message)).toEqual(["the file is 50 MB, over the 50 MB an official text may be: not read"]);
    expect(texts.status("cybersecurity-law", "2017-06-01")).toBe("unreadable");
  });

  it("shows a text whose hash the rules do not record, and asks for it (with the hash to record)", async () => {
    const rules = await mkdtemp(path.join(tmpdir(), "rules-"));
    dirs.push(rules);
    await cp(FIXTURE_RULES, rules, { recursive: true });
    const file = path.join(rules, "cybersecurity-law.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/(date: 2016-11-07), sha256: [0-9a-f]{64}/, "$1"));
    const texts = await loadLawTexts(FIXTURE_TEXTS, await loadRules(rules));
    expect(texts.status("cybersecurity-law", "2017-06-01")).toBe("loaded");
    expect(texts.problems.map((p) => p.message)).toEqual([`the rules record no SHA-256 for this text (cybersecurity-law 2017-06-01): add sha256: ${sha256Of(await readFile(path.join(FIXTURE_TEXTS, TEXT_2016)))} to the version's text`]);
  });

  it("is checked at start-up: the server logs one warning for a corrupted text, and its article page shows no text", async () => {
    const dir = await textsWith(async (file) => writeFile(file, `${await readFile(file, "utf8")}\n`));
    const lines: string[] = [];
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", RULES_DIR: FIXTURE_RULES, LAW_TEXTS_DIR: dir }, { publicOrigin: "http://test.local" });
    const app = await buildApp(config, { catalog, logStream: { write: (l) => void lines.push(l) } });
    try {
      const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toMatch(/^official text .*网络安全法\(2016-11-07\)\.md: its SHA-256 is [0-9a-f]{64}, not the .*; this text is not shown/);
      const page = await app.inject({ url: "/laws/cybersecurity-law/2017-06-01/art-37" });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("could not be read on this server");
    } finally {
      await app.close();
    }
  });

  it("warns once at start-up when LAW_TEXTS_DIR is not a folder", async () => {
    const lines: string[] = [];
    const missing = path.join(tmpdir(), "no-such-folder-of-texts");
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", RULES_DIR: FIXTURE_RULES, LAW_TEXTS_DIR: missing }, { publicOrigin: "http://test.local" });
    const app = await buildApp(config, { catalog, logStream: { write: (l) => void lines.push(l) } });
    await app.close();
    const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
    expect(warnings.map((w) => w.msg)).toEqual([`official text ${missing}: LAW_TEXTS_DIR does not name a folder: no official text is shown`]);
  });
});
