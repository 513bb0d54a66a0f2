// The query loop of the search, run on the index MiniSearch builds. MiniSearch's search() builds an
// object per matching document per term and merges them per search, three searches a query:
// at 3,000 provisions that allocation was most of a query's time. Here a term's matches are
// flat arrays indexed by document number (reused from query to query), each term is looked up
// once per query, BM25 is computed once per posting at start-up, and the matched terms and
// fields are worked out only for the documents returned.
//
// The answers are MiniSearch's, to the last bit of every score and in the same order (ties
// included): BM25 with the same operations in the same order, documents in the order
// MiniSearch's Maps would hold them, and `fields` in the order its match objects would list
// them; suggestions are its autoSuggest's. test/unit/search/search-engine.test.ts compares the
// two. MiniSearch only builds the index: once the postings are taken from it, it is let go.
import MiniSearch, { type Options } from "minisearch";
import { FuzzyVocabulary } from "./fuzzy.js";

/** A query, as search-index.ts runs it: three searches merged with weights. */
export interface QueryPlan {
  words: string[]; // the typed words, processed: AND for "exact", OR for "partial"
  synonyms: string[][]; // each glossary name's words, AND within a name, OR between names
  weights: { exact: number; synonyms: number; partial: number };
  prefix: (term: string) => boolean;
  fuzzy: (term: string) => false | number;
}

/** A result. Its terms and fields arrays are shared between results: frozen. */
export interface EngineHit {
  key: string;
  score: number;
  terms: readonly string[];
  fields: readonly string[];
}

/**
 * Documents with scores, in MiniSearch's order for them; for a query term, also the index terms
 * each document matched ("entries"). Arrays by document number, reused from query to query
 * (a search runs synchronously): reset() clears what a query set.
 */
class Slab {
  count = 0;
  readonly docs: Int32Array; // document numbers, in order: docs[0 … count)
  readonly score: Float64Array; // by document number, where member
  readonly member: Uint8Array; // 1 for the documents in docs
  readonly head: Int32Array; // a query term's: per document, its first entry
  readonly tail: Int32Array; // and its last
  // entries, one per (document, derived term) in the order MiniSearch's match object gets them
  entries = 0;
  entryDerived = new Int32Array(256); // index into TermHits.derived
  entryFields = new Int32Array(256); // bit i: field i
  entryNext = new Int32Array(256); // the document's next entry, or -1

  constructor(size: number) {
    this.docs = new Int32Array(size);
    this.score = new Float64Array(size);
    this.member = new Uint8Array(size);
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
  }

  push(doc: number, score: number): void {
    this.member[doc] = 1;
    this.score[doc] = score;
    this.docs[this.count++] = doc;
  }

  addEntry(derived: number, fields: number): number {
    if (this.entries === this.entryDerived.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.entryDerived = grow(this.entryDerived);
      this.entryFields = grow(this.entryFields);
      this.entryNext = grow(this.entryNext);
    }
    const e = this.entries++;
    this.entryDerived[e] = derived;
    this.entryFields[e] = fields;
    this.entryNext[e] = -1;
    return e;
  }

  reset(): void {
    for (let i = 0; i < this.count; i++) this.member[this.docs[i] as number] = 0;
    this.count = 0;
    this.entries = 0;
  }
}

/** One query term's matches. */
interface TermHits {
  term: string;
  id: number; // position among the query's distinct terms
  derived: string[]; // the index terms it matched: itself, by prefix, fuzzily
  numeric: number[]; // their values if array-index-like ("37"), else NaN
  slab: Slab;
}

/** Term lists by the sequence of term numbers that makes them (a trie). */
interface TermListNode {
  next: Map<number, TermListNode>;
  terms?: readonly string[];
}

/** Property keys that JavaScript lists first, in numeric order (array indices). */
const isArrayIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;

/** What the engine takes from MiniSearch once it has indexed the documents. */
interface BuiltIndex {
  entries: [term: string, data: Map<number, Map<number, number>>][]; // field id → document → term frequency, in the tree's order
  documentIds: Map<number, unknown>;
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  fields: string[];
  search: { boost: Record<string, number>; weights: { fuzzy: number; prefix: number }; maxFuzzy: number; bm25: { k: number; b: number; d: number } };
}

