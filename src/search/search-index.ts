// Full-text search over provisions with MiniSearch and our tokenizer. Queries are expanded
// with glossary synonyms (实名 ↔ real name ↔ real identity); Chinese terms match exactly,
// Latin words by prefix and, when long enough, with light fuzziness.
//
// MiniSearch builds the index; queries run in QueryEngine (engine.ts), which gives MiniSearch's
// own answers faster and keeps the index in flat arrays.
import type { Options } from "minisearch";
import type { Catalog, ProvisionEntry } from "../domain/catalog.js";
import type { GlossaryTerm } from "../domain/rules-schema.js";
import { THEME_LABELS } from "../domain/theme-labels.js";
import { NO_TEXTS, type LawTexts } from "../texts/load-law-texts.js";
import { articleText, type TextArticle } from "../texts/parse-law-text.js";
import { QueryEngine, type EngineSnapshot } from "./engine.js";
import { indexTokenize, isHan, queryTerm, queryTokenize, stem } from "./tokenize.js";

export interface SearchDoc {
  id: string; // provision key
  instrument: string;
  heading: string;
  chapter: string;
  summary: string;
  duties: string;
  actors: string;
  themes: string;
  terms: string;
  citation: string;
  text: string; // the official Chinese text of every loaded version, when LAW_TEXTS_DIR is set
}

const FIELDS = ["heading", "chapter", "summary", "duties", "actors", "themes", "terms", "citation", "instrument", "text"] as const;
// The official text is long and repeats the law's stock phrases in every article: it counts for
// less than our own words, but lets a phrase quoted from the law find its article.
const BOOST = { citation: 4, heading: 3, chapter: 0.3, terms: 2, actors: 1.5, duties: 1.2, instrument: 1, summary: 1, themes: 1, text: 0.5 };

export function documentFor(catalog: Catalog, p: ProvisionEntry, texts: LawTexts = NO_TEXTS): SearchDoc {
  const ins = catalog.instrumentById.get(p.instrumentId);
  const d = p.data;
  const actorIds = [...new Set(d.obligations.flatMap((o) => o.actors))];
  const actorText = actorIds.flatMap((id) => {
    const a = catalog.actorById.get(id)?.data;
    return a ? [a.label.en, a.label.zh ?? "", ...a.aliases] : [id];
  });
  const terms = d.terms.map((t) => catalog.termById.get(t)).filter((t): t is GlossaryTerm => !!t);
  const numbers = [...new Set(Object.values(d.numbers))];
  return {
    id: p.key,
    instrument: ins ? [ins.data.title.en, ins.data.title.zh, ins.data.short.en, ins.data.short.zh ?? "", ...ins.data.aliases].join(" ") : p.instrumentId,
    heading: `${d.heading.en} ${d.heading.zh ?? ""}`,
    chapter: `${d.chapter?.en ?? ""} ${d.chapter?.zh ?? ""}`,
    summary: d.summary,
    duties: d.obligations.map((o) => `${o.duty} ${o.conditions ?? ""}`).join(" ") + " " + d.penalties.map((t) => t.trigger).join(" "),
    actors: actorText.join(" "),
    themes: [...new Set(d.obligations.map((o) => THEME_LABELS[o.theme]))].join(" "),
    terms: terms.flatMap((t) => [t.en, t.zh, ...t.abbreviations, ...t.aliases]).join(" "),
    citation: numbers.map((n) => `${ins?.data.short.en ?? ""} ${n}`).join(" "),
    text: [...new Set(p.versionIds.map((v) => texts.article(p.instrumentId, v, d.numbers[v] as string)).filter((a) => !!a).map((a) => articleText(a as TextArticle)))].join("\n"),
  };
}

export interface SearchIndex {
  /** The engine's answer, in MiniSearch's order (engine.ts). */
  search(query: string, allowed?: ReadonlySet<string>): SearchHit[];
  /** The answer as pages and the API show it: results that match every word first (a glossary name standing in for its words). */
  rank(query: string, allowed?: ReadonlySet<string>): RankedSearch;
  expand(query: string): GlossaryTerm[];
  suggest(query: string): string[];
  size: number;
  /** The engine's postings as JSON, for the start-up snapshot (src/data/snapshot.ts). */
  snapshot(): EngineSnapshot;
}

export interface SearchHit {
  key: string;
  score: number;
  terms: readonly string[]; // the query terms that matched (shared between hits: frozen)
  fields: readonly string[]; // where they matched (shared between hits: frozen)
}

