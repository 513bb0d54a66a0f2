// The figures a piece of prose states: what a memo says an article sets. Chinese figures are read
// by the one parser of the law's own wording (src/texts/figures.ts: 五万元以上五十万元以下, 百分之五,
// 一倍以上十倍以下, 十五日, 50万元); English ones here: "RMB 500,000", "RMB 10,000 to 100,000",
// "up to RMB 1 million", "CNY 50 million", "1 to 10 times", "5%", "5 per cent", "15 days",
// "up to 3 years". Each is a range as the prose gives it: min and max, max alone ("up to"), min
// alone ("at least", "or more"), or one value (a bare amount, matched against either bound). Pure.
import { findFigures, type FigureUnit } from "../texts/figures.js";

export interface StatedFigure {
  unit: FigureUnit;
  min?: number;
  max?: number;
  start: number; // offset in the text given
  end: number;
  text: string;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30 };
const N = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)`;
const SCALE = String.raw`(?:\s*(?:million|m|billion|bn|thousand|k)(?![a-z]))?`;
const TO = String.raw`\s*(?:to|-|–|—|and)\s*`;
const UP_TO = String.raw`(?:up\s+to|not\s+more\s+than|no\s+more\s+than|not\s+exceeding|a\s+maximum\s+of|maximum\s+of|at\s+most|capped\s+at)\s+`;
const AT_LEAST = String.raw`(?:at\s+least|not\s+less\s+than|no\s+less\s+than|a\s+minimum\s+of)\s+`;
const BOUND = `(?:(${UP_TO})|(${AT_LEAST}))?`;
const OR_MORE = String.raw`(\s+or\s+(?:more|above|over))?`;
const CURRENCY = String.raw`(?:RMB|CNY|¥|￥)\s*`;

const AMOUNT = new RegExp(`${BOUND}(?:between\\s+)?${CURRENCY}(${N}${SCALE})(?:${TO}(?:${CURRENCY})?(${N}${SCALE}))?(?:\\s*yuan)?${OR_MORE}|${BOUND}(${N}${SCALE})(?:${TO}(${N}${SCALE}))?\\s*yuan${OR_MORE}`, "giu");
const MULTIPLE = new RegExp(`${BOUND}(?:between\\s+)?(${N})(?:\\s*(?:times|x|×))?(?:${TO}(${N}))?\\s*(?:times|x|×|-fold)(?![a-z])${OR_MORE}`, "giu");
const PERCENT = new RegExp(`${BOUND}(${N})\\s*(?:%|per\\s*cent|percent)(?:${TO}(${N})\\s*(?:%|per\\s*cent|percent))?${OR_MORE}`, "giu");
const DURATION = new RegExp(`${BOUND}(?:between\\s+)?(${N})(?:${TO}(${N}))?\\s*(days?|months?|years?)(?![a-z])${OR_MORE}`, "giu");

/** "500,000" → 500000; "1 million" → 1000000; "five" → 5. */
function readNumber(s: string): number | undefined {
  const m = /^([\d.,]+|[a-z]+)\s*(million|m|billion|bn|thousand|k)?$/i.exec(s.trim());
  if (!m) return undefined;
  const base = /^[a-z]+$/i.test(m[1] as string) ? WORDS[(m[1] as string).toLowerCase()] : Number((m[1] as string).replace(/,/g, ""));
  if (base === undefined || Number.isNaN(base)) return undefined;
  const scale = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, thousand: 1e3, k: 1e3 }[(m[2] ?? "").toLowerCase()] ?? 1;
  return Math.round(base * scale * 100) / 100;
}

const hasScale = (s: string) => /(million|m|billion|bn|thousand|k)\s*$/i.test(s);

function push(out: StatedFigure[], text: string, m: RegExpMatchArray, unit: FigureUnit, upTo: string | undefined, atLeast: string | undefined, a: string, b: string | undefined, orMore: string | undefined): void {
  // "RMB 1-10 million": the scale of the upper bound reaches the lower one.
  const lowText = b && hasScale(b) && !hasScale(a) ? `${a} ${/(million|m|billion|bn|thousand|k)\s*$/i.exec(b)?.[1]}` : a;
  const low = readNumber(lowText);
  const high = b === undefined ? undefined : readNumber(b);
  if (low === undefined || (b !== undefined && high === undefined)) return;
  const f: StatedFigure = { unit, start: m.index as number, end: (m.index as number) + m[0].length, text: m[0].trim() };
  if (high !== undefined) [f.min, f.max] = [low, high];
  else if (upTo) f.max = low;
  else if (atLeast || orMore) f.min = low;
  else [f.min, f.max] = [low, low];
  out.push(f);
}

// Each English pattern needs a word of its unit; the patterns run only on the stretches of text
// around those words (a memo is mostly prose: scanning all of it with every pattern was most of
// the check's time).
const KEYWORDS: [RegExp, RegExp][] = [
  [/RMB|CNY|[¥￥]|yuan/giu, AMOUNT],
  [/times|×|-fold|\dx/giu, MULTIPLE],
  [/%|per\s*cent/giu, PERCENT],
  [/days?|months?|years?/giu, DURATION],
];
const REACH = 80; // characters a figure may extend before or after its unit word

function* matchesNear(text: string, keyword: RegExp, pattern: RegExp): Generator<RegExpMatchArray> {
  let windowStart = -1;
  let windowEnd = -1;
  const flush = function* (): Generator<RegExpMatchArray> {
    if (windowStart < 0) return;
    const slice = text.slice(windowStart, windowEnd);
    for (const m of slice.matchAll(pattern)) {
      m.index = (m.index as number) + windowStart;
      yield m;
    }
  };
  for (const k of text.matchAll(keyword)) {
    const from = Math.max(0, k.index - REACH);
    const to = Math.min(text.length, k.index + k[0].length + REACH);
    if (from <= windowEnd) windowEnd = to;
    else {
      yield* flush();
      windowStart = from;
      windowEnd = to;
    }
  }
  yield* flush();
}

/** Every figure the prose states, English and Chinese, in order of position. */
export function findStatedFigures(text: string): StatedFigure[] {
  const out: StatedFigure[] = [];
  const [amount, multiple, percent, duration] = KEYWORDS.map(([keyword, pattern]) => [...matchesNear(text, keyword, pattern)]) as [RegExpMatchArray[], RegExpMatchArray[], RegExpMatchArray[], RegExpMatchArray[]];
  for (const m of amount) {
    if (m[3] !== undefined) push(out, text, m, "CNY", m[1], m[2], m[3], m[4], m[5]);
    else push(out, text, m, "CNY", m[6], m[7], m[8] as string, m[9], m[10]);
  }
  for (const m of multiple) push(out, text, m, "multiple", m[1], m[2], m[3] as string, m[4], m[5]);
  for (const m of percent) push(out, text, m, "percent", m[1], m[2], m[3] as string, m[4], m[5]);
  for (const m of duration) {
    const word = (m[5] as string).toLowerCase();
    const unit: FigureUnit = word.startsWith("day") ? "days" : word.startsWith("month") ? "months" : "years";
    push(out, text, m, unit, m[1], m[2], m[3] as string, m[4], m[6]);
  }
  // Chinese: the law's own parser. A 不足 threshold is a condition, kept as a value.
  if (/[\u4e00-\u9fff]/.test(text)) {
    for (const f of findFigures(text)) {
      const s: StatedFigure = { unit: f.unit, start: f.start, end: f.end, text: f.text };
      if (f.below !== undefined) [s.min, s.max] = [f.below, f.below];
      else {
        if (f.min !== undefined) s.min = f.min;
        if (f.max !== undefined) s.max = f.max;
      }
      out.push(s);
    }
  }
  // Overlaps (an English amount inside a longer range): the longer wins.
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: StatedFigure[] = [];
  for (const f of out) if (!kept.length || f.start >= (kept.at(-1) as StatedFigure).end) kept.push(f);
  return kept;
}