/** MiniSearch builds the index (its tokenizing, its term frequencies and field lengths). */
class IndexBuilder<T> extends MiniSearch<T> {
  built(): BuiltIndex {
    if (this._dirtCount > 0) throw new Error("QueryEngine: documents were removed from the index");
    const o = this._options;
    return {
      entries: [...this._index],
      documentIds: this._documentIds,
      documentCount: this._documentCount,
      nextId: this._nextId,
      fieldIds: this._fieldIds,
      fieldLength: this._fieldLength,
      avgFieldLength: this._avgFieldLength,
      fields: [...o.fields],
      search: { boost: o.searchOptions.boost ?? {}, weights: { fuzzy: o.searchOptions.weights.fuzzy, prefix: o.searchOptions.weights.prefix }, maxFuzzy: o.searchOptions.maxFuzzy, bm25: o.searchOptions.bm25 },
    };
  }
}

/** A suggestion for a query: the index terms a group of documents matched, as MiniSearch's autoSuggest gives them. */
export interface Suggestion {
  suggestion: string;
  terms: string[];
  score: number;
}

/** How one query term is looked up: by prefix, and within what share of its length in edits. */
interface TermSpec {
  prefix: boolean;
  fuzzy: false | number;
}

/**
 * The search index, immutable: MiniSearch indexes the documents, then the engine keeps flat
 * postings and its own vocabularies and lets MiniSearch's tree and Maps go (three quarters of
 * the index's memory).
 */
export class QueryEngine {
  readonly documentCount: number;
  private readonly fuzzyTerms: FuzzyVocabulary;
  private readonly ids: string[];
  private readonly size: number; // document numbers run 0 … size - 1
  private readonly fieldNames: string[];
  private readonly fieldBoosts: number[];
  private readonly weights: { fuzzy: number; prefix: number };
  private readonly maxFuzzy: number;
  /**
   * Every index term's postings, field by field in field order, documents in MiniSearch's order:
   * document numbers and BM25 scores (before weights), in two flat arrays.
   */
  private readonly postings: Map<string, { fields: number[]; ends: number[]; start: number }>;
  private readonly postingDocs: Int32Array;
  private readonly postingScores: Float64Array;
  /** The vocabulary in code-unit order, and each term's place in the tree's iteration order. */
  private readonly sortedTerms: string[];
  private readonly treeOrder: Int32Array;
  private pool: Slab[] = [];
  private readonly sortScratch: Int32Array;
  /** Field lists by their sequence of field numbers (base 16): results share them. */
  private readonly fieldLists = new Map<number, readonly string[]>();

  /** The engine for these documents, indexed with these MiniSearch options. */
  static build<T>(options: Options<T>, documents: readonly T[]): QueryEngine {
    const builder = new IndexBuilder<T>(options);
    builder.addAll(documents);
    return new QueryEngine(computeState(builder.built()));
  }

  /**
   * The engine from what toSnapshot() gave: the same postings, scores and vocabulary, so the same
   * answers to the last bit, without indexing the documents again (src/data/snapshot.ts).
   * Throws on a snapshot whose shape or lengths do not add up.
   */
  static fromSnapshot(s: EngineSnapshot): QueryEngine {
    const docs = int32From(s.docs);
    const scores = float64From(s.scores);
    if (docs.length !== scores.length || s.ids.length !== s.size || s.fieldNames.length !== s.fieldBoosts.length) throw new Error("search index snapshot: lengths do not match");
    const postings = new Map<string, { fields: number[]; ends: number[]; start: number }>();
    let at = 0;
    const meta = s.postings;
    for (const term of s.terms) {
      const start = meta[at++] as number;
      const n = meta[at++] as number;
      const fields = meta.slice(at, at + n);
      const ends = meta.slice(at + n, at + 2 * n);
      at += 2 * n;
      if (!(start >= 0) || ends.some((e) => !(e <= docs.length))) throw new Error("search index snapshot: a posting points outside the arrays");
      postings.set(term, { fields, ends, start });
    }
    if (at !== meta.length) throw new Error("search index snapshot: postings do not match the vocabulary");
    return new QueryEngine({ ...s, postings, postingDocs: docs, postingScores: scores });
  }

