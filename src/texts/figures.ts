// The figures an article's text states, read with their numerals normalised: 五万元 = 50000 CNY,
// 一百万元 = 1000000, 十五日 = 15 days, 六个月 = 6 months, 三年 = 3 years, 一倍以上十倍以下 =
// ×1–10, 百分之五 = 5 %. A figure is a range as the law writes it: "A以上B以下" (min and max),
// "A以上" (min, no cap), "B以下" or "不超过B" (max), "不足B" (below B, a condition), or a bare
// amount (min = max, e.g. 五年内). Each carries its place in the text, so a page can mark it.
// Pure.

import { fromChineseNumeral } from "../domain/article-number.js";

export type FigureUnit = "CNY" | "multiple" | "percent" | "days" | "months" | "years";

export interface TextFigure {
  unit: FigureUnit;
  min?: number;
  max?: number;
  below?: number; // 不足B: the figure is a condition (违法所得不足十万元的), not a bound
  start: number; // offset of the first character in the text
  end: number; // offset after the last
  text: string; // as written, e.g. 五万元以上五十万元以下
}

const NUM = "[零〇一二两三四五六七八九十百千万亿\\d.,]+";
const UNIT = "元|倍|日|天|个月|年";
// One quantity: 百分之五, or a numeral with its unit.
const QUANTITY = `(?:百分之(${NUM})|(${NUM})(${UNIT}))`;
const QUANTITY_RE = new RegExp(QUANTITY, "gu");

const UNIT_OF: Record<string, FigureUnit> = { 元: "CNY", 倍: "multiple", 日: "days", 天: "days", 个月: "months", 年: "years" };

/** 五万 → 50000; 一百万 → 1000000; 五千万 → 50000000; 十五 → 15; 50万 → 500000; 1,000 → 1000. */
export function parseChineseQuantity(text: string): number | undefined {
  const s = text.replace(/,/g, "");
  if (s === "") return undefined;
  let total = 0;
  let rest = s;
  for (const [mark, mult] of [["亿", 1e8], ["万", 1e4]] as const) {
    const i = rest.indexOf(mark);
    if (i < 0) continue;
    const head = rest.slice(0, i);
    const v = head === "" ? 1 : parseSection(head);
    if (v === undefined) return undefined;
    total += v * mult;
    rest = rest.slice(i + 1);
  }
  if (rest !== "") {
    const v = parseSection(rest);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

/** A numeral below 10,000: 二百八十七, 十五, 一千零五, 5000, 2.5. */
function parseSection(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s.length > 1 && !/[十百千]/.test(s)) return undefined; // 二〇一七: a year written digit by digit, not a count
  return fromChineseNumeral(s);
}

interface Quantity {
  unit: FigureUnit;
  value: number;
  start: number;
  end: number;
}

function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? "";
    const after = text[end] ?? "";
    if (m[1] !== undefined) {
      const value = parseChineseQuantity(m[1]);
      if (value !== undefined) out.push({ unit: "percent", value, start, end });
      continue;
    }
    const unitWord = m[3] as string;
    const unit = UNIT_OF[unitWord] as FigureUnit;
    const numeral = m[2] as string;
    // Not a count: a date (2016年11月7日, 七日 after 月), 年度 (上一年度), 第一年, 周年.
    if (unit === "days" && /[月]/.test(before)) continue;
    if (unit === "years" && (after === "月" || after === "度" || /^\d{4}$/.test(numeral) || before === "第")) continue;
    if (unit === "days" && before === "第") continue;
    const value = parseChineseQuantity(numeral);
    if (value === undefined) continue;
    out.push({ unit, value, start, end });
  }
  return out;
}

/** Every figure the text states, in order. */
export function findFigures(text: string): TextFigure[] {
  const qs = quantities(text);
  const out: TextFigure[] = [];
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i] as Quantity;
    const next = qs[i + 1];
    const after = text.slice(q.end, q.end + 3);
    const before = text.slice(Math.max(0, q.start - 3), q.start);
    const figure = (f: Omit<TextFigure, "text" | "unit">, unit = q.unit): TextFigure => ({ unit, ...f, text: text.slice(f.start, f.end) });
    // A以上B以下 and A至B: one range. The lower bound may omit its unit (五万以上五十万元以下):
    // the regex then reads 五万 as no quantity, handled below by lowerWithoutUnit.
    if (next && next.unit === q.unit && (after.startsWith("以上") || after.startsWith("至")) && next.start === q.end + (after.startsWith("以上") ? 2 : 1)) {
      const tail = text.slice(next.end, next.end + 2);
      if (after.startsWith("至") || tail === "以下") {
        out.push(figure({ min: q.value, max: next.value, start: q.start, end: next.end + (tail === "以下" ? 2 : 0) }));
        i++;
        continue;
      }
    }
    // 六个月至三年: a span from months to years is one range in months (6–36), the unit of its lower bound.
    if (next && q.unit === "months" && next.unit === "years" && after.startsWith("至") && next.start === q.end + 1) {
      out.push(figure({ min: q.value, max: next.value * 12, start: q.start, end: next.end }));
      i++;
      continue;
    }
    if (after.startsWith("以上")) {
      out.push(figure({ min: q.value, start: q.start, end: q.end + 2 }));
      continue;
    }
    if (after.startsWith("以下")) {
      const lower = lowerWithoutUnit(text, q);
      if (lower) out.push(figure({ min: lower.value, max: q.value, start: lower.start, end: q.end + 2 }));
      else out.push(figure({ max: q.value, start: before.endsWith("不超过") ? q.start - 3 : q.start, end: q.end + 2 }));
      continue;
    }
    if (before.endsWith("不超过")) {
      out.push(figure({ max: q.value, start: q.start - 3, end: q.end }));
      continue;
    }
    if (before.endsWith("不足") || before.endsWith("不满")) {
      out.push(figure({ below: q.value, start: q.start - 2, end: q.end }));
      continue;
    }
    out.push(figure({ min: q.value, max: q.value, start: q.start, end: q.end }));
  }
  return out;
}

