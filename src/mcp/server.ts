// The MCP server (Model Context Protocol, official SDK): the same catalog as the site and the
// API, as read-only tools for AI assistants. Each tool takes a Zod input schema and answers JSON
// carrying the data version, the date the law is read at and what the data covers. Something
// the data does not hold is `found: false` with the closest matches, never an empty success.
// Served over Streamable HTTP at /mcp (src/routes/mcp.ts) and over stdio (src/mcp/stdio.ts).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { QUERY_LIMITS } from "../config.js";
import { z } from "zod";
import { checkCitations, coverageOf } from "../citations/check-citations.js";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { citeArticle, permalink } from "../domain/citation.js";
import { closestMatches } from "../domain/closest-match.js";
import { applicablePenalty } from "../query/applicable-penalty.js";
import { parseRegisterRequest } from "../query/register-request.js";
import { buildRegister } from "../query/register.js";
import { penaltyRows } from "../query/penalty-table.js";
import { appliesIn, findByNumber, versionAt } from "../query/versions.js";
import { findCitations } from "../search/citation-query.js";
import type { SearchIndex } from "../search/search-index.js";
import type { LawTexts } from "../texts/load-law-texts.js";
import { articleLabel, versionName } from "../domain/version-name.js";

export interface McpDeps {
  catalog: Catalog;
  searchIndex: SearchIndex;
  lawTexts: LawTexts;
  origin: string; // absolute links
}

const Date_ = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