  /** What fromSnapshot() needs, as plain JSON (typed arrays as base64 of their bytes). */
  toSnapshot(): EngineSnapshot {
    const terms = this.treeTerms;
    const postings: number[] = [];
    for (const term of terms) {
      const p = this.postings.get(term) as { fields: number[]; ends: number[]; start: number };
      postings.push(p.start, p.fields.length, ...p.fields, ...p.ends);
    }
    return {
      terms,
      postings,
      docs: Buffer.from(this.postingDocs.buffer, this.postingDocs.byteOffset, this.postingDocs.byteLength).toString("base64"),
      scores: Buffer.from(this.postingScores.buffer, this.postingScores.byteOffset, this.postingScores.byteLength).toString("base64"),
      ids: this.ids,
      size: this.size,
      documentCount: this.documentCount,
      fieldNames: this.fieldNames,
      fieldBoosts: this.fieldBoosts,
      weights: this.weights,
      maxFuzzy: this.maxFuzzy,
    };
  }

  private readonly treeTerms: string[]; // the vocabulary in the tree's iteration order

  /** Whether a document of this key is indexed. */
  hasDocument(key: string): boolean {
    return (this.idSet ??= new Set(this.ids)).has(key);
  }
  private idSet: Set<string> | undefined;

  private constructor(state: EngineState) {
    const terms = state.terms;
    this.treeTerms = terms;
    // The tree's own iteration is the reverse of the order fuzzyGet reports its matches in.
    this.fuzzyTerms = new FuzzyVocabulary([...terms].reverse());
    const treeOrder = new Map(terms.map((term, i) => [term, i]));
    this.sortedTerms = [...terms].sort(); // by UTF-16 code units
    this.treeOrder = Int32Array.from(this.sortedTerms, (term) => treeOrder.get(term) as number);
    this.size = state.size;
    this.sortScratch = new Int32Array(this.size);
    this.documentCount = state.documentCount;
    this.ids = state.ids;
    this.fieldNames = state.fieldNames;
    if (this.fieldNames.length > 15) throw new Error("QueryEngine: at most 15 fields (field lists are keyed in base 16)");
    this.fieldBoosts = state.fieldBoosts;
    this.weights = state.weights;
    this.maxFuzzy = state.maxFuzzy;
    this.postings = state.postings;
    this.postingDocs = state.postingDocs;
    this.postingScores = state.postingScores;
  }

  /** Runs `work` with slabs from the pool, and returns them to it. */
  private withSlabs<R>(work: (slab: () => Slab) => R): R {
    const used: Slab[] = [];
    const slab = () => {
      const s = this.pool.pop() ?? new Slab(this.size);
      used.push(s);
      return s;
    };
    try {
      return work(slab);
    } finally {
      for (const s of used) s.reset();
      this.pool.push(...used.slice(0, Math.max(0, 64 - this.pool.length))); // keep a few, not a long query's worth
    }
  }

  run(plan: QueryPlan, allowed: ReadonlySet<string> | undefined): EngineHit[] {
    return this.withSlabs((slab) => this.evaluate(plan, allowed, slab));
  }

  /**
   * MiniSearch's autoSuggest(query, { fuzzy }) for processed query terms: every term within
   * `fuzzy` of its length in edits, the last also by prefix, all of them in a document; the
   * documents grouped by the index terms they matched, each group scored by its mean.
   */
  suggest(terms: readonly string[], fuzzy: number): Suggestion[] {
    return this.withSlabs((slab) => {
      const hits = terms.map((t, i) => this.termHits(t, i, { prefix: i === terms.length - 1, fuzzy }, slab()));
      const found = and(hits.map((h) => h.slab), slab);
      const quality = new Set(terms).size; // MiniSearch's distinct query terms
      const docs = Array.from(found.docs.subarray(0, found.count));
      const score = (doc: number) => (found.score[doc] as number) * quality;
      docs.sort((x, y) => score(y) - score(x)); // stable, as MiniSearch sorts its results
      const groups = new Map<string, { terms: string[]; score: number; count: number }>();
      for (const doc of docs) {
        // The document's match object's keys: index terms in the order met, array indices first.
        const matched: string[] = [];
        for (const h of hits) {
          for (let e = h.slab.head[doc] as number; e !== -1; e = h.slab.entryNext[e] as number) {
            const d = h.derived[h.slab.entryDerived[e] as number] as string;
            if (!matched.includes(d)) matched.push(d);
          }
        }
        const keys = [...matched.filter(isArrayIndex).sort((x, y) => Number(x) - Number(y)), ...matched.filter((d) => !isArrayIndex(d))];
        const phrase = keys.join(" ");
        const group = groups.get(phrase);
        if (group) (group.score += score(doc)), group.count++;
        else groups.set(phrase, { terms: keys, score: score(doc), count: 1 });
      }
      const out = [...groups].map(([suggestion, g]) => ({ suggestion, terms: g.terms, score: g.score / g.count }));
      return out.sort((x, y) => y.score - x.score);
    });
  }

