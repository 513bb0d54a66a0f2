// What changed in an article between two versions' texts: a character-level comparison (Chinese
// has no spaces, so a character is its word), with numerals normalised first. A numeral is one
// token compared by value (五万 and 50000 are the same figure), and a cross-reference to an
// article of the same law (本法第三十七条) is compared by the provision it means, so a reference
// renumbered by the amendment (第三十七条 → 第三十九条, the same provision) is not a change.
// Pure; the comparison itself is jsdiff's (npm "diff").
import { diffArrays } from "diff";
import { parseChineseArticle } from "../domain/article-number.js";
import { parseChineseQuantity } from "./figures.js";

export interface ChangeSegment {
  text: string;
  change: "same" | "added" | "removed";
}

interface Token {
  key: string; // what is compared
  text: string; // what is shown
}

// 本法第三十七条, or 第四十八条 later in the same list (本法第二十二条、第四十八条); not 《刑法》第…条.
const TOKEN = /(?:本(?:法|条例|规定|办法|解释))?(?<!》)第[零〇一二两三四五六七八九十百千\d]+条(?:之[零〇一二三四五六七八九十\d]+)?|[零〇一二两三四五六七八九十百千万亿\d]+|[\s\S]/gu;

/**
 * Tokens of a text. `lineage` maps an article number of this version to the provision's id,
 * so that references compare by provision; an unmapped number compares by itself.
 */
function tokens(text: string, lineage: (number: string) => string | undefined): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if ((t.length > 2 && t.endsWith("条")) || /条之/u.test(t)) {
      const number = parseChineseArticle(t);
      out.push({ key: `ref:${(number && lineage(number)) ?? number ?? t}`, text: t });
    } else if (t.length > 1 || /[零〇一二两三四五六七八九十百千万亿\d]/u.test(t)) {
      const value = parseChineseQuantity(t);
      out.push({ key: value === undefined ? t : `num:${value}`, text: t });
    } else out.push({ key: t, text: t });
  }
  return out;
}

/** The newer text with what the older one lacked marked added, and what it dropped marked removed. */
export function compareArticleTexts(
  older: string,
  newer: string,
  lineage: { older: (n: string) => string | undefined; newer: (n: string) => string | undefined },
): ChangeSegment[] {
  const a = tokens(older, lineage.older);
  const b = tokens(newer, lineage.newer);
  const changes = diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  const out: ChangeSegment[] = [];
  const push = (text: string, change: ChangeSegment["change"]) => {
    const last = out.at(-1);
    if (last && last.change === change) last.text += text;
    else if (text) out.push({ text, change });
  };
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.removed) {
      push(a.slice(i, i + n).map((t) => t.text).join(""), "removed");
      i += n;
    } else if (c.added) {
      push(b.slice(j, j + n).map((t) => t.text).join(""), "added");
      j += n;
    } else {
      push(b.slice(j, j + n).map((t) => t.text).join(""), "same"); // the newer wording and numbering
      i += n;
      j += n;
    }
  }
  return out;
}

export function hasChanges(segments: readonly ChangeSegment[]): boolean {
  return segments.some((s) => s.change !== "same");
}
