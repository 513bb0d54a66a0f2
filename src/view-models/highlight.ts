// Splits text into plain and matched segments for the template to print escaped, with the
// matches inside <mark>: no HTML is ever built from data.

export interface Segment {
  text: string;
  mark: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Marks every occurrence of the words; trims to about `max` characters around the first. */
export function highlight(text: string, words: readonly string[], max: number): Segment[] {
  const useful = [...new Set(words.filter((w) => w.length >= 2 || /\p{Script=Han}/u.test(w)))].sort((a, b) => b.length - a.length);
  let body = text;
  if (useful.length > 0) {
    const re = new RegExp(useful.map(escapeRegExp).join("|"), "iu");
    const first = re.exec(text)?.index ?? 0;
    if (text.length > max) {
      const start = Math.max(0, first - Math.floor(max / 3));
      body = `${start > 0 ? "…" : ""}${text.slice(start, start + max)}${start + max < text.length ? "…" : ""}`;
    }
  } else if (text.length > max) body = `${text.slice(0, max)}…`;
  if (useful.length === 0) return [{ text: body, mark: false }];
  const re = new RegExp(`(${useful.map(escapeRegExp).join("|")})`, "giu");
  return body.split(re).filter((s) => s !== "").map((s) => ({ text: s, mark: useful.some((w) => w.toLowerCase() === s.toLowerCase()) }));
}