  private evaluate(plan: QueryPlan, allowed: ReadonlySet<string> | undefined, slab: () => Slab): EngineHit[] {
    const looked = new Map<string, TermHits>();
    const lookUp = (term: string) => {
      let hits = looked.get(term);
      if (!hits) looked.set(term, (hits = this.termHits(term, looked.size, { prefix: plan.prefix(term), fuzzy: plan.fuzzy(term) }, slab())));
      return hits;
    };
    const words = plan.words.map(lookUp);
    const groups = plan.synonyms.map((names) => {
      const terms = names.map(lookUp);
      return { slab: and(terms.map((t) => t.slab), slab), terms: [...new Set(terms)] };
    });
    const distinctWords = [...new Set(words)];
    const stamp = new Int32Array(looked.size).fill(-1);

    // exact: every typed word. MiniSearch multiplies a score by the number of distinct query
    // terms matched ("quality"), then search-index.ts by the search's weight.
    const exact = and(words.map((t) => t.slab), slab);
    const exactRank = this.rank(exact, allowed, slab, () => distinctWords.length);
    // synonyms: any glossary name, all its words
    const synonyms = or(groups.map((g) => g.slab), slab);
    const synonymRank = this.rank(synonyms, allowed, slab, (doc) => {
      let n = 0;
      for (const g of groups) if (g.slab.member[doc]) for (const t of g.terms) if (stamp[t.id] !== doc) (stamp[t.id] = doc), n++;
      return n;
    });
    // partial: any typed word
    const partial = or(words.map((t) => t.slab), slab);
    const partialRank = this.rank(partial, allowed, slab, (doc) => {
      let n = 0;
      for (const t of distinctWords) n += t.slab.member[doc] as number;
      return n;
    });

    const total = slab();
    const add = (ranked: Slab, weight: number) => {
      for (let i = 0; i < ranked.count; i++) {
        const doc = ranked.docs[i] as number;
        if (total.member[doc]) total.score[doc] = (total.score[doc] as number) + (ranked.score[doc] as number) * weight;
        else total.push(doc, (ranked.score[doc] as number) * weight);
      }
    };
    add(exactRank, plan.weights.exact);
    add(synonymRank, plan.weights.synonyms);
    add(partialRank, plan.weights.partial);
    sortByScore(total, this.sortScratch);

    // Per result: the query terms it matched and the fields, in the order MiniSearch's merged
    // results list them (the components it is in: exact, synonyms, partial), the lists shared by
    // results that match alike. Scratch arrays with counts: no allocation per result but its own.
    const byId = [...looked.values()];
    const anyNumeric = byId.some((t) => t.numeric.some((v) => !Number.isNaN(v)));
    const termLists: TermListNode = { next: new Map() };
    const seen = new Int32Array(byId.length).fill(-1); // per term: the last document it was listed for
    const seq = new Array<number>(byId.length).fill(0);
    const visit = new Array<TermHits>(2 * distinctWords.length + groups.reduce((n, g) => n + g.terms.length, 0));
    const hits: EngineHit[] = new Array(total.count);
    for (let i = 0; i < total.count; i++) {
      const doc = total.docs[i] as number;
      let n = 0; // terms in seq
      let v = 0; // term hits in visit
      if (exact.member[doc]) {
        for (let w = 0; w < distinctWords.length; w++) {
          const t = distinctWords[w] as TermHits;
          seen[t.id] = doc;
          seq[n++] = t.id;
          visit[v++] = t;
        }
      }
      if (synonyms.member[doc]) {
        for (let gi = 0; gi < groups.length; gi++) {
          const g = groups[gi] as (typeof groups)[number];
          if (!g.slab.member[doc]) continue;
          for (let j = 0; j < g.terms.length; j++) {
            const t = g.terms[j] as TermHits;
            if (seen[t.id] !== doc) (seen[t.id] = doc), (seq[n++] = t.id);
            visit[v++] = t;
          }
        }
      }
      for (let w = 0; w < distinctWords.length; w++) {
        const t = distinctWords[w] as TermHits;
        if (!t.slab.member[doc]) continue;
        if (seen[t.id] !== doc) (seen[t.id] = doc), (seq[n++] = t.id);
        visit[v++] = t;
      }
      let node = termLists;
      for (let j = 0; j < n; j++) {
        let child = node.next.get(seq[j] as number);
        if (!child) node.next.set(seq[j] as number, (child = { next: new Map() }));
        node = child;
      }
      const terms = (node.terms ??= Object.freeze(seq.slice(0, n).map((id) => (byId[id] as TermHits).term)));
      hits[i] = { key: this.ids[doc] as string, score: total.score[doc] as number, terms, fields: anyNumeric ? this.fieldsWithNumbers(doc, visit, v) : this.fieldsOf(doc, visit, v) };
    }
    return hits;
  }