/** 五万以上五十万元以下: the lower bound written without 元, just before a quantity's 以上. */
function lowerWithoutUnit(text: string, upper: Quantity): { value: number; start: number } | undefined {
  const head = text.slice(0, upper.start);
  const m = new RegExp(`(${NUM})以上$`, "u").exec(head);
  if (!m || m[1] === undefined) return undefined;
  const value = parseChineseQuantity(m[1]);
  return value === undefined ? undefined : { value, start: m.index };
}

/** A range in the rules' terms, for messages: "50000–500000 CNY", "5 % or more, no cap". */
export function describeRange(f: { min?: number; max?: number; below?: number; unit?: string }): string {
  const u = f.unit === "percent" ? " %" : f.unit === "multiple" ? " ×" : ` ${f.unit ?? ""}`;
  if (f.below !== undefined) return `below ${f.below}${u}`;
  if (f.min !== undefined && f.max !== undefined) return f.min === f.max ? `${f.min}${u}` : `${f.min}–${f.max}${u}`;
  if (f.min !== undefined) return `${f.min}${u} or more, no cap`;
  if (f.max !== undefined) return `up to ${f.max}${u}`;
  return "no figure";
}

// ── Cross-references: the articles of its own law that an article names ──────────────────────

export interface ArticleReference {
  number: string; // "37", "287-2"
  paragraphs: number[]; // the paragraphs named (第一款、第二款); empty: the whole article
}

const CN = "[零〇一二两三四五六七八九十百千\\d]+";
const REF_RUN = new RegExp(`本(?:法|条例|规定|办法|解释|细则)第${CN}条(?:之${CN})?(?:第${CN}款)?(?:(?:、|和|或者|及|以及|至)第${CN}条(?:之${CN})?(?:第${CN}款)?|(?:、|和|或者|及)第${CN}款)*`, "gu");
const ONE_REF = new RegExp(`(至)?第(${CN})(条|款)(?:之(${CN}))?`, "gu");

/**
 * The articles of the same instrument an article's text names with 本法 (本条例, 本规定 …): "违反本法第二十二条第一款、第二款
 * 和第四十八条第一款规定" → 22 (paras 1, 2), 48 (para 1); "第四十一条至第四十三条" → 41, 42, 43.
 * A reference to another law (《…》第…条) or to 前款 is not one of them, nor one after 依照, 按照,
 * 根据 or 参照 (the rule applied or the measure used: 依照本法第四十七条规定的经济补偿标准).
 */
export function referencedArticles(text: string): ArticleReference[] {
  const found = new Map<string, ArticleReference>();
  for (const run of text.matchAll(REF_RUN)) {
    // 依照本法第四十七条规定的标准, 按照本条例第…条处罚: a measure or a rule applied, not a duty breached.
    if (/(依照|按照|根据|参照)$/u.test(text.slice(Math.max(0, run.index - 2), run.index))) continue;
    let last: ArticleReference | undefined;
    for (const m of run[0].matchAll(ONE_REF)) {
      const n = parseChineseQuantity(m[2] as string);
      if (n === undefined) continue;
      if (m[3] === "款") {
        if (last && !last.paragraphs.includes(n)) last.paragraphs.push(n);
        continue;
      }
      const sub = m[4] === undefined ? undefined : parseChineseQuantity(m[4]);
      const number = sub ? `${n}-${sub}` : String(n);
      if (m[1] && last && !sub && !last.number.includes("-")) {
        // 第四十一条至第四十三条: every article between
        for (let k = Number(last.number) + 1; k < n; k++) if (!found.has(String(k))) found.set(String(k), { number: String(k), paragraphs: [] });
      }
      last = found.get(number) ?? { number, paragraphs: [] };
      found.set(number, last);
    }
  }
  return [...found.values()];
}