export function createMcpServer(deps: McpDeps): McpServer {
  const { catalog, origin } = deps;
  const server = new McpServer({ name: "china-law-explorer", version: catalog.meta.dataVersion }, { instructions: `Chinese internet, security, data and civil-society law as structured rules (${coverageOf(catalog)}). Every figure is read from the official text; cite articles with their text ("CSL Art. 39 (2026)").` });
  const envelope = (asAt: string) => ({ dataVersion: catalog.meta.dataVersion, asAt, coverage: coverageOf(catalog) });
  const answer = (body: Record<string, unknown>) => ({ content: [{ type: "text" as const, text: JSON.stringify(body) }], structuredContent: body });
  const abs = (href: string) => new URL(href, origin).href;

  /** An instrument by id, short name, title or alias: "cybersecurity-law", "CSL", "网络安全法". */
  const instrumentOf = (name: string): InstrumentEntry | undefined =>
    catalog.instrumentById.get(name) ?? findCitations(catalog, `${name} Art. 1`).find((c) => c.instrument)?.instrument;
  const instrumentNotFound = (name: string, asAt: string) =>
    answer({ ...envelope(asAt), found: false, message: `"${name}" is not an instrument this data covers.`, closest: closestMatches(name, catalog.instruments.flatMap((i) => [i.id, i.data.short.en]), 5) });

  /** An article by number, in a text named by version id, or in the text in force at a date. */
  const articleOf = (name: string, number: string, version: string | undefined, date: string) => {
    const ins = instrumentOf(name);
    if (!ins) return { missing: instrumentNotFound(name, date) };
    const v = version ?? versionAt(ins, date) ?? ins.versions[0]?.id;
    if (!v || !ins.versions.some((x) => x.id === v)) return { missing: answer({ ...envelope(date), found: false, message: `The ${ins.data.short.en} has no text ${version}.`, closest: ins.versions.map((x) => x.id) }) };
    const p = findByNumber(ins, v, number.replace(/^art(?:icle)?\.?\s*-?/i, ""));
    if (!p) {
      const numbers = ins.provisions.map((q) => q.data.numbers[v]).filter((n): n is string => n !== undefined);
      return { missing: answer({ ...envelope(date), found: false, message: `The ${versionName(ins, v)} of the ${ins.data.short.en} has no Art. ${number} in the rules.`, closest: closestMatches(number, numbers, 5, 1) }) };
    }
    return { ins, p, v };
  };

  server.registerTool(
    "search",
    { title: "Search provisions", description: "Full-text search (English, Chinese, abbreviations, citations such as \"CSL 37\") over every provision; returns permalinks.", inputSchema: { query: z.string().min(1).max(QUERY_LIMITS.searchQuery), limit: z.number().int().min(1).max(50).default(10) }, annotations: { title: "Search provisions", ...READ_ONLY } },
    async ({ query, limit }) => {
      const hits = deps.searchIndex.rank(query).hits.slice(0, limit);
      const results = hits.flatMap((h) => {
        const p = catalog.provisionByKey.get(h.key);
        const ins = p && catalog.instrumentById.get(p.instrumentId);
        if (!p || !ins) return [];
        const v = p.versionIds.includes(ins.currentVersion) ? ins.currentVersion : (p.versionIds.at(-1) as string);
        return [{ label: articleLabel(ins, v, p.data.numbers[v] as string), heading: p.data.heading.en, url: abs(permalink(ins.id, v, p.data.numbers[v] as string)), score: Math.round(h.score * 1000) / 1000 }];
      });
      if (!results.length) return answer({ ...envelope(catalog.meta.asOf), found: false, query, message: "No provision matches.", closest: closestMatches(query, catalog.glossary.flatMap((g) => [g.en, g.zh]), 5) });
      return answer({ ...envelope(catalog.meta.asOf), found: true, query, results });
    },
  );

  server.registerTool(
    "get_article",
    {
      title: "Get an article",
      description: "One article of one text: duties, penalty ladder, citations, its number in the other texts, and the official Chinese paragraphs where the server has the official texts.",
      inputSchema: { instrument: z.string().min(1).describe('id or name: "cybersecurity-law", "CSL", "网络安全法"'), article: z.string().min(1).describe('"37", "287-2"'), version: Date_.optional().describe("the text, by its in-force date (2017-06-01)"), date: Date_.optional().describe("or the date at which the text in force is wanted (default: the data's as-of date)") },
      annotations: { title: "Get an article", ...READ_ONLY },
    },
    async ({ instrument, article, version, date }) => {
      const asAt = date ?? version ?? catalog.meta.asOf;
      const r = articleOf(instrument, article, version, asAt);
      if ("missing" in r) return r.missing as ReturnType<typeof answer>;
      const { ins, p, v } = r;
      const number = p.data.numbers[v] as string;
      const text = deps.lawTexts.article(ins.id, v, number);
      return answer({
        ...envelope(asAt),
        found: true,
        instrument: ins.id,
        version: v,
        versionName: versionName(ins, v),
        number,
        label: articleLabel(ins, v, number),
        heading: p.data.heading,
        summary: p.data.summary.trim(),
        url: abs(permalink(ins.id, v, number)),
        citations: citeArticle(ins, v, number),
        numbers: p.data.numbers,
        renumbered: Object.entries(p.data.numbers).filter(([x, n]) => x !== v && n !== number).map(([x, n]) => ({ version: x, number: n, label: articleLabel(ins, x, n) })),
        obligations: p.data.obligations.filter((o) => appliesIn(o.versions, p, v)),
        penalties: p.data.penalties.filter((t) => appliesIn(t.versions, p, v)),
        officialText: text ? { language: "zh", paragraphs: text.paragraphs.map((para) => ({ number: para.number, text: para.text, items: para.items.map((i) => ({ number: i.number, text: i.text })) })) } : null,
        officialTextNote: text ? undefined : "The official text of this version is not loaded on this server (LAW_TEXTS_DIR).",
      });
    },
  );

  server.registerTool(
    "check_citations",
    { title: "Check citations", description: "Every citation in a text (memo, clause, AI answer; English or Chinese) resolved at a date, and every figure beside it compared with the article's figures.", inputSchema: { text: z.string().min(1).max(QUERY_LIMITS.citationText), at: Date_.optional().describe("default: the data's as-of date") }, annotations: { title: "Check citations", ...READ_ONLY } },
    async ({ text, at }) => {
      const report = checkCitations(catalog, text, at ?? catalog.meta.asOf, at ? "given" : "data", deps.lawTexts);
      return answer({ ...report, found: report.citations.length > 0, ...(report.citations.length ? {} : { message: "No citation found in the text." }) });
    },
  );

  server.registerTool(
    "obligations",
    { title: "Obligations of roles", description: "The compliance register: every duty that binds the roles (actor ids, or questionnaire answers), with its penalty ladder.", inputSchema: { actors: z.array(z.string()).max(QUERY_LIMITS.roles).default([]).describe("actor ids, e.g. cii-operator"), answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}).describe("questionnaire answers, e.g. { service: 'instant-messaging', cii: 'yes' }"), at: Date_.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50).describe("rows per answer: a register can hold hundreds of duties") }, annotations: { title: "Obligations of roles", ...READ_ONLY } },
    async ({ actors, answers, at, offset, limit }) => {
      const asAt = at ?? catalog.meta.asOf;
      const unknown = actors.filter((a) => !catalog.actorById.has(a));
      if (unknown.length) return answer({ ...envelope(asAt), found: false, message: `Unknown actor ${unknown.map((a) => `"${a}"`).join(", ")}.`, closest: unknown.flatMap((a) => closestMatches(a, catalog.actorById.keys(), 3)) });
      const req = parseRegisterRequest(catalog, { ...answers, actor: actors, ...(at ? { at } : {}) });
      if (!req.actorIds.length) return answer({ ...envelope(asAt), found: false, message: "No role given: name actors or answer the questionnaire.", closest: catalog.actors.filter((a) => a.depth <= 1).map((a) => a.id).slice(0, 10) });
      const register = buildRegister(catalog, req.actorIds, req.filter);
      const rows = register.duties.slice(offset, offset + limit).map((d) => {
        const ins = catalog.instrumentById.get(d.provision.instrumentId) as InstrumentEntry;
        return {
          article: articleLabel(ins, d.versionId, d.number),
          url: abs(permalink(ins.id, d.versionId, d.number)),
          duty: d.obligation.duty,
          general: d.general,
          ladder: [...d.tiers, ...d.referred].map((t) => ({ tier: t.key, trigger: t.tier.trigger, sanctions: t.tier.sanctions })),
        };
      });
      const next = offset + limit < register.duties.length ? { nextOffset: offset + limit } : {};
      return answer({ ...envelope(register.date), found: true, actors: req.actorIds, total: register.duties.length, offset, count: rows.length, ...next, rows });
    },
  );

  server.registerTool(
    "applicable_penalty",
    {
      title: "Applicable penalty",
      description:
        "Which text's penalty applies to an act, given the act date (for an act that went on, its first and last day) and the decision date (Administrative Penalty Law Arts. 29 and 37, Criminal Law Art. 12). Follows the conduct across renumbered and deleted articles, compares the two ladders step by step and bearer by bearer, and answers cannot-tell, with the reasons, where the data cannot decide. The same answer as the article page and the API.",
      inputSchema: { instrument: z.string().min(1), article: z.string().min(1), version: Date_.optional().describe("the text the article number is read in (default: the text in force at the act)"), act: Date_.describe("the day of the act, or the last day of an act that went on"), from: Date_.optional().describe("the first day of an act that went on over a period"), decided: Date_.optional() },
      annotations: { title: "Applicable penalty", ...READ_ONLY },
    },
    async ({ instrument, article, version, act, from, decided }) => {
      const r = articleOf(instrument, article, version, act);
      if ("missing" in r) return r.missing as ReturnType<typeof answer>;
      const result = applicablePenalty(catalog, r.ins, r.p, act, decided ?? catalog.meta.asOf, from, r.v);
      return answer({ ...envelope(decided ?? catalog.meta.asOf), found: true, article: articleLabel(r.ins, r.v, r.p.data.numbers[r.v] as string), result });
    },
  );

  server.registerTool(
    "compare_penalties",
    { title: "Compare penalties", description: "The penalty tiers of 2 to 6 articles side by side, by bearer.", inputSchema: { articles: z.array(z.object({ instrument: z.string().min(1), article: z.string().min(1), version: Date_.optional() })).min(2).max(6) }, annotations: { title: "Compare penalties", ...READ_ONLY } },
    async ({ articles }) => {
      const asAt = catalog.meta.asOf;
      const rows = penaltyRows(catalog);
      const out: Record<string, unknown>[] = [];
      for (const a of articles) {
        const r = articleOf(a.instrument, a.article, a.version, asAt);
        if ("missing" in r) return r.missing as ReturnType<typeof answer>;
        const p: ProvisionEntry = r.p;
        const mine = rows.filter((row) => row.provision.key === p.key && row.versionIds.includes(r.v));
        out.push({ article: articleLabel(r.ins, r.v, p.data.numbers[r.v] as string), url: abs(permalink(r.ins.id, r.v, p.data.numbers[r.v] as string)), tiers: mine.map((row) => ({ step: row.levelLabel, trigger: row.trigger, bearer: row.bearer, fine: row.fineText, relative: row.relativeText, custody: row.custodyText, other: row.other })) });
      }
      return answer({ ...envelope(asAt), found: true, articles: out });
    },
  );
  return server;
}
