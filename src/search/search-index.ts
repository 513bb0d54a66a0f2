// Full-text search over provisions with MiniSearch and our tokenizer. Queries are expanded
// with glossary synonyms (实名 ↔ real name ↔ real identity); Chinese terms match exactly,
// Latin words by prefix and, when long enough, with light fuzziness.
//
// MiniSearch builds and holds the index; the query runs here, on its (protected) index, with
// the same scoring as MiniSearch's own search() but each term looked up once per query (the
// three searches share their terms) and fuzzy matches found by FuzzyVocabulary instead of a
// walk of the whole term tree. test/unit/search/search-engine.test.ts checks that the answers
// are MiniSearch's own.
import MiniSearch, { type Options } from "minisearch";
import type { Catalog, ProvisionEntry } from "../domain/catalog.js";
import type { GlossaryTerm } from "../domain/rules-schema.js";
import { THEME_LABELS } from "../view-models/format.js";
import { FuzzyVocabulary } from "./fuzzy.js";
import { indexTokenize, isHan, queryTokenize, stem } from "./tokenize.js";

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
}

const FIELDS = ["heading", "chapter", "summary", "duties", "actors", "themes", "terms", "citation", "instrument"] as const;
const BOOST = { citation: 4, heading: 3, chapter: 0.3, terms: 2, actors: 1.5, duties: 1.2, instrument: 1, summary: 1, themes: 1 };

export function documentFor(catalog: Catalog, p: ProvisionEntry): SearchDoc {
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
  };
}

export interface SearchIndex {
  search(query: string, allowed?: ReadonlySet<string>): SearchHit[];
  expand(query: string): GlossaryTerm[];
  suggest(query: string): string[];
  size: number;
}

export interface SearchHit {
  key: string;
  score: number;
  terms: string[]; // the query terms that matched
  fields: string[]; // where they matched
}

/** One document's score for a query, as MiniSearch keeps it before ranking. */
interface RawMatch {
  score: number;
  terms: string[]; // query terms that matched
  match: Record<string, string[]>; // document term → fields
}
type RawResults = Map<number, RawMatch>;
/** A ranked result, as MiniSearch's search() returns it (the fields we use). */
interface Ranked {
  id: string;
  score: number;
  queryTerms: string[];
  match: Record<string, string[]>;
}

const prefixFor = (term: string): boolean => !isHan(term) && term.length > 1;
const fuzzyFor = (term: string): false | number => (isHan(term) || /\d/.test(term) || term.length < 5 ? false : 0.2);
const queryTerms = (text: string): string[] => queryTokenize(text).map(stem).filter((t) => !!t);

/** MiniSearch's BM25+ term score (calcBM25Score in minisearch 7), operation for operation. */
function bm25(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number, p: { k: number; b: number; d: number }): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (p.d + (termFreq * (p.k + 1)) / (termFreq + p.k * (1 - p.b + (p.b * fieldLength) / avgFieldLength)));
}

function unionTerms(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const t of b) if (!out.includes(t)) out.push(t);
  return out;
}

/**
 * MiniSearch's AND and OR combinators, without modifying their inputs (a term's results are
 * shared by the searches of one query): same scores, same order of documents.
 */
function combine(lists: RawResults[], op: "AND" | "OR"): RawResults {
  const [first, ...rest] = lists;
  if (!first) return new Map();
  let acc = first;
  for (const b of rest) {
    if (op === "AND") {
      const out: RawResults = new Map();
      for (const [docId, m] of b) {
        const seen = acc.get(docId);
        if (seen) out.set(docId, { score: seen.score + m.score, terms: unionTerms(seen.terms, m.terms), match: { ...seen.match, ...m.match } });
      }
      acc = out;
    } else {
      const out: RawResults = new Map(acc);
      for (const [docId, m] of b) {
        const seen = out.get(docId);
        out.set(docId, seen ? { score: seen.score + m.score, terms: unionTerms(seen.terms, m.terms), match: { ...seen.match, ...m.match } } : m);
      }
      acc = out;
    }
  }
  return acc;
}

/** The index's options; with them MiniSearch's own search() gives the scores we compute. */
export const MINISEARCH_OPTIONS: Options<SearchDoc> = {
  fields: [...FIELDS],
  storeFields: [],
  tokenize: indexTokenize,
  processTerm: stem,
  searchOptions: {
    tokenize: queryTokenize,
    processTerm: stem,
    boost: BOOST,
    prefix: prefixFor,
    fuzzy: fuzzyFor,
    combineWith: "OR",
  },
};

class ProvisionMiniSearch extends MiniSearch<SearchDoc> {
  private fuzzyTerms?: FuzzyVocabulary;

  /** Call once every document is added: the vocabulary fuzzy matching compares against. */
  freeze(): void {
    // The tree's own iteration is the reverse of the order fuzzyGet reports its matches in.
    this.fuzzyTerms = new FuzzyVocabulary([...this._index.keys()].reverse());
  }

  /** What MiniSearch's executeQuerySpec computes for one (processed) query term. */
  lookUpTerm(term: string): RawResults {
    const { weights, maxFuzzy } = this._options.searchOptions;
    const results: RawResults = new Map();
    this.addTermResults(term, term, 1, results);
    const fuzzy = fuzzyFor(term);
    let fuzzyMatches: Map<string, number> | undefined;
    if (fuzzy) {
      const maxDistance = Math.min(maxFuzzy, Math.round(term.length * fuzzy));
      if (maxDistance) fuzzyMatches = new Map(this.vocabulary().get(term, maxDistance));
    }
    if (prefixFor(term)) {
      for (const [derived] of this._index.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(derived); // scored as a prefix match
        this.addTermResults(term, derived, (weights.prefix * derived.length) / (derived.length + 0.3 * distance), results);
      }
    }
    if (fuzzyMatches) {
      for (const [derived, distance] of fuzzyMatches) {
        if (!distance) continue;
        this.addTermResults(term, derived, (weights.fuzzy * derived.length) / (derived.length + distance), results);
      }
    }
    return results;
  }

