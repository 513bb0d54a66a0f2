// Splits text into plain and matched segments for the template to print escaped, with the
// matches inside <mark>: no HTML is ever built from data.
import { STOP_WORDS } from "../search/tokenize.js";

export interface Segment {
  text: string;
  mark: boolean;
}

const HAN = /\p{Script=Han}/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Marks every occurrence of the words; trims to about `max` characters around the first.
 * A Latin word is marked only where a word starts with it, as the search matches it ("in"
 * marks "information", never "mainland"); stop words are never marked. Chinese terms are
 * marked wherever they occur. The words are prepared once for every text a page highlights.
 */
export function highlighter(words: readonly string[]): (text: string, max: number) => Segment[] {
  const useful = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => (w.length >= 2 || HAN.test(w)) && !STOP_WORDS.has(w)))].sort((a, b) => b.length - a.length);
  if (useful.length === 0) return (text, max) => [{ text: text.length > max ? `${text.slice(0, max)}…` : text, mark: false }];
  const alternatives = useful.map((w) => (HAN.test(w) ? escapeRegExp(w) : `(?<![\\p{L}\\p{N}])${escapeRegExp(w)}`)).join("|");
  const first = new RegExp(alternatives, "iu");
  const split = new RegExp(`(${alternatives})`, "giu");
  return (text, max) => {
    let body = text;
    if (text.length > max) {
      const start = Math.max(0, (first.exec(text)?.index ?? 0) - Math.floor(max / 3));
      body = `${start > 0 ? "…" : ""}${text.slice(start, start + max)}${start + max < text.length ? "…" : ""}`;
    }
    // split() with one capturing group: the matches are the odd pieces
    return body
      .split(split)
      .map((s, i) => ({ text: s, mark: i % 2 === 1 }))
      .filter((s) => s.text !== "");
  };
}

/** Marks every occurrence of the words; trims to about `max` characters around the first. */
export function highlight(text: string, words: readonly string[], max: number): Segment[] {
  return highlighter(words)(text, max);
}
