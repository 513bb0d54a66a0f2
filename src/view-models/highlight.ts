// Splits text into plain and matched segments for the template to print escaped, with the
// matches inside <mark>: no HTML is ever built from data.
import { STOP_WORDS } from "../search/tokenize.js";

export interface Segment {
  text: string;
  mark: boolean;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The code point that ends just before `at`, as a string (a surrogate pair whole). */
function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at);
  }
  return text.charAt(at - 1);
}

/**
 * Marks every occurrence of the words; trims to about `max` characters around the first.
 * A Latin word is marked only where a word starts with it, as the search matches it ("in"
 * marks "information", never "mainland"); stop words are never marked. Chinese terms are
 * marked wherever they occur. The words are prepared once for every text a page highlights.
 *
 * Every query makes a new pattern, so it is kept cheap to compile: the words alone,
 * case-insensitive, and the start of a word checked in code. (A Unicode lookbehind for letters
 * in the pattern, /(?<![\p{L}\p{N}])word/iu, took 1–4 ms to compile and run the first time:
 * most of a fresh search page's render.)
 */
export function highlighter(words: readonly string[]): (text: string, max: number) => Segment[] {
  const useful = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => (w.length >= 2 || HAN.test(w)) && !STOP_WORDS.has(w)))].sort((a, b) => b.length - a.length);
  if (useful.length === 0) return (text, max) => [{ text: text.length > max ? `${text.slice(0, max)}…` : text, mark: false }];
  const pattern = new RegExp(useful.map(escapeRegExp).join("|"), "gi");

  /** The matches in text, from `from` on: [start, end) pairs, leftmost first, never overlapping. */
  const matches = (text: string, from = 0, limit = Infinity): [number, number][] => {
    const found: [number, number][] = [];
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m && found.length < limit; m = pattern.exec(text)) {
      const at = m.index;
      // Chinese anywhere; a Latin word only where no letter or digit comes before it.
      if (HAN.test(m[0]) || at === 0 || !WORD_CHAR.test(charBefore(text, at))) found.push([at, at + m[0].length]);
      else pattern.lastIndex = at + 1; // not a word start: look again from the next character
    }
    return found;
  };

  return (text, max) => {
    let body = text;
    if (text.length > max) {
      const start = Math.max(0, (matches(text, 0, 1)[0]?.[0] ?? 0) - Math.floor(max / 3));
      body = `${start > 0 ? "…" : ""}${text.slice(start, start + max)}${start + max < text.length ? "…" : ""}`;
    }
    const out: Segment[] = [];
    let at = 0;
    for (const [start, end] of matches(body)) {
      if (start > at) out.push({ text: body.slice(at, start), mark: false });
      out.push({ text: body.slice(start, end), mark: true });
      at = end;
    }
    if (at < body.length) out.push({ text: body.slice(at), mark: false });
    return out;
  };
}

/** Marks every occurrence of the words; trims to about `max` characters around the first. */
export function highlight(text: string, words: readonly string[], max: number): Segment[] {
  return highlighter(words)(text, max);
}
