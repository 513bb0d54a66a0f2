// The highlighter marks what the search matched: Latin words where a word starts with them,
// Chinese terms anywhere, stop words never. It used a Unicode lookbehind in one pattern; it now
// checks word starts in code. The old pattern stays here as the reference it must agree with.
import { describe, expect, it } from "vitest";
import { STOP_WORDS } from "../../../src/search/tokenize.js";
import { highlight, highlighter, type Segment } from "../../../src/view-models/highlight.js";

const HAN = /\p{Script=Han}/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The highlighter as it was written with /(?<![\p{L}\p{N}])word/iu. */
function reference(words: readonly string[]): (text: string, max: number) => Segment[] {
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
    return body
      .split(split)
      .map((s, i) => ({ text: s, mark: i % 2 === 1 }))
      .filter((s) => s.text !== "");
  };
}

const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);

describe("highlighter", () => {
  it("marks Latin words only at a word start, in any case, and Chinese terms anywhere", () => {
    const text = "Information in the mainland: REAL-name rules (实名制), surreal names, 网络实名 and 4real.";
    expect(marked(highlight(text, ["inform", "real", "name", "实名"], 500))).toEqual(["Inform", "REAL", "name", "实名", "name", "实名"]);
    expect(highlight("surreal", ["real"], 100)).toEqual([{ text: "surreal", mark: false }]);
  });

  it("never marks stop words or single Latin letters, and gives back the text whole", () => {
    const text = "The duty of a network operator";
    expect(highlight(text, ["the", "of", "a"], 100)).toEqual([{ text, mark: false }]);
    const segments = highlight(text, ["network", "duty"], 100);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(marked(segments)).toEqual(["duty", "network"]);
  });

  it("prefers the longest word where two start at the same place", () => {
    expect(marked(highlight("data handlers and data", ["data", "data handler"], 100))).toEqual(["data handler", "data"]);
  });

  it("treats a letter outside the BMP before a word as a letter", () => {
    expect(marked(highlight("𝐀real real", ["real"], 100))).toEqual(["real"]);
  });

  it("trims long texts around the first match, with ellipses", () => {
    const text = `${"x ".repeat(200)}the real name rule${" y".repeat(200)}`;
    const segments = highlight(text, ["real"], 60);
    const joined = segments.map((s) => s.text).join("");
    expect(joined.startsWith("…")).toBe(true);
    expect(joined.endsWith("…")).toBe(true);
    expect(marked(segments)).toEqual(["real"]);
  });

  it("agrees with the lookbehind pattern it replaced, on 2,000 generated texts", () => {
    const pieces = ["real", "Real", "REAL", "name", "names", "surreal", "in", "information", "mainland", "实名", "网络", "真实身份", "data", "4", "-", " ", " ", ", ", "(", "é", "Ünder", "under", "ünder", "a.b", "c++", "x"];
    const queries = [["real", "name"], ["in"], ["实名", "real"], ["under"], ["ünder"], ["a.b", "c++"], ["information", "in", "data"], ["网络", "真实身份"], ["the", "of"], ["re"]];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 2_000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const words = queries[n % queries.length] as string[];
      const max = n % 3 === 0 ? 40 : 1_000;
      expect(highlighter(words)(text, max), `${JSON.stringify(words)} in ${JSON.stringify(text)}`).toEqual(reference(words)(text, max));
    }
  });
});