export interface RankedHit extends SearchHit {
  complete: boolean; // every word typed matched, itself or through a glossary name it is part of, matched in full
  allWords: boolean; // matched every word typed (stop words aside)
  glossary: readonly GlossaryTerm[]; // the expanded glossary terms it matched in full
}

export interface RankedSearch {
  hits: RankedHit[];
  complete: number; // how many hits are complete (they come first)
  words: string[]; // the query terms searched for, stop words dropped
}

/** "Did you mean": MiniSearch's autoSuggest with this fuzziness (engine.ts). */
export const SUGGEST_FUZZY = 0.3;
const prefixFor = (term: string): boolean => !isHan(term) && term.length > 1;
const fuzzyFor = (term: string): false | number => (isHan(term) || /\d/.test(term) || term.length < 5 ? false : 0.2);
// MiniSearch's query processing: tokenize, then processTerm, dropping empty terms (and stop words)
export const queryTerms = (text: string): string[] => queryTokenize(text).map(queryTerm).filter((t): t is string => !!t);

/** The index's options; with them MiniSearch's own search() gives the scores we compute. */
export const MINISEARCH_OPTIONS: Options<SearchDoc> = {
  fields: [...FIELDS],
  storeFields: [],
  // The official text gets bigrams only, each once per article: a single character of the law's
  // text would match nearly every article, and the law's stock phrases repeat within an article.
  // The names of an article's actors and glossary terms count each word once too: an actor with
  // many aliases ("CII operator", "CIIO", "critical infrastructure operator", 关基运营者) says no
  // more about the article than one with a single name.
  tokenize: (text, field) =>
    field === "text" ? [...new Set(queryTokenize(text))] : field === "actors" || field === "terms" ? [...new Set(indexTokenize(text))] : indexTokenize(text),
  processTerm: stem,
  searchOptions: {
    tokenize: queryTokenize,
    processTerm: queryTerm,
    boost: BOOST,
    prefix: prefixFor,
    fuzzy: fuzzyFor,
    combineWith: "OR",
  },
};

/**
 * The index of the catalog's provisions (with the texts' articles). `from`: the engine's postings
 * from a snapshot of this same catalog and these same texts, instead of indexing them again.
 */
