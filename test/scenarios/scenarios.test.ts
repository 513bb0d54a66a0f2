// The golden scenarios: worked cases read from the official texts (test/scenarios/*.yaml), run
// against the app on the real rules through the JSON API. A failing scenario names itself, what
// it expects and what the site answered. A scenario is never edited to match the site: the code
// or the rules are fixed, or the scenario says in `note` why the law is unclear.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../src/domain/catalog.js";
import { parseRegisterRequest } from "../../src/query/register-request.js";
import { findByNumber } from "../../src/query/versions.js";
import { buildTestApp, REAL_RULES } from "../helpers/test-app.js";
import { loadScenarios, scenarioInstrument } from "./load-scenarios.js";
import type { CitationScenario, CompanyScenario, ExpectedDuty, SearchScenario, TimeScenario } from "./scenario-schema.js";
import type { z } from "zod";

const { scenarios, problems } = loadScenarios();

let app: FastifyInstance;
let catalog: Catalog;
beforeAll(async () => {
  app = await buildTestApp({}, REAL_RULES);
  catalog = (app as unknown as { catalog: Catalog }).catalog;
});
afterAll(async () => {
  await app?.close();
});

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await app.inject({ method: "GET", url });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = res.body.slice(0, 300);
  }
  return { status: res.statusCode, body };
}

const show = (v: unknown) => JSON.stringify(v);

