// Splits text into plain and matched segments for the template to print escaped, with the
// matches inside <mark>: no HTML is ever built from data.

export interface Segment {
  text: string;
  mark: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Marks every occurrence of the words; trims to about `max` characters around the first.
 * The words are prepared once for every text a page highlights with them.
 */
export function highlighter(words: readonly string[]): (text: string, max: number) => Segment[] {
  const useful = [...new Set(words.filter((w) => w.length >= 2 || /\p{Script=Han}/u.test(w)))].sort((a, b) => b.length - a.length);
  if (useful.length === 0) return (text, max) => [{ text: text.length > max ? `${text.slice(0, max)}…` : text, mark: false }];
  const alternatives = useful.map(escapeRegExp).join("|");
  const first = new RegExp(alternatives, "iu");
  const split = new RegExp(`(${alternatives})`, "giu");
  const lower = new Set(useful.map((w) => w.toLowerCase()));
  return (text, max) => {
    let body = text;
    if (text.length > max) {
      const start = Math.max(0, (first.exec(text)?.index ?? 0) - Math.floor(max / 3));
      body = `${start > 0 ? "…" : ""}${text.slice(start, start + max)}${start + max < text.length ? "…" : ""}`;
    }
    return body.split(split).filter((s) => s !== "").map((s) => ({ text: s, mark: lower.has(s.toLowerCase()) }));
  };
}

/** Marks every occurrence of the words; trims to about `max` characters around the first. */
export function highlight(text: string, words: readonly string[], max: number): Segment[] {
  return highlighter(words)(text, max);
}
