// Fuzzy term lookup over a fixed vocabulary: every term within a Levenshtein distance of the
// query, the same answer (terms, distances and order) as MiniSearch's SearchableMap.fuzzyGet,
// which walks the whole radix tree and was most of the time a search took. Here only terms of
// a possible length are compared, with Myers' bit-parallel edit distance (one machine word per
// text character, for queries up to 32 UTF-16 units; longer ones use the plain matrix).

export class FuzzyVocabulary {
  /** Terms by length, each with its position in the vocabulary's order. */
  private readonly byLength = new Map<number, { terms: string[]; order: number[]; chars: number[] }>();
  /** The query's character masks, indexed by UTF-16 code unit (reset after each query). */
  private readonly peq = new Int32Array(65536);

  /** terms: in the order results should come back (MiniSearch's tree order). */
  constructor(terms: Iterable<string>) {
    let i = 0;
    for (const term of terms) {
      let bucket = this.byLength.get(term.length);
      if (!bucket) this.byLength.set(term.length, (bucket = { terms: [], order: [], chars: [] }));
      bucket.terms.push(term);
      bucket.order.push(i++);
      bucket.chars.push(charSet(term));
    }
  }

  /** Every term within maxDistance of the query, in vocabulary order, with its distance. */
  get(query: string, maxDistance: number): [term: string, distance: number][] {
    const found: [order: number, term: string, distance: number][] = [];
    const m = query.length;
    const bitParallel = m > 0 && m <= 32;
    const peq = this.peq;
    const queryChars = charSet(query);
    if (bitParallel) for (let j = 0; j < m; j++) peq[query.charCodeAt(j)] = (peq[query.charCodeAt(j)] as number) | (1 << j);
    for (let len = Math.max(0, m - maxDistance); len <= m + maxDistance; len++) {
      const bucket = this.byLength.get(len);
      if (!bucket) continue;
      const { terms, order, chars } = bucket;
      for (let k = 0; k < terms.length; k++) {
        // Each kind of character one has and the other lacks costs at least one edit.
        const c = chars[k] as number;
        if (bitCount(queryChars & ~c) > maxDistance || bitCount(c & ~queryChars) > maxDistance) continue;
        const term = terms[k] as string;
        const d = bitParallel ? this.myers(term, m) : levenshtein(query, term);
        if (d <= maxDistance) found.push([order[k] as number, term, d]);
      }
    }
    if (bitParallel) for (let j = 0; j < m; j++) peq[query.charCodeAt(j)] = 0;
    return found.sort((a, b) => a[0] - b[0]).map(([, term, d]) => [term, d]);
  }

  /** Edit distance between the query (masks in peq, length m ≤ 32) and text. */
  private myers(text: string, m: number): number {
    const peq = this.peq;
    const high = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let i = 0; i < text.length; i++) {
      const eq = peq[text.charCodeAt(i)] as number;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      ph = (ph << 1) | 1; // the top row grows by one per character: global, not substring, distance
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return score;
  }
}

/** The kinds of characters in a term, as bits: a–z one each, anything else in six buckets. */
function charSet(term: string): number {
  let set = 0;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    set |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return set;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Plain Levenshtein distance over UTF-16 code units (for queries longer than 32). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: a.length + 1 }, (_, j) => j);
  for (let i = 1; i <= b.length; i++) {
    const row = [i];
    for (let j = 1; j <= a.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a.charCodeAt(j - 1) === b.charCodeAt(i - 1) ? 0 : 1));
    }
    prev = row;
  }
  return prev[a.length] as number;
}
