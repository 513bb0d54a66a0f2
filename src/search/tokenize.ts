// The one tokenizer, for indexing and for queries. Latin words and numbers are words
// (lower-cased, "287-2" kept whole); runs of Chinese characters become overlapping bigrams,
// since Chinese is written without spaces and MiniSearch's default tokenizer would index a
// whole sentence as one "word" and then find nothing.

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}+|[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

export function isHan(term: string): boolean {
  return HAN.test(term);
}

/**
 * mode "index": bigrams and single characters (so a one-character query finds something);
 * mode "query": bigrams, or the character itself for a one-character run.
 */
export function tokenize(text: string, mode: "index" | "query" = "query"): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const run = m[0];
    if (!HAN.test(run)) {
      out.push(run.toLowerCase());
      continue;
    }
    const chars = [...run];
    if (chars.length === 1 || mode === "index") out.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + (chars[i + 1] as string));
  }
  return out;
}

export const indexTokenize = (text: string): string[] => tokenize(text, "index");
export const queryTokenize = (text: string): string[] => tokenize(text, "query");

/**
 * A light English stemmer applied to index and query terms alike, so that "refuse" finds
 * "refusing" and "duty" finds "duties". Chinese terms and numbers pass unchanged.
 */
export function stem(term: string): string {
  if (isHan(term) || /\d/.test(term) || term.length <= 3) return term;
  let t = term;
  if (t.endsWith("ies") && t.length > 4) t = `${t.slice(0, -3)}y`;
  else if (t.endsWith("ing") && t.length > 5) t = t.slice(0, -3);
  else if (t.endsWith("ed") && t.length > 4) t = t.slice(0, -2);
  else if (t.endsWith("es") && t.length > 4 && !t.endsWith("ss")) t = t.slice(0, -1);
  else if (t.endsWith("s") && !t.endsWith("ss") && t.length > 3) t = t.slice(0, -1);
  if (t.endsWith("e") && t.length > 4) t = t.slice(0, -1);
  return t;
}

/**
 * English words too common to search for: a query drops them (they are neither matched nor
 * taken as prefixes, so "in" finds neither "mainland" nor "information") and the results do
 * not highlight them. Indexing keeps them: a document's text is indexed as written.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an and any are as at be by can do does for from has have how i if in into is it its may me my no not of on or our so such than that the their them then there these they this to under upon was we were what when where which who whom why will with without you your".split(" "),
);

/** A query term as the search looks it up: stop words dropped (null), the rest stemmed. */
export function queryTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : stem(term);
}
