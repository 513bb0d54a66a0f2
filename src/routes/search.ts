// /search: citations jump straight to the article; everything else is full-text search over
// provisions, combinable with the /provisions facets. /glossary: the terms search expands.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { formatDate, permalink } from "../domain/citation.js";
import { closestMatches } from "../domain/closest-match.js";
import { InstrumentKind } from "../domain/rules-schema.js";
import { articleLabel } from "../domain/version-name.js";
import { carriedMemo } from "../memo/memo-items.js";
import { MemoCarry } from "../query/memo-carry.js";
import { facetParams, versionIdsOf } from "../query/facet-params.js";
import { filterProvisions } from "../query/provision-filter.js";
import { Page, pageOr404, parseQuery, SearchText, single } from "../query/query-params.js";
import { displayVersion } from "../query/versions.js";
import { citationTargets, parseCitationQuery } from "../search/citation-query.js";
import type { RankedHit } from "../search/search-index.js";
import { queryTokenize } from "../search/tokenize.js";
import { citationOptions } from "../view-models/citation-options.js";
import { KIND_LABELS, metaDescription, query as formatQuery } from "../view-models/format.js";
import { highlighter } from "../view-models/highlight.js";
import { NO_QUERY } from "../plugins/query-policy.js";

const PAGE_SIZE = 20;

// Where a result matched, as a reader would say it.
const FIELD_NAMES: Record<string, string> = {
  heading: "the heading",
  summary: "the summary",
  duties: "a duty or penalty trigger",
  actors: "the actors bound",
  themes: "the theme",
  terms: "a defined term",
  citation: "the citation",
  instrument: "the instrument's name",
  chapter: "the chapter",
  text: "the official Chinese text",
};

/** "Every word matches, in the heading and a duty, and the glossary term “decryption support”." */
function reasonFor(h: RankedHit, words: number): string {
  const where = [...new Set(h.fields.map((f) => FIELD_NAMES[f]).filter((f): f is string => !!f))];
  const places = where.length > 1 ? `${where.slice(0, -1).join(", ")} and ${where.at(-1)}` : (where[0] ?? "the text");
  const glossary = h.glossary.length ? `the glossary term${h.glossary.length > 1 ? "s" : ""} ${h.glossary.map((t) => `“${t.en}”`).join(", ")}` : "";
  if (h.allWords) return `${words > 1 ? "Every word matches" : "Matches"}, in ${places}${glossary ? `, and ${glossary}` : ""}.`;
  if (h.complete) return `Matches ${glossary}, in ${places}.`;
  return `Some of the words match, in ${places}${glossary ? `, and ${glossary}` : ""}.`;
}

const searchRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const index = app.searchIndex;
  const { instrument, actor, theme, sanction, bearer, version, kind } = facetParams(catalog);
  const Query = z.object({
    q: single(SearchText.optional()),
    instrument,
    kind,
    actor,
    theme,
    sanction,
    bearer,
    version,
    page: single(Page.default(1)),
    memo: MemoCarry, // the memo being built from the memo page (no JavaScript needed)
  });
  // "Did you mean": the names a reader may have been reaching for, each with where it leads.
  const names = [
    ...catalog.glossary.flatMap((t) => [t.en, t.zh, ...t.abbreviations, ...t.aliases].map((n) => ({ name: n, label: n === t.en ? t.en : `${n} (${t.en})`, href: `/search?q=${encodeURIComponent(t.en)}` }))),
    ...catalog.actors.flatMap((a) => [a.data.label.en, ...(a.data.label.zh ? [a.data.label.zh] : []), ...a.data.aliases].map((n) => ({ name: n, label: n === a.data.label.en ? `${n} (who is bound)` : `${n} (${a.data.label.en})`, href: `/actors/${a.id}` }))),
    ...catalog.instruments.flatMap((i) => [i.data.short.en, i.data.title.en, i.data.title.zh, ...i.data.aliases].map((n) => ({ name: n, label: n === i.data.title.en ? n : `${n} (${i.data.title.en})`, href: `/laws/${i.id}` }))),
  ];
  const byName = new Map(names.map((n) => [n.name.toLowerCase(), n]));
  const didYouMean = (query: string, engineSuggestions: string[]) => {
    const seen = new Set<string>();
    const out: { label: string; href: string }[] = [];
    const add = (x: { label: string; href: string } | undefined) => {
      if (x && !seen.has(x.href)) seen.add(x.href), out.push(x);
    };
    // A short word is close to many short names ("VPN" is two letters from "APP"): it must be
    // one edit away, a longer one a quarter of its length.
    const within = (s: string) => Math.max(1, Math.floor(s.length / 4));
    for (const n of closestMatches(query, byName.keys(), 8, within(query))) add(byName.get(n));
    for (const w of queryTokenize(query)) for (const n of closestMatches(w, byName.keys(), 3, within(w))) add(byName.get(n));
    for (const s of engineSuggestions) add({ label: s, href: `/search?q=${encodeURIComponent(s)}` });
    return out.slice(0, 8);
  };
  const filterOptions = {
    instrument: catalog.instruments.map((i) => ({ value: i.id, label: i.data.short.en })),
    kind: InstrumentKind.options.filter((k) => catalog.instruments.some((i) => i.data.kind === k)).map((k) => ({ value: k, label: KIND_LABELS[k] })),
    version: versionIdsOf(catalog).map((v) => ({ value: v, label: `text in force from ${formatDate(v)}` })),
  };

  app.get("/search", async (req, reply) => {
    const q = parseQuery(Query, req.query);
    const memo = carriedMemo(catalog, q.memo);
    const query = q.q ?? "";
    const filter = { instrument: q.instrument, actor: q.actor, theme: q.theme, sanction: q.sanction, bearer: q.bearer, version: q.version, status: [], kind: q.kind };
    const filtered = Object.values(filter).some((v) => v.length > 0);
    const citations = query ? parseCitationQuery(catalog, query) : [];
    const options = citationOptions(citationTargets(citations));
    // A citation that means one provision in every text goes straight to it.
    const only = citations.length === 1 ? citations[0] : undefined;
    if (!filtered && memo.length === 0 && only && only.candidates.length === 1 && options.length >= 1) {
      const c = only.candidates[0];
      const sameEverywhere = c && c.provision.versionIds.every((v) => c.provision.data.numbers[v] === only.number);
      if (sameEverywhere) {
        const v = displayVersion(only.instrument, c.provision);
        return reply.redirect(permalink(only.instrument.id, v, only.number), 302);
      }
    }
    const allowed = filtered ? new Set(filterProvisions(catalog, filter).map((p) => p.key)) : undefined;
    const ranked = query ? index.rank(query, allowed) : { hits: [], complete: 0, words: [] };
    const hits = ranked.hits;
    const state = { q: query, ...filter, status: undefined, memo: memo.length ? memo.join(",") : undefined };
    const { page, pages } = pageOr404(q.page, hits.length, PAGE_SIZE, (n) => `/search${formatQuery({ ...state, page: n === 1 ? "" : n })}`);
    const tokens = queryTokenize(query);
    const expansions = query ? index.expand(query) : [];
    const words = [...tokens, ...expansions.flatMap((t) => [t.en, t.zh, ...t.aliases].flatMap((n) => queryTokenize(n)))];
    const highlight = highlighter(words);
    const carry = memo.length ? `?memo=${memo.join(",")}` : "";
    const results = hits
      .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
      .map((h) => {
        const p = catalog.provisionByKey.get(h.key);
        const ins = p && catalog.instrumentById.get(p.instrumentId);
        if (!p || !ins) return undefined;
        const v = displayVersion(ins, p);
        const n = p.data.numbers[v] as string;
        const duty = p.data.obligations.map((o) => o.duty).join(" ");
        return {
          href: `${permalink(ins.id, v, n)}${carry}`,
          item: `${ins.id}/${v}/art-${n}`,
          label: articleLabel(ins, v, n),
          // The article in the instrument's other texts: a duty renumbered by an amendment is
          // one result, found under each of its numbers ("CSL Art. 39 (2026)" and "Art. 37 (2017)").
          otherTexts: p.versionIds.filter((x) => x !== v).map((x) => ({ label: articleLabel(ins, x, p.data.numbers[x] as string), href: `${permalink(ins.id, x, p.data.numbers[x] as string)}${carry}` })),
          instrument: ins.data.title.en,
          draft: ins.data.draft,
          heading: highlight(p.data.heading.en, 200),
          snippet: highlight(`${p.data.summary} ${duty}`, 240),
          why: reasonFor(h, ranked.words.length),
          complete: h.complete,
        };
      })
      .filter((r) => r !== undefined);
    return reply.viewAsync("pages/search", {
      title: query ? `Search: ${query}` : "Search",
      description: metaDescription(query ? `Search results for “${query}” in Chinese internet, security and civil-society law.` : "Search Chinese internet, security and civil-society law in English or Chinese, or jump to an article by its citation."),
      q: query,
      citations: options.map((o) => ({ ...o, href: `${o.href}${carry}` })),
      results,
      total: hits.length,
      complete: ranked.complete,
      multiword: ranked.words.length > 1,
      page,
      pages,
      state,
      filtered,
      filters: {
        instrument: filterOptions.instrument.map((o) => ({ ...o, selected: q.instrument.includes(o.value) })),
        kind: filterOptions.kind.map((o) => ({ ...o, selected: q.kind.includes(o.value as InstrumentKind) })),
        version: filterOptions.version.map((o) => ({ ...o, selected: q.version.includes(o.value) })),
      },
      tokens,
      memoCarry: memo.join(","),
      expansions: expansions.map((t) => ({ id: t.id, en: t.en, zh: t.zh })),
      suggestions: query && hits.length === 0 ? didYouMean(query, index.suggest(query)) : [],
    });
  });

  app.get("/glossary", NO_QUERY, async (_req, reply) => {
    const usedIn = new Map<string, { label: string; href: string }[]>();
    for (const p of catalog.provisions) {
      const ins = catalog.instrumentById.get(p.instrumentId);
      if (!ins) continue;
      const v = displayVersion(ins, p);
      for (const t of p.data.terms) usedIn.set(t, [...(usedIn.get(t) ?? []), { label: articleLabel(ins, v, p.data.numbers[v] as string), href: permalink(ins.id, v, p.data.numbers[v] as string) }]);
    }
    const terms = catalog.glossary.map((t) => {
      const def = t.definedIn ? catalog.provisionByKey.get(t.definedIn) : undefined;
      const defIns = def && catalog.instrumentById.get(def.instrumentId);
      const dv = defIns && def ? displayVersion(defIns, def) : undefined;
      return {
        ...t,
        definedIn: def && defIns && dv ? { label: articleLabel(defIns, dv, def.data.numbers[dv] as string), href: permalink(defIns.id, dv, def.data.numbers[dv] as string) } : undefined,
        actor: t.actor ? { id: t.actor, label: catalog.actorById.get(t.actor)?.data.label.en ?? t.actor } : undefined,
        usedIn: usedIn.get(t.id) ?? [],
      };
    });
    return reply.viewAsync("pages/glossary", { title: "Glossary", description: "The terms Chinese internet and security law uses, in English and Chinese, with abbreviations and where each is defined.", terms });
  });
};

export default searchRoutes;