  /** The fields a document matched in, as MiniSearch's match object lists them: by index term, in the order met. */
  private fieldsOf(doc: number, visit: TermHits[], count: number): readonly string[] {
    let done = 0;
    let key = 0; // the field numbers + 1, in order, base 16
    for (let v = 0; v < count; v++) {
      const slab = (visit[v] as TermHits).slab;
      for (let e = slab.head[doc] as number; e !== -1; e = slab.entryNext[e] as number) {
        const fresh = (slab.entryFields[e] as number) & ~done;
        if (!fresh) continue;
        for (let f = 0; f < this.fieldNames.length; f++) if (fresh & (1 << f)) key = key * 16 + f + 1;
        done |= fresh;
      }
    }
    return this.fieldList(key);
  }

  /** As fieldsOf, when some index term is array-index-like ("37"): JavaScript lists such keys first, in numeric order. */
  private fieldsWithNumbers(doc: number, visit: TermHits[], count: number): readonly string[] {
    const numeric: [number, number][] = [];
    const rest: number[] = [];
    for (let v = 0; v < count; v++) {
      const t = visit[v] as TermHits;
      for (let e = t.slab.head[doc] as number; e !== -1; e = t.slab.entryNext[e] as number) {
        const value = t.numeric[t.slab.entryDerived[e] as number] as number;
        if (Number.isNaN(value)) rest.push(t.slab.entryFields[e] as number);
        else numeric.push([value, t.slab.entryFields[e] as number]);
      }
    }
    let done = 0;
    let key = 0;
    for (const mask of [...numeric.sort((a, b) => a[0] - b[0]).map(([, m]) => m), ...rest]) {
      const fresh = mask & ~done;
      for (let f = 0; f < this.fieldNames.length; f++) if (fresh & (1 << f)) key = key * 16 + f + 1;
      done |= fresh;
    }
    return this.fieldList(key);
  }

  /** The field names for a key of field numbers + 1 in base 16, one shared frozen list per key. */
  private fieldList(key: number): readonly string[] {
    let fields = this.fieldLists.get(key);
    if (!fields) {
      const list: string[] = [];
      for (let k = key; k > 0; k = Math.floor(k / 16)) list.unshift(this.fieldNames[(k % 16) - 1] as string);
      this.fieldLists.set(key, (fields = Object.freeze(list)));
    }
    return fields;
  }