export function buildSearchIndex(catalog: Catalog, texts: LawTexts = NO_TEXTS, from?: EngineSnapshot): SearchIndex {
  const mini = from ? QueryEngine.fromSnapshot(from) : QueryEngine.build(MINISEARCH_OPTIONS, catalog.provisions.map((p) => documentFor(catalog, p, texts)));
  if (from && (mini.documentCount !== catalog.provisions.length || catalog.provisions.some((p) => !mini.hasDocument(p.key)))) throw new Error("search index snapshot: its documents are not the catalog's provisions");

  // Every name of every glossary term, lower-cased, pointing at the term.
  // A single common English word ("network") would drag in half the catalog, so only
  // phrases, Chinese terms and abbreviations trigger an expansion.
  // A single word the rules never use ("VPN", "circumvention") triggers too: it can find
  // nothing by itself, and its term's names are what the reader is looking for.
  const unused = (name: string) => {
    const term = queryTerm(name.toLowerCase());
    return term !== null && !/\s/.test(name) && mini.termsWithPrefix(term).length === 0;
  };
  const distinctive = (name: string, t: GlossaryTerm) => isHan(name) || name.includes(" ") || name.includes("-") || t.abbreviations.includes(name) || unused(name);
  const names = catalog.glossary.flatMap((t) =>
    [t.en, t.zh, ...t.abbreviations, ...t.aliases]
      .filter((n) => distinctive(n, t))
      .map((n) => {
        const name = n.toLowerCase();
        return { name, term: t, han: isHan(name), words: name.split(/\s+/), phrase: name.includes(" ") };
      }),
  );

  const expand = (query: string): GlossaryTerm[] => {
    const q = query.toLowerCase();
    const words = new Set(queryTokenize(q));
    const found = new Map<string, GlossaryTerm>();
    for (const { name, term, han, words: nameWords, phrase } of names) {
      const hit = han ? q.includes(name) : nameWords.every((w) => words.has(w)) && (phrase || words.has(name));
      if (hit) found.set(term.id, term);
    }
    return [...found.values()];
  };

  // Every name of a defined term (definedIn), normalised as a whole query is: the article
  // that defines it.
  const normalise = (q: string) => q.toLowerCase().replace(/[\s"“”'‘’]+/g, " ").trim();
  const definitions = new Map<string, string>();
  for (const t of catalog.glossary) {
    if (!t.definedIn || !catalog.provisionByKey.has(t.definedIn)) continue;
    for (const n of [t.en, t.zh, ...t.abbreviations, ...t.aliases]) if (!definitions.has(normalise(n))) definitions.set(normalise(n), t.definedIn);
  }
  const definitionOf = (query: string) => definitions.get(normalise(query));

  // The words each glossary term's names are searched with: its English and Chinese names and
  // its first six aliases, each processed as a query would be.
  const synonymWords = new Map(catalog.glossary.map((t) => [t.id, [t.en, t.zh, ...t.aliases.slice(0, 6)].map(queryTerms)]));

  const run = (words: string[], terms: readonly GlossaryTerm[], allowed: ReadonlySet<string> | undefined): SearchHit[] =>
    mini.run(
      {
        // AND within the typed words keeps "real name" from matching every "name"; the
        // glossary's other names (实名 for "real name") join with OR, each as a phrase of
        // AND-ed words, and count a little less than the words typed. Documents with only
        // some of the words rank below those with all of them.
        words,
        synonyms: terms.flatMap((t) => synonymWords.get(t.id) ?? []),
        weights: { exact: 1, synonyms: 0.6, partial: 0.5 },
        prefix: prefixFor,
        fuzzy: fuzzyFor,
      },
      allowed,
    );

  return {
    size: mini.documentCount,
    snapshot: () => mini.toSnapshot(),
    expand,
    search: (query, allowed) => run(queryTerms(query), expand(query), allowed),
    rank(query, allowed) {
      // The engine ranks by score alone, so a document with one rare word can outrank one with
      // all of them. Complete matches go first, each group kept in the engine's order.
      const typed = queryTerms(query);
      const terms = expand(query);
      const words = [...new Set(typed)];
      // Each glossary term the query named, with the typed words that named it ("encryption
      // keys" names decryption support): a document that matches one of the term's names in
      // full stands in for those words.
      const typedSet = new Set(words);
      const expansions = terms.map((t) => ({
        term: t,
        groups: (synonymWords.get(t.id) ?? []).filter((g) => g.length > 0),
        covers: new Set([t.en, t.zh, ...t.abbreviations, ...t.aliases].map(queryTerms).filter((ws) => ws.length > 0 && ws.every((w) => typedSet.has(w))).flat()),
      }));
      // Hits that matched alike share one frozen terms array (engine.ts): classify each once.
      const seen = new Map<readonly string[], { allWords: boolean; complete: boolean; glossary: GlossaryTerm[] }>();
      const classify = (matched: readonly string[]) => {
        let c = seen.get(matched);
        if (!c) {
          const has = (w: string) => matched.includes(w);
          const found = expansions.filter((n) => n.groups.some((g) => g.every(has)));
          const covered = (w: string) => found.some((n) => n.covers.has(w));
          const allWords = words.length > 0 && words.every(has);
          c = { allWords, complete: allWords || (found.length > 0 && words.every((w) => has(w) || covered(w))), glossary: found.map((n) => n.term) };
          seen.set(matched, c);
        }
        return c;
      };
      const complete: RankedHit[] = [];
      const partial: RankedHit[] = [];
      for (const h of run(typed, terms, allowed)) {
        const c = classify(h.terms);
        // Written out, not spread ({ ...h, complete, … }): the spread built each hit on V8's slow
        // path, 0.24 MB of garbage a query, and its collections were the whole tail of the search
        // (p99 4.5 → 0.6 ms, p50 0.38 → 0.17 ms, 1,320 queries, 2026-12-01).
        const ranked: RankedHit = { key: h.key, score: h.score, terms: h.terms, fields: h.fields, complete: c.complete, allWords: c.allWords, glossary: c.glossary };
        (ranked.complete ? complete : partial).push(ranked);
      }
      const hits = complete.concat(partial);
      // A query that is a defined term's name, in English or Chinese ("important data",
      // 个人信息处理者): the article that defines it comes first.
      const defined = definitionOf(query);
      if (defined && (!allowed || allowed.has(defined))) {
        const at = hits.findIndex((h) => h.key === defined);
        const hit = at >= 0 ? (hits.splice(at, 1)[0] as RankedHit) : { key: defined, score: hits[0]?.score ?? 1, terms: words, fields: ["terms"], complete: true, allWords: false, glossary: terms.filter((t) => t.definedIn === defined) };
        if (!hit.complete) hit.complete = true;
        hits.unshift(hit);
        return { hits, complete: complete.length + (at >= 0 && at < complete.length ? 0 : 1), words };
      }
      return { hits, complete: complete.length, words };
    },
    suggest(query) {
      return mini.suggest(queryTerms(query), SUGGEST_FUZZY).slice(0, 5).map((s) => s.suggestion);
    },
  };
}
