// Article numbers as the law writes them: "37", or "287-2" for 第二百八十七条之二.
// They sort as numbers (105 < 120-3 < 120-6 < 253-1 < 286-1 < 287 < 287-1 < 287-2 < 288),
// never as strings.

export interface ParsedArticleNumber {
  main: number;
  sub: number; // 0 when the article has no 之N suffix
}

const ARTICLE_NUMBER = /^([1-9]\d*)(?:-([1-9]\d*))?$/;

export function parseArticleNumber(text: string): ParsedArticleNumber | undefined {
  const m = ARTICLE_NUMBER.exec(text.trim());
  if (!m) return undefined;
  return { main: Number(m[1]), sub: m[2] === undefined ? 0 : Number(m[2]) };
}

export function compareArticleNumbers(a: string, b: string): number {
  const pa = parseArticleNumber(a);
  const pb = parseArticleNumber(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa.main - pb.main || pa.sub - pb.sub;
}

const DIGITS = "零一二三四五六七八九";

/** 37 → 三十七; 287 → 二百八十七; 105 → 一百零五; 10 → 十. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`article-number: cannot write ${n} in Chinese numerals`);
  if (n === 0) return "零";
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? "";
    if (d === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    // 10–19 are written 十, 十一 … not 一十 when they stand alone.
    const skipOne = d === 1 && unit === "十" && out.length === 0;
    out += (skipOne ? "" : DIGITS[d]) + unit;
  });
  return out;
}

/** 二百八十七 → 287; 三十七 → 37; 十 → 10; also accepts Arabic digits. */
export function fromChineseNumeral(text: string): number | undefined {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const d = "零一二三四五六七八九".indexOf(ch === "〇" ? "零" : ch === "两" ? "二" : ch);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const mult = ch === "十" ? 10 : ch === "百" ? 100 : 1000;
    total += (digit === 0 && mult === 10 ? 1 : digit) * mult;
    digit = 0;
  }
  return total + digit;
}

/** "287-2" → 第二百八十七条之二 */
export function formatChineseArticle(number: string): string {
  const p = parseArticleNumber(number);
  if (!p) return `第${number}条`;
  return `第${toChineseNumeral(p.main)}条${p.sub ? `之${toChineseNumeral(p.sub)}` : ""}`;
}

/** Reads 第三十七条, 第37条, 第二百八十七条之二 → "37", "287-2". */
export function parseChineseArticle(text: string): string | undefined {
  const m = /第\s*([零〇一二两三四五六七八九十百千\d]+)\s*条(?:\s*之\s*([零〇一二两三四五六七八九十\d]+))?/.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const main = fromChineseNumeral(m[1]);
  if (!main) return undefined;
  const sub = m[2] === undefined ? undefined : fromChineseNumeral(m[2]);
  return sub ? `${main}-${sub}` : String(main);
}