/** "http://host/laws/cybersecurity-law/2026-01-01/art-61" → the provision the rules number so. */
function provisionAt(url: string): { key?: string; pinned: string } {
  const m = /\/laws\/([^/]+)\/([^/]+)\/art-([^/?#]+)/.exec(url);
  if (!m) return { pinned: url };
  const [, insId, version, number] = m as unknown as [string, string, string, string];
  const ins = catalog.instrumentById.get(insId);
  const p = ins ? findByNumber(ins, version, number) : undefined;
  return { key: p?.key, pinned: `${insId}/${version}/art-${number}` };
}

/** The fixed RMB fines a register tier states for one bearer ("Fine RMB 10,000–50,000", "Fine up to RMB 1,000,000"). */
function fines(lines: readonly string[]): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  const num = (s: string) => Number(s.replace(/,/g, ""));
  for (const line of lines) {
    for (const m of line.matchAll(/(?<![Cc]riminal )\b[Ff]ine (up to |≥ )?RMB ([\d,]+)(?:–([\d,]+))?/g)) {
      const [, bound, a, b] = m;
      const lo = bound === "up to " ? undefined : num(a as string);
      const hi = bound === "≥ " ? Infinity : b ? num(b) : num(a as string);
      if (lo !== undefined) min = min === undefined ? lo : Math.min(min, lo);
      max = max === undefined ? hi : Math.max(max, hi);
    }
  }
  return { min, max };
}

interface RegisterRow {
  key: string;
  tiers: { article: { label: string; url: string }; when: string; criminal: boolean; entity: string[]; managers: string[]; individual: string[] }[];
}

async function register(roles: string[], at?: string): Promise<{ rows: RegisterRow[]; error?: string }> {
  const rows: RegisterRow[] = [];
  const qs = new URLSearchParams();
  for (const r of roles) qs.append("actor", r);
  if (at) qs.set("at", at);
  qs.set("per_page", "200");
  for (let page = 1; ; page++) {
    qs.set("page", String(page));
    const { status, body } = await getJson(`/api/v1/register?${qs}`);
    if (status !== 200) return { rows, error: `/api/v1/register?${qs} answered ${status}: ${show(body)}` };
    rows.push(...body.data);
    if (page >= body.meta.pages) return { rows };
  }
}

function checkDuty(row: RegisterRow | undefined, want: z.infer<typeof ExpectedDuty>): string[] {
  if (!row) return [`duty ${want.key} is missing from the register`];
  const out: string[] = [];
  const articles = row.tiers.map((t) => provisionAt(t.article.url));
  const keys = new Set(articles.map((a) => a.key));
  const carried = `it carries ${show([...new Set(row.tiers.map((t) => t.article.label))])}`;
  for (const p of want.penalties) if (!keys.has(p)) out.push(`duty ${want.key} should carry the penalty of ${p}; ${carried}`);
  for (const p of want.notPenalties) if (keys.has(p)) out.push(`duty ${want.key} should not carry the penalty of ${p}; ${carried}`);
  const ft = want.firstTier;
  if (ft) {
    const firstArticle = ft.article ?? want.penalties[0];
    const tier = row.tiers.find((t, i) => !t.criminal && (firstArticle === undefined || articles[i]?.key === firstArticle));
    if (!tier) out.push(`duty ${want.key}: no administrative tier${firstArticle ? ` of ${firstArticle}` : ""} to read the first tier from; ${carried}`);
    else {
      const got = { entity: fines(tier.entity), managers: fines(tier.managers), individual: fines(tier.individual) };
      const pairs: [string, number | undefined, number | undefined][] = [
        ["entityFineMin", ft.entityFineMin, got.entity.min],
        ["entityFineMax", ft.entityFineMax, got.entity.max],
        ["managersFineMin", ft.managersFineMin, got.managers.min],
        ["managersFineMax", ft.managersFineMax, got.managers.max],
        ["individualFineMin", ft.individualFineMin, got.individual.min],
        ["individualFineMax", ft.individualFineMax, got.individual.max],
      ];
      for (const [name, wanted, actual] of pairs) {
        if (wanted !== undefined && wanted !== actual) {
          out.push(`duty ${want.key}: first tier (${tier.article.label}, "${tier.when}") ${name} should be ${wanted}, the site says ${actual ?? "none"} (entity ${show(tier.entity)}, managers ${show(tier.managers)}, individual ${show(tier.individual)})`);
        }
      }
    }
  }
  return out;
}

async function runCompany(s: z.infer<typeof CompanyScenario>): Promise<string[]> {
  let roles = s.roles ?? [];
  if (s.answers) {
    // As a query string gives them: one value as a string, several as a list.
    const answers = Object.fromEntries(Object.entries(s.answers).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
    const derived = parseRegisterRequest(catalog, { ...answers, actor: s.roles ?? [] });
    roles = derived.actorIds;
  }
  const { rows, error } = await register(roles, s.at);
  if (error) return [error];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out = s.expect.duties.flatMap((d) => checkDuty(byKey.get(d.key), d));
  for (const key of s.expect.absent) {
    if (key.includes("#")) {
      if (byKey.has(key)) out.push(`duty ${key} should not be in the register`);
    } else {
      const carriers = rows.filter((r) => r.tiers.some((t) => provisionAt(t.article.url).key === key)).map((r) => r.key);
      if (carriers.length > 0) out.push(`no duty should carry the penalty of ${key}; these do: ${carriers.join(", ")}`);
    }
  }
  if (out.length > 0) out.unshift(`roles: ${roles.join(", ")}${s.at ? ` at ${s.at}` : ""}; ${rows.length} duties`);
  return out;
}

/** Query parameters of the applicable-penalty operation for an act, or an act that went on from one date to another. */
function actParams(s: z.infer<typeof TimeScenario>): Record<string, string> {
  // The API takes a continuing act as its first day (from) and its last (act).
  return s.act ? { act: s.act } : { from: s.actStart as string, act: s.actEnd as string };
}

async function runTime(s: z.infer<typeof TimeScenario>): Promise<string[]> {
  const qs = new URLSearchParams({ ...actParams(s), decided: s.decided });
  const url = `/api/v1/provisions/${s.instrument}/${s.version}/art-${s.article}/applicable-penalty?${qs}`;
  const { status, body } = await getJson(url);
  if (status !== 200) return [`${url} answered ${status}: ${show(body)}`];
  const out: string[] = [];
  const reasons = [body.reasons, body.reason].flat().filter((r) => typeof r === "string").join(" ");
  const answered = `the site answered ${show({ outcome: body.outcome, applies: body.applies, article: body.article, reasons: body.reasons ?? body.reason })}`;
  if (body.outcome !== s.expect.outcome) out.push(`outcome should be ${s.expect.outcome}; ${answered}`);
  if (s.expect.version !== undefined && body.applies !== s.expect.version) out.push(`the text that applies should be ${s.expect.version}; ${answered}`);
  if (s.expect.article !== undefined && body.article?.number !== s.expect.article) out.push(`the article that applies should be Art. ${s.expect.article}; ${answered}`);
  if (s.expect.because !== undefined && !reasons.toLowerCase().includes(s.expect.because.toLowerCase())) out.push(`the reasons should say "${s.expect.because}"; ${answered}`);
  return out;
}

async function runSearch(s: z.infer<typeof SearchScenario>): Promise<string[]> {
  const url = `/api/v1/search?${new URLSearchParams({ q: s.query, per_page: "10" })}`;
  const { status, body } = await getJson(url);
  if (status !== 200) return [`${url} answered ${status}: ${show(body)}`];
  const top = (body.data as { key: string; label: string; url: string }[]).slice(0, 3);
  const hit = top.find((r) => r.key === s.expect.top3 && (s.expect.version === undefined || r.url.includes(`/${s.expect.version}/`)));
  return hit ? [] : [`${s.expect.top3}${s.expect.version ? ` (${s.expect.version})` : ""} should be among the first three results; the site answered ${show(top.map((r) => `${r.key} ${r.label}`))}`];
}

async function runCitation(s: z.infer<typeof CitationScenario>): Promise<string[]> {
  const url = `/api/v1/search?${new URLSearchParams({ q: s.citation })}`;
  const { status, body } = await getJson(url);
  if (status !== 200) return [`${url} answered ${status}: ${show(body)}`];
  const named = (body.citations as { label: string; url: string }[]).map((c) => provisionAt(c.url));
  const answered = `the site named ${show(named.map((n) => (n.key ? `${n.pinned} (${n.key})` : n.pinned)))}`;
  const out: string[] = [];
  for (const want of s.expect.resolves) {
    const got = named.find((n) => n.pinned === want.article);
    if (!got) out.push(`"${s.citation}" should name ${want.article}; ${answered}`);
    else if (want.provision !== undefined && got.key !== want.provision) out.push(`${want.article} should be the article ${want.provision} in the rules; ${answered}`);
  }
  if (s.expect.only) {
    const extra = named.filter((n) => !s.expect.resolves.some((w) => w.article === n.pinned));
    if (extra.length > 0) out.push(`"${s.citation}" should name nothing else; ${answered}`);
  }
  return out;
}

describe("golden scenarios", () => {
  it("every scenario file validates and every id is unique", () => {
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("at least 150 scenarios across at least 20 instruments, every instrument with a penalty article among them", () => {
    const byInstrument = new Set(scenarios.map((s) => scenarioInstrument(s.scenario)));
    expect(scenarios.length).toBeGreaterThanOrEqual(150);
    expect(byInstrument.size).toBeGreaterThanOrEqual(20);
    // Instruments whose official text the project does not hold cannot have a scenario read from it.
    const noOfficialTextHeld = new Set(["law-firm-measures", "lawyer-practice-measures", "credit-punishment-opinions", "telephone-real-identity-regulations"]);
    const uncovered = catalog.instruments
      .filter((i) => !i.data.draft && !noOfficialTextHeld.has(i.id) && i.provisions.some((p) => p.data.penalties.length > 0))
      .map((i) => i.id)
      .filter((id) => !byInstrument.has(id));
    expect(uncovered, `instruments with a penalty article and no scenario: ${uncovered.join(", ")}`).toEqual([]);
  });

  it("every basis names an instrument of the rules", () => {
    const unknown = scenarios.flatMap(({ file, scenario }) => scenario.basis.filter((b) => !catalog.instrumentById.has(b.split(" ")[0] as string)).map((b) => `${file} ${scenario.id}: ${b}`));
    expect(unknown, unknown.join("\n")).toEqual([]);
  });

  describe.each([...new Set(scenarios.map((s) => s.file))])("%s", (file) => {
    it.each(scenarios.filter((s) => s.file === file).map((s) => [`${s.scenario.id} (${s.scenario.kind})`, s.scenario] as const))("%s", async (_name, s) => {
      const failures =
        s.kind === "company" ? await runCompany(s) : s.kind === "time" ? await runTime(s) : s.kind === "search" ? await runSearch(s) : await runCitation(s);
      const message = [`scenario ${s.id} (${file}, ${s.kind}; from ${s.basis.join("; ")})`, ...failures.map((f) => `  - ${f}`), ...(s.note ? [`  note: ${s.note}`] : [])].join("\n");
      expect(failures, message).toEqual([]);
    });
  });
});
