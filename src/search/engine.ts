// The query loop of the search, run on MiniSearch's index. MiniSearch's search() builds an
// object per matching document per term and merges them per search, three searches a query:
// at 3,000 provisions that allocation was most of a query's time. Here a term's matches are
// flat arrays indexed by document number, each term is looked up once per query, and the
// matched terms and fields are only worked out for the documents returned.
//
// The answers are MiniSearch's, to the last bit of every score and in the same order (ties
// included): BM25 with the same operations in the same order, documents in the order
// MiniSearch's Maps would hold them, and `fields` in the order its match objects would list
// them. test/unit/search/search-engine.test.ts compares the two.
import MiniSearch from "minisearch";
import { FuzzyVocabulary } from "./fuzzy.js";

/** A query, as search-index.ts runs it: three searches merged with weights. */
export interface QueryPlan {
  words: string[]; // the typed words, processed: AND for "exact", OR for "partial"
  synonyms: string[][]; // each glossary name's words, AND within a name, OR between names
  weights: { exact: number; synonyms: number; partial: number };
  prefix: (term: string) => boolean;
  fuzzy: (term: string) => false | number;
}

export interface EngineHit {
  key: string;
  score: number;
  terms: string[];
  fields: string[];
}

/** Documents with scores, in MiniSearch's order for them. */
interface Scored {
  docs: number[]; // document numbers, in order
  score: Float64Array; // by document number, where member
  member: Uint8Array; // 1 for the documents in docs
}

/** One query term's matches: the documents, and per document the index terms it matched. */
interface TermHits extends Scored {
  term: string;
  id: number; // position among the query's distinct terms
  derived: string[]; // the index terms it matched: itself, by prefix, fuzzily
  numeric: number[]; // their values if array-index-like ("37"), else NaN
  head: Int32Array; // per document, its first entry (below)
  tail: Int32Array; // and its last
  // entries, one per (document, derived term) in the order MiniSearch's match object gets them
  entryDerived: number[];
  entryFields: number[]; // bit i: FIELDS[i]
  entryNext: number[]; // -1 at the end of a document's list
}

interface Group extends Scored {
  terms: TermHits[]; // distinct, in order
}

const none = (size: number): Scored => ({ docs: [], score: new Float64Array(size), member: new Uint8Array(size) });

/** Property keys that JavaScript lists first, in numeric order (array indices). */
const isArrayIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;

export class QueryEngine<T> extends MiniSearch<T> {
  private fuzzyTerms?: FuzzyVocabulary;
  private ids: string[] = [];
  private size = 0; // document numbers run 0 … size - 1
  private fieldNames: string[] = [];
  private fieldIds: number[] = [];
  private fieldBoosts: number[] = [];
  private frozenCount = -1; // documents when frozen
  /**
   * Every index term's postings, field by field in field order, documents in MiniSearch's order:
   * document numbers and BM25 scores (before weights), in two flat arrays.
   */
  private postings = new Map<string, { fields: number[]; ends: number[]; start: number }>();
  private postingDocs = new Int32Array(0);
  private postingScores = new Float64Array(0);

