// /search: citations jump straight to the article; everything else is full-text search over
// provisions, combinable with the /provisions facets. /glossary: the terms search expands.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { formatDate, permalink } from "../domain/citation.js";
import { closestMatches } from "../domain/closest-match.js";
import { filterProvisions } from "../query/provision-filter.js";
import { Page, pageOr404, parseQuery, single, Text } from "../query/query-params.js";
import { query as formatQuery } from "../view-models/format.js";
import { facetParams } from "../query/facet-params.js";
import { citationTargets, parseCitationQuery, type CitationHit } from "../search/citation-query.js";
import { queryTokenize } from "../search/tokenize.js";
import { displayVersion } from "../query/versions.js";
import { highlighter } from "../view-models/highlight.js";
import { NO_QUERY } from "../plugins/query-policy.js";

const PAGE_SIZE = 20;

function citationOptions(hits: CitationHit[]) {
  return citationTargets(hits).map(({ instrument: ins, provision, versionId: v, number, now }) => {
    const version = ins.versions.find((x) => x.id === v);
    const note = now === undefined ? undefined : now ? `now Art. ${now}, since ${formatDate(ins.currentVersion)}` : "not in the current text";
    return { href: permalink(ins.id, v, number), label: `${ins.data.short.en} Art. ${number}${ins.versions.length > 1 ? ` (${version?.label ?? v})` : ""}`, heading: provision.data.heading.en, note };
  });
}

const searchRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const index = app.searchIndex;
  const { instrument, actor, theme, sanction, bearer, version } = facetParams(catalog);
  const Query = z.object({
    q: single(Text.optional()),
    instrument,
    actor,
    theme,
    sanction,
    bearer,
    version,
    page: single(Page.default(1)),
  });

  app.get("/search", async (req, reply) => {
    const q = parseQuery(Query, req.query);
    const query = q.q ?? "";
    const filter = { instrument: q.instrument, actor: q.actor, theme: q.theme, sanction: q.sanction, bearer: q.bearer, version: q.version, status: [], kind: [] };
    const filtered = Object.values(filter).some((v) => v.length > 0);
    const citations = query ? parseCitationQuery(catalog, query) : [];
    const options = citationOptions(citations);
    // A citation that means one provision in every text goes straight to it.
    const only = citations.length === 1 ? citations[0] : undefined;
    if (!filtered && only && only.candidates.length === 1 && options.length >= 1) {
      const c = only.candidates[0];
      const sameEverywhere = c && c.provision.versionIds.every((v) => c.provision.data.numbers[v] === only.number);
      if (sameEverywhere) {
        const v = displayVersion(only.instrument, c.provision);
        return reply.redirect(permalink(only.instrument.id, v, only.number), 302);
      }
    }
    const allowed = filtered ? new Set(filterProvisions(catalog, filter).map((p) => p.key)) : undefined;
    const hits = query ? index.search(query, allowed) : [];
    const state = { q: query, ...filter, status: undefined, kind: undefined };
    const { page, pages } = pageOr404(q.page, hits.length, PAGE_SIZE, (n) => `/search${formatQuery({ ...state, page: n === 1 ? "" : n })}`);
    const tokens = queryTokenize(query);
    const expansions = query ? index.expand(query) : [];
    const words = [...tokens, ...expansions.flatMap((t) => [t.en, t.zh, ...t.aliases].flatMap((n) => queryTokenize(n)))];
    const highlight = highlighter(words);
    const results = hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((h) => {
      const p = catalog.provisionByKey.get(h.key);
      const ins = p && catalog.instrumentById.get(p.instrumentId);
      if (!p || !ins) return undefined;
      const v = displayVersion(ins, p);
      const n = p.data.numbers[v] as string;
      const duty = p.data.obligations.map((o) => o.duty).join(" ");
      return {
        href: permalink(ins.id, v, n),
        label: `${ins.data.short.en} Art. ${n}${ins.versions.length > 1 ? ` (${ins.versions.find((x) => x.id === v)?.label})` : ""}`,
        instrument: ins.data.title.en,
        draft: ins.data.draft,
        heading: highlight(p.data.heading.en, 200),
        snippet: highlight(`${p.data.summary} ${duty}`, 240),
        why: `matched ${h.terms.map((t) => `“${t}”`).join(", ")} in ${h.fields.join(", ")}`,
      };
    }).filter((r) => r !== undefined);
    const glossaryNames = catalog.glossary.flatMap((t) => [t.en, t.zh, ...t.abbreviations]);
    return reply.viewAsync("pages/search", {
      title: query ? `Search: ${query}` : "Search",
      q: query,
      citations: options,
      results,
      total: hits.length,
      page,
      pages,
      state,
      filtered,
      tokens,
      expansions: expansions.map((t) => ({ id: t.id, en: t.en, zh: t.zh })),
      suggestions: query && hits.length === 0 ? [...new Set([...index.suggest(query), ...closestMatches(query, glossaryNames, 5)])].slice(0, 6) : [],
    });
  });

  app.get("/glossary", NO_QUERY, async (_req, reply) => {
    const usedIn = new Map<string, { label: string; href: string }[]>();
    for (const p of catalog.provisions) {
      const ins = catalog.instrumentById.get(p.instrumentId);
      if (!ins) continue;
      const v = displayVersion(ins, p);
      for (const t of p.data.terms) usedIn.set(t, [...(usedIn.get(t) ?? []), { label: `${ins.data.short.en} Art. ${p.data.numbers[v]}`, href: permalink(ins.id, v, p.data.numbers[v] as string) }]);
    }
    const terms = catalog.glossary.map((t) => {
      const def = t.definedIn ? catalog.provisionByKey.get(t.definedIn) : undefined;
      const defIns = def && catalog.instrumentById.get(def.instrumentId);
      const dv = defIns && def ? displayVersion(defIns, def) : undefined;
      return {
        ...t,
        definedIn: def && defIns && dv ? { label: `${defIns.data.short.en} Art. ${def.data.numbers[dv]}`, href: permalink(defIns.id, dv, def.data.numbers[dv] as string) } : undefined,
        actor: t.actor ? { id: t.actor, label: catalog.actorById.get(t.actor)?.data.label.en ?? t.actor } : undefined,
        usedIn: usedIn.get(t.id) ?? [],
      };
    });
    return reply.viewAsync("pages/glossary", { title: "Glossary", terms });
  });
};

export default searchRoutes;
