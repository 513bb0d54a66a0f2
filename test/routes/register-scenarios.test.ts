// The questionnaire's golden scenarios (test/scenarios/questionnaire.yaml), on the real rules:
// each answer lands on the regulated category, and the register of /profile.csv lists the duties
// the scenario names, each with its penalty article, and none of those it says are absent.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { REAL_RULES, useTestApp } from "../helpers/test-app.js";
import { parseCsv } from "../helpers/csv.js";

interface Scenario {
  id: string;
  basis: string[];
  answers?: Record<string, string[]>;
  roles?: string[];
  at?: string;
  expect: { duties?: { key: string; penalties?: string[] }[]; absent?: string[] };
}

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "../scenarios/questionnaire.yaml");
const scenarios = load(readFileSync(FILE, "utf8")) as Scenario[];

const t = useTestApp(REAL_RULES);

function registerUrl(s: Scenario): string {
  const q = new URLSearchParams();
  for (const [k, values] of Object.entries(s.answers ?? {})) for (const v of values) q.append(k, String(v));
  for (const r of s.roles ?? []) q.append("actor", r);
  if (s.at) q.set("at", s.at);
  return `/profile.csv?${q}`;
}

describe("the questionnaire's golden scenarios", () => {
  it("has one scenario per id, each read from named articles", () => {
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(s.basis.length, s.id).toBeGreaterThan(0);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))("%s", async (_id, s) => {
    const res = await t.get(registerUrl(s));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const [header, ...rows] = parseCsv(res.body.replace(/^\uFEFF/, ""));
    const id = header?.indexOf("obligation_id") ?? -1;
    const penalties = header?.indexOf("penalty_article_ids") ?? -1;
    expect(id).toBeGreaterThanOrEqual(0);
    const byKey = new Map(rows.map((r) => [r[id] as string, (r[penalties] ?? "").split(" | ").filter(Boolean)]));
    for (const d of s.expect.duties ?? []) {
      expect(byKey.has(d.key), `${d.key} listed`).toBe(true);
      for (const p of d.penalties ?? []) expect(byKey.get(d.key), `${d.key} punished under ${p}`).toContain(p);
    }
    const everyPenalty = new Set([...byKey.values()].flat());
    for (const a of s.expect.absent ?? []) {
      expect(byKey.has(a), `${a} not listed`).toBe(false);
      expect(everyPenalty.has(a), `${a} not among the penalties`).toBe(false);
    }
  });
});