  /**
   * The index terms that start with prefix, in the order SearchableMap.atPrefix(prefix) lists
   * them (the tree's iteration order: a subtree is iterated as part of the whole).
   */
  termsWithPrefix(prefix: string): string[] {
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((terms[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < terms.length && (terms[i] as string).startsWith(prefix); i++) found.push(i);
    return found.sort((a, b) => (this.treeOrder[a] as number) - (this.treeOrder[b] as number)).map((i) => terms[i] as string);
  }

  /** A component's documents, allowed ones only, by score × quality (stable, as MiniSearch sorts). */
  private rank(s: Slab, allowed: ReadonlySet<string> | undefined, slab: () => Slab, quality: (doc: number) => number): Slab {
    const out = slab();
    for (let i = 0; i < s.count; i++) {
      const doc = s.docs[i] as number;
      if (allowed && !allowed.has(this.ids[doc] as string)) continue;
      out.push(doc, (s.score[doc] as number) * (quality(doc) || 1));
    }
    sortByScore(out, this.sortScratch);
    return out;
  }

  /** MiniSearch's executeQuerySpec for one query term: exact, prefix and fuzzy matches. */
  private termHits(term: string, id: number, spec: TermSpec, slab: Slab): TermHits {
    const { weights, maxFuzzy } = this;
    const derived: [string, number][] = [[term, 1]];
    const { fuzzy } = spec;
    let fuzzyMatches: Map<string, number> | undefined;
    if (fuzzy) {
      const maxDistance = Math.min(maxFuzzy, Math.round(term.length * fuzzy));
      if (maxDistance) fuzzyMatches = new Map(this.fuzzyTerms.get(term, maxDistance));
    }
    if (spec.prefix) {
      for (const d of this.termsWithPrefix(term)) {
        const distance = d.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(d); // scored as a prefix match
        derived.push([d, (weights.prefix * d.length) / (d.length + 0.3 * distance)]);
      }
    }
    if (fuzzyMatches) for (const [d, distance] of fuzzyMatches) if (distance) derived.push([d, (weights.fuzzy * d.length) / (d.length + distance)]);

    const hits: TermHits = { term, id, derived: derived.map(([d]) => d), numeric: derived.map(([d]) => (isArrayIndex(d) ? Number(d) : NaN)), slab };
    const { score, member, head, tail } = slab;
    const postingDocs = this.postingDocs;
    const postingScores = this.postingScores;
    derived.forEach(([d, weight], di) => {
      const p = this.postings.get(d);
      if (!p) return;
      let i = p.start;
      p.fields.forEach((f, segment) => {
        // MiniSearch: termWeight * termBoost * fieldBoost * docBoost * rawScore, boosts of 1 aside
        const factor = weight * (this.fieldBoosts[f] as number);
        const bit = 1 << f;
        for (const end = p.ends[segment] as number; i < end; i++) {
          const doc = postingDocs[i] as number;
          const s = factor * (postingScores[i] as number);
          if (!member[doc]) {
            slab.push(doc, s);
            head[doc] = tail[doc] = slab.addEntry(di, bit);
          } else {
            score[doc] = (score[doc] as number) + s;
            const last = tail[doc] as number;
            if (slab.entryDerived[last] === di) slab.entryFields[last] = (slab.entryFields[last] as number) | bit;
            else {
              const e = slab.addEntry(di, bit); // (may replace the entry arrays: call it first)
              slab.entryNext[last] = tail[doc] = e;
            }
          }
        }
      });
    });
    return hits;
  }
}

/** MiniSearch's AND: in the last list's order, scores summed left to right. */
function and(lists: Slab[], slab: () => Slab): Slab {
  let acc = lists[0];
  if (!acc) return slab();
  for (let l = 1; l < lists.length; l++) {
    const next = lists[l] as Slab;
    const out = slab();
    for (let i = 0; i < next.count; i++) {
      const doc = next.docs[i] as number;
      if (acc.member[doc]) out.push(doc, (acc.score[doc] as number) + (next.score[doc] as number));
    }
    acc = out;
  }
  return acc;
}

/** MiniSearch's OR: documents in the order first met, scores summed left to right. */
function or(lists: Slab[], slab: () => Slab): Slab {
  const first = lists[0];
  if (!first) return slab();
  if (lists.length === 1) return first;
  const out = slab();
  for (let i = 0; i < first.count; i++) out.push(first.docs[i] as number, first.score[first.docs[i] as number] as number);
  for (let l = 1; l < lists.length; l++) {
    const next = lists[l] as Slab;
    for (let i = 0; i < next.count; i++) {
      const doc = next.docs[i] as number;
      if (out.member[doc]) out.score[doc] = (out.score[doc] as number) + (next.score[doc] as number);
      else out.push(doc, next.score[doc] as number);
    }
  }
  return out;
}

/** Sorts docs[0 … count) by descending score, equal scores kept in order (merge sort). */
function sortByScore(s: Slab, scratch: Int32Array): void {
  const n = s.count;
  const score = s.score;
  let from = s.docs;
  let to = scratch;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = (score[from[i] as number] as number) >= (score[from[j] as number] as number) ? (from[i++] as number) : (from[j++] as number);
      while (i < mid) to[k++] = from[i++] as number;
      while (j < hi) to[k++] = from[j++] as number;
    }
    [from, to] = [to, from];
  }
  if (from !== s.docs) s.docs.set(from.subarray(0, n));
}