  /** Ranked results, as MiniSearch's search() makes them from raw ones. */
  rank(raw: RawResults, allowed: ReadonlySet<string> | undefined): Ranked[] {
    const out: Ranked[] = [];
    for (const [docId, { score, terms, match }] of raw) {
      const id = this._documentIds.get(docId) as string;
      if (allowed && !allowed.has(id)) continue;
      out.push({ id, score: score * (terms.length || 1), queryTerms: terms, match });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  private vocabulary(): FuzzyVocabulary {
    if (!this.fuzzyTerms) this.freeze();
    return this.fuzzyTerms as FuzzyVocabulary;
  }

  /** MiniSearch's termResults for one document term, summed into results. */
  private addTermResults(sourceTerm: string, derivedTerm: string, termWeight: number, results: RawResults): void {
    const data = this._index.get(derivedTerm);
    if (data == null) return;
    const { boost, bm25: params } = this._options.searchOptions;
    for (const field of FIELDS) {
      const fieldBoost = boost[field] || 1;
      const fieldId = this._fieldIds[field] as number;
      const freqs = data.get(fieldId);
      if (freqs == null) continue;
      const avgFieldLength = this._avgFieldLength[fieldId] as number;
      for (const [docId, termFreq] of freqs) {
        const fieldLength = (this._fieldLength.get(docId) as number[])[fieldId] as number;
        const score = termWeight * fieldBoost * bm25(termFreq, freqs.size, this._documentCount, fieldLength, avgFieldLength, params);
        const seen = results.get(docId);
        if (seen) {
          seen.score += score;
          if (!seen.terms.includes(sourceTerm)) seen.terms.push(sourceTerm);
          const fields = Object.hasOwn(seen.match, derivedTerm) ? seen.match[derivedTerm] : undefined;
          if (fields) fields.push(field);
          else seen.match[derivedTerm] = [field];
        } else results.set(docId, { score, terms: [sourceTerm], match: { [derivedTerm]: [field] } });
      }
    }
  }
}

export function buildSearchIndex(catalog: Catalog): SearchIndex {
  const mini = new ProvisionMiniSearch(MINISEARCH_OPTIONS);
  mini.addAll(catalog.provisions.map((p) => documentFor(catalog, p)));
  mini.freeze();

  // Every name of every glossary term, lower-cased, pointing at the term.
  // A single common English word ("network") would drag in half the catalog, so only
  // phrases, Chinese terms and abbreviations trigger an expansion.
  const distinctive = (name: string, t: GlossaryTerm) => isHan(name) || name.includes(" ") || name.includes("-") || t.abbreviations.includes(name);
  const names: [string, GlossaryTerm][] = catalog.glossary.flatMap((t) =>
    [t.en, t.zh, ...t.abbreviations, ...t.aliases].filter((n) => distinctive(n, t)).map((n) => [n.toLowerCase(), t] as [string, GlossaryTerm]),
  );

  const expand = (query: string): GlossaryTerm[] => {
    const q = query.toLowerCase();
    const words = new Set(queryTokenize(q));
    const found = new Map<string, GlossaryTerm>();
    for (const [name, term] of names) {
      const hit = isHan(name) ? q.includes(name) : name.split(/\s+/).every((w) => words.has(w)) && (name.includes(" ") || words.has(name));
      if (hit) found.set(term.id, term);
    }
    return [...found.values()];
  };

  return {
    size: mini.documentCount,
    expand,
    search(query, allowed) {
      // Each term is looked up once, however many of the searches below use it.
      const looked = new Map<string, RawResults>();
      const lookup = (term: string) => {
        let r = looked.get(term);
        if (!r) looked.set(term, (r = mini.lookUpTerm(term)));
        return r;
      };
      const words = (text: string) => queryTerms(text).map(lookup);
      const expansions = expand(query).flatMap((t) => [t.en, t.zh, ...t.aliases.slice(0, 6)]);
      // AND within the typed words keeps "real name" from matching every "name"; the
      // glossary's other names join with OR, each as a phrase of AND-ed words.
      const exact = mini.rank(combine(words(query), "AND"), allowed);
      // The glossary's other names (实名 for "real name") count, a little less than the words typed.
      const synonyms = expansions.length ? mini.rank(combine(expansions.map((e) => combine(words(e), "AND")), "OR"), allowed) : [];
      // Documents with only some of the words rank below those with all of them.
      const partial = mini.rank(combine(words(query), "OR"), allowed);
      const merged = new Map<string, Ranked>();
      const add = (list: Ranked[], weight: number) => {
        for (const r of list) {
          const seen = merged.get(r.id);
          if (seen) {
            seen.score += r.score * weight;
            seen.queryTerms = [...new Set([...seen.queryTerms, ...r.queryTerms])];
            for (const [term, fields] of Object.entries(r.match)) seen.match[term] = [...new Set([...(seen.match[term] ?? []), ...fields])];
          } else merged.set(r.id, { ...r, score: r.score * weight, match: { ...r.match } });
        }
      };
      add(exact, 1);
      add(synonyms, 0.6);
      add(partial, 0.5);
      const results = [...merged.values()].sort((a, b) => b.score - a.score);
      return results.map((r) => ({
        key: r.id,
        score: r.score,
        terms: r.queryTerms,
        fields: [...new Set(Object.values(r.match).flat())],
      }));
    },
    suggest(query) {
      return mini.autoSuggest(query, { fuzzy: 0.3 }).slice(0, 5).map((s) => s.suggestion);
    },
  };
}
