import { readFile, readdir } from "node:fs/promises";
import { sanctionsOf } from "../../src/domain/penalty-arithmetic.js";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { schemaFileText, SCHEMA_DIR } from "../../src/cli/write-schemas.js";
import { RULES_SCHEMAS, type RulesSchemaName } from "../../src/data/rules-json-schema.js";
import { useTestApp, REAL_RULES } from "../helpers/test-app.js";

const server = useTestApp();
const get = server.get;

describe("bulk data", () => {
  it("/data/rules.json is the whole validated catalog with its data version and date", async () => {
    const res = await get("/data/rules.json");
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const doc = res.json();
    expect(doc).toMatchObject({ dataVersion: "fixture-1", asOf: "2026-06-01" });
    expect(doc.instruments.map((i: { id: string }) => i.id)).toContain("cybersecurity-law");
    const provisions = doc.instruments.flatMap((i: { provisions: unknown[] }) => i.provisions).length;
    expect(provisions).toBe(server.app.catalog.provisions.length);
  });

  it("/data/penalties.csv has every tier of every instrument, drafts included", async () => {
    const res = await get("/data/penalties.csv");
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    const tiersByBearer = server.app.catalog.provisions.flatMap((p) => p.data.penalties.flatMap((t) => [...new Set(sanctionsOf(t).map((s) => s.bearer))]));
    expect(lines.length - 1).toBe(tiersByBearer.length);
  });

  it("serves the JSON Schemas of the rules files, and an unknown file is a 404 with suggestions", async () => {
    for (const name of Object.keys(RULES_SCHEMAS)) {
      const res = await get(`/data/${name}`);
      expect(res.headers["content-type"]).toMatch(/^application\/schema\+json/);
      expect(res.json().$id).toBe(`http://test.local/data/${name}`);
    }
    const missing = await get("/data/nope.json");
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('href="/data/rules.schema.json"');
  });
});

describe("the JSON Schemas of the rules files", () => {
  const compile = (name: RulesSchemaName) => new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(schemaFileText(name)));

  it("accept every real rules file", async () => {
    const names = (await readdir(REAL_RULES)).filter((n) => n.endsWith(".yaml"));
    const special: Record<string, RulesSchemaName> = { "actors.yaml": "actors.schema.json", "glossary.yaml": "glossary.schema.json", "catalog.yaml": "catalog.schema.json", "questionnaire.yaml": "questionnaire.schema.json" };
    const validators = new Map<RulesSchemaName, ReturnType<typeof compile>>();
    for (const n of names) {
      const schemaName = special[n] ?? "rules.schema.json";
      const validate = validators.get(schemaName) ?? compile(schemaName);
      validators.set(schemaName, validate);
      const ok = validate(parseYaml(await readFile(path.join(REAL_RULES, n), "utf8"), { schema: "core" }));
      expect(ok, `${n}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    }
    expect(names.length).toBeGreaterThan(30);
  });

  it("reject what the loader rejects: unknown keys, a bad slug, a missing field", async () => {
    const validate = compile("rules.schema.json");
    const good = parseYaml(await readFile(path.join(REAL_RULES, "counterterrorism-law.yaml"), "utf8"), { schema: "core" });
    expect(validate({ ...good, colour: "red" })).toBe(false);
    expect(validate({ ...good, id: "Not A Slug" })).toBe(false);
    const { versions: _v, ...noVersions } = good;
    expect(validate(noVersions)).toBe(false);
  });

  it("the copies in rules/schema/ are up to date (run npm run schema)", async () => {
    for (const name of Object.keys(RULES_SCHEMAS) as RulesSchemaName[]) {
      expect(await readFile(path.join(SCHEMA_DIR, name), "utf8"), name).toBe(schemaFileText(name));
    }
  });
});

describe("Atom feeds of amendments and changes", () => {
  it("/feed.atom lists every instrument's dated events, newest first, with stable ids", async () => {
    const res = await get("/feed.atom");
    expect(res.headers["content-type"]).toMatch(/^application\/atom\+xml/);
    const xml = res.body;
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain("<id>tag:china-law-explorer.invalid,2026:cybersecurity-law/in-force/2026-01-01</id>");
    const dates = [...xml.matchAll(/<entry>[\s\S]*?<updated>(\d{4}-\d{2}-\d{2})T/g)].map((m) => m[1] as string);
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect((await get("/feed.atom")).body).toBe(xml);
  });

  it("an instrument's feed says what a new text renumbered", async () => {
    const xml = (await get("/laws/cybersecurity-law/feed.atom")).body;
    expect(xml).toMatch(/<title>CSL: [^<]+<\/title>/);
    expect(xml).toMatch(/Of the articles encoded here: \d+ new, \d+ deleted, \d+ renumbered\./);
    expect(xml).not.toContain("counterterrorism-law/");
  });

  it("an actor's feed follows the instruments that bind it, and unknown ids are 404", async () => {
    const xml = (await get("/actors/telecom-operator/feed.atom")).body;
    expect(xml).toContain("counterterrorism-law/");
    expect((await get("/actors/nobody/feed.atom")).statusCode).toBe(404);
    expect((await get("/laws/nothing/feed.atom")).statusCode).toBe(404);
  });

  it("pages link their feeds", async () => {
    expect((await get("/")).body).toContain('<link rel="alternate" type="application/atom+xml" title="Amendments and changes" href="/feed.atom">');
    expect((await get("/laws/cybersecurity-law")).body).toContain('href="/laws/cybersecurity-law/feed.atom"');
  });
});