/** The engine's whole state: what build() computes from MiniSearch and a snapshot restores. */
interface EngineState {
  terms: string[]; // the vocabulary in the tree's iteration order
  ids: string[]; // document keys by document number
  size: number;
  documentCount: number;
  fieldNames: string[];
  fieldBoosts: number[];
  weights: { fuzzy: number; prefix: number };
  maxFuzzy: number;
  postings: Map<string, { fields: number[]; ends: number[]; start: number }>;
  postingDocs: Int32Array;
  postingScores: Float64Array;
}

/** The engine's state as JSON: per term (in `terms` order) its start, field count, fields, ends. */
export interface EngineSnapshot {
  terms: string[];
  postings: number[];
  docs: string; // Int32Array bytes, base64
  scores: string; // Float64Array bytes, base64: every score's exact bits
  ids: string[];
  size: number;
  documentCount: number;
  fieldNames: string[];
  fieldBoosts: number[];
  weights: { fuzzy: number; prefix: number };
  maxFuzzy: number;
}

function bytesOf(base64: string, width: number): Uint8Array {
  const b = Buffer.from(base64, "base64");
  if (b.byteLength % width !== 0) throw new Error("search index snapshot: a typed array's bytes do not divide by its width");
  // Copied into a fresh, aligned buffer (Buffer.from may share an unaligned pool).
  const out = new Uint8Array(b.byteLength);
  out.set(b);
  return out;
}
const int32From = (base64: string) => new Int32Array(bytesOf(base64, 4).buffer);
const float64From = (base64: string) => new Float64Array(bytesOf(base64, 8).buffer);

function computeState(index: BuiltIndex): EngineState {
  const { entries } = index;
  const size = index.nextId;
  const ids = new Array<string>(size);
  for (const [n, id] of index.documentIds) ids[n] = String(id);
  const fieldNames = index.fields;
  const fieldIds = fieldNames.map((f) => index.fieldIds[f] as number);
  const { boost, weights, maxFuzzy, bm25 } = index.search;
  // MiniSearch: getOwnProperty(options.boost, field) || 1
  const fieldBoosts = fieldNames.map((f) => (Object.hasOwn(boost, f) ? boost[f] : 0) || 1);

  // MiniSearch's termResults and calcBM25Score, operation for operation, for every posting
  const { k, b, d: delta } = bm25;
  const total = index.documentCount;
  const stride = fieldNames.length;
  const fieldLengths = new Float64Array(size * stride); // [document × stride + field id]
  for (const [doc, lengths] of index.fieldLength) for (let f = 0; f < lengths.length; f++) fieldLengths[doc * stride + f] = lengths[f] as number;
  let count = 0;
  for (const [, data] of entries) for (const freqs of data.values()) count += freqs.size;
  const docs = new Int32Array(count);
  const scores = new Float64Array(count);
  const postings = new Map<string, { fields: number[]; ends: number[]; start: number }>();
  let at = 0;
  // one callback for every posting (quick to compile, no iterator objects)
  let fieldId = 0;
  let invDocFreq = 0;
  let avgFieldLength = 0;
  const score = (termFreq: number, doc: number) => {
    const fieldLength = fieldLengths[doc * stride + fieldId] as number;
    docs[at] = doc;
    scores[at++] = invDocFreq * (delta + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
  };
  for (const [term, data] of entries) {
    const entry = { fields: [] as number[], ends: [] as number[], start: at };
    for (let f = 0; f < stride; f++) {
      fieldId = fieldIds[f] as number;
      const freqs = data.get(fieldId);
      if (freqs == null) continue;
      const matching = freqs.size;
      invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      avgFieldLength = index.avgFieldLength[fieldId] as number;
      freqs.forEach(score);
      entry.fields.push(f);
      entry.ends.push(at);
    }
    postings.set(term, entry);
  }
  return { terms: entries.map(([term]) => term), ids, size, documentCount: index.documentCount, fieldNames, fieldBoosts, weights, maxFuzzy, postings, postingDocs: docs, postingScores: scores };
}