  /** Call once every document is added (the index never changes afterwards). */
  freeze(): void {
    // The tree's own iteration is the reverse of the order fuzzyGet reports its matches in.
    const terms = [...this._index.keys()].reverse();
    this.fuzzyTerms = new FuzzyVocabulary(terms);
    this.size = this._nextId;
    this.frozenCount = this._documentCount;
    this.ids = new Array<string>(this.size);
    for (const [n, id] of this._documentIds) this.ids[n] = String(id);
    this.fieldNames = [...this._options.fields];
    this.fieldIds = this.fieldNames.map((f) => this._fieldIds[f] as number);
    // MiniSearch: getOwnProperty(options.boost, field) || 1
    this.fieldBoosts = this.fieldNames.map((f) => (Object.hasOwn(this._options.searchOptions.boost, f) ? this._options.searchOptions.boost[f] : 0) || 1);

    // MiniSearch's termResults and calcBM25Score, operation for operation, for every posting
    const { k, b, d: delta } = this._options.searchOptions.bm25;
    const total = this._documentCount;
    let count = 0;
    for (const term of terms) for (const freqs of (this._index.get(term) as Map<number, Map<number, number>>).values()) count += freqs.size;
    this.postingDocs = new Int32Array(count);
    this.postingScores = new Float64Array(count);
    this.postings.clear();
    let at = 0;
    for (const term of terms) {
      const data = this._index.get(term) as Map<number, Map<number, number>>;
      const entry = { fields: [] as number[], ends: [] as number[], start: at };
      this.fieldNames.forEach((_, f) => {
        const fieldId = this.fieldIds[f] as number;
        const freqs = data.get(fieldId);
        if (freqs == null) return;
        const matching = freqs.size;
        const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        const avgFieldLength = this._avgFieldLength[fieldId] as number;
        for (const [doc, termFreq] of freqs) {
          const fieldLength = (this._fieldLength.get(doc) as number[])[fieldId] as number;
          this.postingDocs[at] = doc;
          this.postingScores[at++] = invDocFreq * (delta + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        }
        entry.fields.push(f);
        entry.ends.push(at);
      });
      this.postings.set(term, entry);
    }
  }

  run(plan: QueryPlan, allowed: ReadonlySet<string> | undefined): EngineHit[] {
    if (this.frozenCount !== this._documentCount || this.size !== this._nextId) this.freeze();
    const looked = new Map<string, TermHits>();
    const lookUp = (term: string) => {
      let hits = looked.get(term);
      if (!hits) looked.set(term, (hits = this.termHits(term, looked.size, plan)));
      return hits;
    };
    const words = plan.words.map(lookUp);
    const groups: Group[] = plan.synonyms.map((names) => {
      const terms = names.map(lookUp);
      return { ...and(terms, this.size), terms: [...new Set(terms)] };
    });
    const distinctWords = [...new Set(words)];
    const stamp = new Int32Array(looked.size).fill(-1);

    // exact: every typed word. MiniSearch multiplies a score by the number of distinct query
    // terms matched ("quality"), then search-index.ts by the search's weight.
    const exact = and(words, this.size);
    const exactRank = this.rank(exact, allowed, () => distinctWords.length);
    // synonyms: any glossary name, all its words
    const synonyms = or(groups, this.size);
    const synonymRank = this.rank(synonyms, allowed, (doc) => {
      let n = 0;
      for (const g of groups) if (g.member[doc]) for (const t of g.terms) if (stamp[t.id] !== doc) (stamp[t.id] = doc), n++;
      return n;
    });
    // partial: any typed word
    const partial = or(words, this.size);
    const partialRank = this.rank(partial, allowed, (doc) => {
      let n = 0;
      for (const t of distinctWords) n += t.member[doc] as number;
      return n;
    });

    const total = new Float64Array(this.size);
    const seen = new Uint8Array(this.size);
    const order: number[] = [];
    const add = ([docs, scores]: [number[], Float64Array], weight: number) => {
      for (const doc of docs) {
        if (seen[doc]) total[doc] = (total[doc] as number) + (scores[doc] as number) * weight;
        else {
          seen[doc] = 1;
          order.push(doc);
          total[doc] = (scores[doc] as number) * weight;
        }
      }
    };
    add(exactRank, plan.weights.exact);
    add(synonymRank, plan.weights.synonyms);
    add(partialRank, plan.weights.partial);
    order.sort((a, b) => (total[b] as number) - (total[a] as number));

    const anyNumeric = [...looked.values()].some((t) => t.numeric.some((v) => !Number.isNaN(v)));
    return order.map((doc) => {
      // The components a document is in, in the order their matches were merged.
      const inExact = exact.member[doc] === 1;
      const inSynonyms = synonyms.member[doc] === 1;
      const terms: string[] = [];
      const visit: TermHits[] = [];
      if (inExact) for (const t of distinctWords) terms.push(t.term), visit.push(t);
      if (inSynonyms) {
        for (const g of groups) {
          if (!g.member[doc]) continue;
          for (const t of g.terms) {
            if (!terms.includes(t.term)) terms.push(t.term);
            visit.push(t);
          }
        }
      }
      for (const t of distinctWords) {
        if (!t.member[doc]) continue;
        if (!terms.includes(t.term)) terms.push(t.term);
        visit.push(t);
      }
      return { key: this.ids[doc] as string, score: total[doc] as number, terms, fields: this.fieldsOf(doc, visit, anyNumeric) };
    });
  }

  /**
   * The fields a document matched in, as MiniSearch's match object lists them: by index term,
   * in the order the terms were met, except that array-index-like terms ("37") come first, in
   * numeric order, as JavaScript orders an object's keys.
   */
  private fieldsOf(doc: number, visit: TermHits[], anyNumeric: boolean): string[] {
    const fields: string[] = [];
    let done = 0;
    const take = (mask: number) => {
      const fresh = mask & ~done;
      if (!fresh) return;
      for (let i = 0; i < this.fieldNames.length; i++) if (fresh & (1 << i)) fields.push(this.fieldNames[i] as string);
      done |= mask;
    };
    if (!anyNumeric) {
      for (const t of visit) for (let e = t.head[doc] as number; e !== -1; e = t.entryNext[e] as number) take(t.entryFields[e] as number);
      return fields;
    }
    const numeric: [number, number][] = [];
    const rest: number[] = [];
    for (const t of visit) {
      for (let e = t.head[doc] as number; e !== -1; e = t.entryNext[e] as number) {
        const value = t.numeric[t.entryDerived[e] as number] as number;
        if (Number.isNaN(value)) rest.push(t.entryFields[e] as number);
        else numeric.push([value, t.entryFields[e] as number]);
      }
    }
    for (const [, mask] of numeric.sort((a, b) => a[0] - b[0])) take(mask);
    for (const mask of rest) take(mask);
    return fields;
  }

  /** A component's documents, allowed ones only, by score × quality (stable, as MiniSearch sorts). */
  private rank(s: Scored, allowed: ReadonlySet<string> | undefined, quality: (doc: number) => number): [number[], Float64Array] {
    const scores = new Float64Array(this.size);
    const docs: number[] = [];
    for (const doc of s.docs) {
      if (allowed && !allowed.has(this.ids[doc] as string)) continue;
      scores[doc] = (s.score[doc] as number) * (quality(doc) || 1);
      docs.push(doc);
    }
    docs.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    return [docs, scores];
  }

  /** MiniSearch's executeQuerySpec for one query term: exact, prefix and fuzzy matches. */
  private termHits(term: string, id: number, plan: QueryPlan): TermHits {
    const { weights, maxFuzzy } = this._options.searchOptions;
    const derived: [string, number][] = [[term, 1]];
    const fuzzy = plan.fuzzy(term);
    let fuzzyMatches: Map<string, number> | undefined;
    if (fuzzy) {
      const maxDistance = Math.min(maxFuzzy, Math.round(term.length * fuzzy));
      if (maxDistance) fuzzyMatches = new Map((this.fuzzyTerms as FuzzyVocabulary).get(term, maxDistance));
    }
    if (plan.prefix(term)) {
      for (const d of this._index.atPrefix(term).keys()) {
        const distance = d.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(d); // scored as a prefix match
        derived.push([d, (weights.prefix * d.length) / (d.length + 0.3 * distance)]);
      }
    }
    if (fuzzyMatches) for (const [d, distance] of fuzzyMatches) if (distance) derived.push([d, (weights.fuzzy * d.length) / (d.length + distance)]);

    const n = this.size;
    const hits: TermHits = {
      term, id, derived: derived.map(([d]) => d), numeric: derived.map(([d]) => (isArrayIndex(d) ? Number(d) : NaN)),
      docs: [], score: new Float64Array(n), member: new Uint8Array(n), head: new Int32Array(n), tail: new Int32Array(n),
      entryDerived: [], entryFields: [], entryNext: [],
    };
    const { docs, score, member, head, tail, entryDerived, entryFields, entryNext } = hits;
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
            member[doc] = 1;
            docs.push(doc);
            score[doc] = s;
            head[doc] = tail[doc] = entryDerived.length;
            entryDerived.push(di), entryFields.push(bit), entryNext.push(-1);
          } else {
            score[doc] = (score[doc] as number) + s;
            const last = tail[doc] as number;
            if (entryDerived[last] === di) entryFields[last] = (entryFields[last] as number) | bit;
            else {
              entryNext[last] = tail[doc] = entryDerived.length;
              entryDerived.push(di), entryFields.push(bit), entryNext.push(-1);
            }
          }
        }
      });
    });
    return hits;
  }
}

/** MiniSearch's AND: in the last list's order, scores summed left to right. */
function and<S extends Scored>(lists: S[], size: number): Scored {
  const [first, ...rest] = lists;
  if (!first) return none(size);
  let acc: Scored = first;
  for (const next of rest) {
    const out = none(size);
    for (const doc of next.docs) {
      if (!acc.member[doc]) continue;
      out.member[doc] = 1;
      out.docs.push(doc);
      out.score[doc] = (acc.score[doc] as number) + (next.score[doc] as number);
    }
    acc = out;
  }
  return acc;
}

/** MiniSearch's OR: documents in the order first met, scores summed left to right. */
function or<S extends Scored>(lists: S[], size: number): Scored {
  const [first, ...rest] = lists;
  if (!first) return none(size);
  if (rest.length === 0) return first;
  const out: Scored = { docs: [...first.docs], score: new Float64Array(first.score), member: new Uint8Array(first.member) };
  for (const next of rest) {
    for (const doc of next.docs) {
      if (out.member[doc]) out.score[doc] = (out.score[doc] as number) + (next.score[doc] as number);
      else {
        out.member[doc] = 1;
        out.docs.push(doc);
        out.score[doc] = next.score[doc] as number;
      }
    }
  }
  return out;
}
