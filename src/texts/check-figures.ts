// The figures check (`npm run check:texts -- DIR`): for every provision of every version that
// has an official text, every structured figure of its sanctions is one the article states,
// and the structure around it agrees with the text:
//   - each amount, day, month and year count, multiple and percent (min and max together, as
//     one range) is a figure of the article's text, or of the tier's paragraph when the tier
//     names one (with the paragraphs it draws on: 依照前款规定; the whole article for a tier
//     that is aggravated, 从重处罚); an open bound ("以上" with no cap) has no max;
//   - a sanction marked optional stands in a sentence with 可以 (or 根据情况, 根据情节, 视情节)
//     before it, and one not marked optional is not in a clause that starts with 可以;
//   - every article of the same instrument a tier `enforces` is one the penalty article names
//     (违反本法第三十七条规定). A pinpoint p22.1 must be a paragraph the text names, or the text
//     names the whole article; a text that names no article of its own law confirms nothing
//     and contradicts nothing (counted as "not named");
//   - every article number in `numbers` is an article of that version's text;
//   - each criminal threshold of a tier (`thresholds`) stands in the text as an open bound:
//     五千次以上 (a count), 五万元以上 (an amount), 五倍以上 (a multiple).
// Pure apart from the line lookup: the catalog and the texts in, counts and contradictions out.
import { parseProvisionRef } from "../domain/pinpoint.js";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { sanctionsOf } from "../domain/penalty-arithmetic.js";
import type { PenaltyTier, Sanction, Threshold, Version } from "../domain/rules-schema.js";
import { appliesIn } from "../query/versions.js";
import { describeRange, findFigures, parseChineseQuantity, referencedArticles, type FigureUnit, type TextFigure } from "./figures.js";
import { textFileName, type LawTexts } from "./load-law-texts.js";
import { articleText, paragraphText, type TextArticle, type TextParagraph } from "./parse-law-text.js";
import { fromChineseNumeral } from "../domain/article-number.js";
import type { RulesLines } from "./rules-lines.js";

export interface VersionCheck {
  instrumentId: string;
  versionId: string;
  text: string; // the file name, or why there is none
  loaded: boolean;
  figures: number; // structured figures in the sanctions of this version
  confirmed: number;
  contradicted: number;
  noText: number; // figures of a version whose text is not loaded
  articles: number; // article numbers checked against the text
  missingArticles: number;
  enforces: number; // same-instrument enforces checked
  enforcesConfirmed: number;
  enforcesNotNamed: number; // the penalty article names no article of its own law
  optional: number; // 可以 checks made
}

export interface Contradiction {
  file: string;
  line?: number;
  provision: string; // the provision's id, e.g. p59
  path: string; // the key in the rules file, e.g. provisions[12].penalties[1].sanctions[3]
  rules: string;
  text: string;
}

export interface FiguresReport {
  versions: VersionCheck[];
  contradictions: Contradiction[];
}

const BASE_WORDS: Record<string, string> = {
  "illegal-gains": "违法所得",
  "illegal-business-revenue": "违法经营额",
  "purchase-amount": "采购金额",
  "previous-year-turnover": "营业额",
  "transaction-amount": "交易金额",
  "severance-standard": "经济补偿标准",
};

/** The words that name a sanction in the text, for the 可以 check of sanctions without a figure. */
const KIND_WORDS: Record<string, readonly string[]> = {
  warning: ["警告"],
  "order-to-correct": ["责令改正", "责令限期改正"],
  confiscation: ["没收违法所得", "没收"],
  "suspension-of-business": ["暂停相关业务", "停业整顿", "责令停产停业", "暂停"],
  "closure-of-website": ["关闭网站"],
  "licence-revocation": ["吊销相关业务许可证", "吊销许可证", "吊销"],
  "administrative-detention": ["拘留"],
  "criminal-fine": ["罚金"],
  deportation: ["驱逐出境", "限期出境"],
  "stop-new-business": ["停止新增业务"],
  "business-scope-reduction": ["缩减业务类型", "缩减业务范围"],
  "termination-of-service": ["终止提供服务"],
  "exit-ban": ["不准出境", "不准其出境"],
};

export async function checkFigures(catalog: Catalog, texts: LawTexts, lines: RulesLines): Promise<FiguresReport> {
  const versions: VersionCheck[] = [];
  const contradictions: Contradiction[] = [];
  for (const ins of catalog.instruments) {
    for (const v of ins.versions) {
      const row = await checkVersion(ins, v, texts, lines, contradictions);
      versions.push(row);
    }
  }
  return { versions, contradictions };
}

async function checkVersion(ins: InstrumentEntry, v: Version, texts: LawTexts, lines: RulesLines, out: Contradiction[]): Promise<VersionCheck> {
  const loaded = texts.text(ins.id, v.id);
  const status = texts.status(ins.id, v.id);
  const row: VersionCheck = {
    instrumentId: ins.id,
    versionId: v.id,
    text: loaded ? loaded.name : v.text ? `${textFileName(v.text)}: ${status === "unreadable" ? "cannot be parsed" : "not in the folder"}` : "none named",
    loaded: !!loaded,
    figures: 0,
    confirmed: 0,
    contradicted: 0,
    noText: 0,
    articles: 0,
    missingArticles: 0,
    enforces: 0,
    enforcesConfirmed: 0,
    enforcesNotNamed: 0,
    optional: 0,
  };
  for (const p of ins.provisions) {
    const number = p.data.numbers[v.id];
    if (number === undefined) continue;
    const pi = ins.data.provisions.indexOf(p.data);
    const report = async (keyPath: (string | number)[], rules: string, text: string) => {
      const at = await lines(ins.id, ["provisions", pi, ...keyPath]);
      out.push({ ...at, provision: p.data.id, path: formatKeyPath(keyPath), rules, text });
    };
    const tiers = p.data.penalties.map((t, ti) => ({ t, ti })).filter(({ t }) => appliesIn(t.versions, p, v.id));
    const figureCount = tiers.reduce((n, { t }) => n + (t.thresholds?.length ?? 0) + sanctionsOf(t).reduce((m, s) => m + figuresOf(s).length, 0), 0);
    if (!loaded) {
      row.figures += figureCount;
      row.noText += figureCount;
      continue;
    }
    row.articles++;
    const article = loaded.parsed.articleByNumber.get(number);
    if (!article) {
      row.missingArticles++;
      row.figures += figureCount;
      row.contradicted += figureCount;
      await report(["numbers", v.id], `Art. ${number} in the ${v.id} text`, `${loaded.name} has no Art. ${number}`);
      continue;
    }
    for (const { t, ti } of tiers) {
      const scope = tierScope(article, t);
      await checkEnforces(ins, p, v.id, t, ti, scope, row, report);
      for (const [hi, th] of (t.thresholds ?? []).entries()) {
        row.figures++;
        const problem = thresholdProblem(scope.text, th);
        if (problem === undefined) row.confirmed++;
        else {
          row.contradicted++;
          await report(["penalties", ti, "thresholds", hi, "atLeast"], `${th.measure} ≥ ${th.atLeast} ${th.unit}`, `Art. ${number}${scope.para ? ` para. ${scope.para}` : ""}: ${problem}`);
        }
      }
      for (const [si, s] of t.sanctions.entries()) {
        // A choice (或者) that is optional as a whole makes each of its members optional.
        const members =
          "oneOf" in s
            ? s.oneOf.map((m, k) => ({ m: s.optional && m.optional === undefined ? { ...m, optional: true } : m, path: ["penalties", ti, "sanctions", si, "oneOf", k] as (string | number)[] }))
            : [{ m: s, path: ["penalties", ti, "sanctions", si] as (string | number)[] }];
        for (const { m, path } of members) {
          for (const f of figuresOf(m)) {
            row.figures++;
            const result = matchFigure(scope.text, f);
            if (result.ok) {
              row.confirmed++;
              if (f.role === "amount") {
                row.optional++;
                // The same figure may stand twice (an individual's tier and an entity's): one
                // occurrence that agrees is enough.
                const problems = result.figures.map((x) => optionalProblem(scope.text, x, m.optional === true));
                const problem = problems.every(Boolean) ? problems[0] : undefined;
                if (problem) await report([...path, "optional"], problem.rules, problem.text);
                const base = m.base;
                const bases = base ? result.figures.map((x) => baseMismatch(scope.text, x, base)) : [];
                const baseProblem = base && bases.every(Boolean) ? bases[0] : undefined;
                if (base && baseProblem) await report([...path, "base"], `base ${base} (${BASE_WORDS[base] ?? base})`, baseProblem);
              }
            } else {
              row.contradicted++;
              await report([...path, f.key], f.describe, `Art. ${number}${scope.para ? ` para. ${scope.para}` : ""}: ${result.text}`);
            }
          }
          if (figuresOf(m).every((f) => f.role !== "amount")) {
            const problem = keywordOptionalProblem(scope.text, m);
            if (problem !== undefined) {
              row.optional++;
              if (problem) await report([...path, "optional"], problem.rules, problem.text);
            }
          }
        }
      }
    }
  }
  return row;
}

// ── figures ──────────────────────────────────────────────────────────────────────────────

interface RulesFigure {
  role: "amount" | "condition";
  unit: FigureUnit;
  min?: number;
  max?: number;
  below?: number;
  key: string; // the key to point at: max, min, if
  describe: string; // "50000–500000 CNY"
}

const UNITS: ReadonlySet<string> = new Set(["CNY", "multiple", "percent", "days", "months", "years"]);

/** The figures a sanction holds: its amount or term, and the amounts of its `if` condition. */
function figuresOf(s: Sanction): RulesFigure[] {
  const out: RulesFigure[] = [];
  if (s.unit && UNITS.has(s.unit) && (s.min !== undefined || s.max !== undefined)) {
    const f = { unit: s.unit as FigureUnit, min: s.min, max: s.max };
    out.push({ role: "amount", ...f, key: s.max !== undefined ? "max" : "min", describe: describeRange(f) });
  }
  const gains = s.if?.gains;
  if (gains && gains !== "none") {
    if (gains.below !== undefined) out.push({ role: "condition", unit: "CNY", below: gains.below, key: "if", describe: `illegal gains below ${gains.below} CNY` });
    if (gains.atLeast !== undefined) out.push({ role: "condition", unit: "CNY", min: gains.atLeast, key: "if", describe: `illegal gains of ${gains.atLeast} CNY or more` });
  }
  return out;
}

function matchFigure(text: string, f: RulesFigure): { ok: true; figures: TextFigure[] } | { ok: false; text: string } {
  const same = findFigures(text).filter((x) => x.unit === f.unit);
  // A condition "违法所得十万元以上的" reads as an open bound; 不足 as below.
  // A condition's threshold is confirmed by 不足N or by N以上 (its complement: 违法所得在五万元
  //以上的 … leaves the other amount to gains below N).
  const isThreshold = (x: TextFigure, n: number) => x.below === n || (x.min === n && x.max === undefined);
  const hits = same.filter((x) =>
    f.role === "condition" ? isThreshold(x, (f.below ?? f.min) as number) : x.below === undefined && x.min === f.min && x.max === f.max,
  );
  if (hits.length > 0) return { ok: true, figures: hits };
  if (same.length === 0) return { ok: false, text: `no figure in ${UNIT_WORDS[f.unit]}` };
  const near = same.find((x) => (f.min !== undefined && x.min === f.min) || (f.max !== undefined && x.max === f.max)) ?? same[0];
  const others = same.length > 1 ? ` (figures in ${UNIT_WORDS[f.unit]}: ${same.map((x) => x.text).join("、")})` : "";
  return { ok: false, text: `${near?.text} = ${near ? describeRange(near) : ""}${others}` };
}

const UNIT_WORDS: Record<FigureUnit, string> = { CNY: "元", multiple: "倍", percent: "百分之", days: "日", months: "个月", years: "年" };

// ── thresholds ───────────────────────────────────────────────────────────────────────────

const COUNT_RE = /([零〇一二两三四五六七八九十百千万亿\d.,]+)次以上/gu;

/**
 * Why the text does not state a tier's threshold, or undefined when it does: a count as
 * "N次以上", an amount as an open "N元以上", a multiple as "N倍以上".
 */
function thresholdProblem(text: string, th: Threshold): string | undefined {
  if (th.unit === "times") {
    const counts = [...text.matchAll(COUNT_RE)].map((m) => ({ n: parseChineseQuantity(m[1] as string), text: m[0] }));
    if (counts.some((c) => c.n === th.atLeast)) return undefined;
    return counts.length ? `counts ${counts.map((c) => c.text).join("、")}` : "no count (次以上)";
  }
  const unit: FigureUnit = th.unit === "CNY" ? "CNY" : "multiple";
  const same = findFigures(text).filter((x) => x.unit === unit);
  if (same.some((x) => x.min === th.atLeast && x.max === undefined && x.below === undefined)) return undefined;
  return same.length ? `figures in ${UNIT_WORDS[unit]}: ${same.map((x) => x.text).join("、")}` : `no figure in ${UNIT_WORDS[unit]}`;
}

// ── 可以 ─────────────────────────────────────────────────────────────────────────────────

const SENTENCE_END = /[。；\n]/u;
// What makes a sanction optional: 可以 (may), or wording that leaves it to the authority's
// judgment of the case: 根据情况 (as the circumstances require), 根据情节, 视情节.
const DISCRETION = /可以|根据情况|根据情节|视情节/u;
const CLAUSE_END = /[，。；：\n]/u;

function startOf(text: string, at: number, boundary: RegExp): number {
  for (let i = at - 1; i >= 0; i--) if (boundary.test(text[i] as string)) return i + 1;
  return 0;
}

/** Optional in the rules: 可以 somewhere before it in its sentence. Not optional: no 可以 opening its clause. */
function optionalProblem(text: string, figure: TextFigure, optional: boolean): { rules: string; text: string } | undefined {
  const sentence = itemLeadIn(text, startOf(text, figure.start, SENTENCE_END)) + text.slice(startOf(text, figure.start, SENTENCE_END), figure.start);
  const clause = text.slice(startOf(text, figure.start, CLAUSE_END), figure.start);
  if (optional && !DISCRETION.test(sentence)) return { rules: "optional (可以)", text: `no 可以 before ${figure.text}: “${sentence}${figure.text}”` };
  if (!optional && clause.includes("可以")) return { rules: "not optional", text: `“${clause}${figure.text}” (可以)` };
  return undefined;
}

/**
 * The lead-in of an item's list (可以采取下列措施：), for a sentence that opens with an item mark
 * (（一）…): the item completes the lead-in's sentence, so its 可以 governs the item.
 */
function itemLeadIn(text: string, sentenceStart: number): string {
  if (!/^（[一二三四五六七八九十]+）/u.test(text.slice(sentenceStart))) return "";
  const colon = text.lastIndexOf("：", sentenceStart);
  return colon < 0 ? "" : text.slice(startOf(text, colon, SENTENCE_END), colon + 1);
}

/** The same test for a sanction without a figure, on the words that name it; undefined: not checked. */
function keywordOptionalProblem(text: string, s: Sanction): { rules: string; text: string } | null | undefined {
  const words = KIND_WORDS[s.kind];
  if (!words) return undefined;
  const at: number[] = [];
  for (const w of words) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) if (!at.some((j) => Math.abs(j - i) < 2)) at.push(i);
  if (at.length === 0) return undefined;
  const sentence = (i: number) => text.slice(startOf(text, i, SENTENCE_END), i);
  const clause = (i: number) => text.slice(startOf(text, i, CLAUSE_END), i);
  const word = text.slice(at[0] as number, (at[0] as number) + (words.find((w) => text.startsWith(w, at[0] as number))?.length ?? 2));
  if (s.optional === true && at.every((i) => !DISCRETION.test(sentence(i)))) return { rules: `${s.kind} optional (可以)`, text: `no 可以 before ${word}` };
  if (s.optional !== true && at.every((i) => clause(i).includes("可以"))) return { rules: `${s.kind} not optional`, text: `“${clause(at[0] as number)}${word}” (可以)` };
  return null;
}

function baseMismatch(text: string, figure: TextFigure, base: string): string | undefined {
  const word = BASE_WORDS[base];
  if (!word) return undefined;
  const clause = text.slice(startOf(text, figure.start, CLAUSE_END), figure.start);
  return clause.includes(word) ? undefined : `“${clause}${figure.text}”`;
}

// ── enforces ─────────────────────────────────────────────────────────────────────────────

interface Scope {
  text: string; // where the tier's figures are looked for
  named: string; // where the articles it enforces are looked for
  para?: number;
}

/**
 * The paragraphs a paragraph draws on: 依照前款规定处罚, 有前两款行为的, 依照第一款的规定 → the
 * paragraphs it names by position. A managers' tier of para. 3 that is punished "依照第一款的规定"
 * finds its figures in para. 1; a tier of para. 1 that para. 2 applies "依照前款规定" enforces the
 * articles para. 2 names too.
 */
export function linkedParagraphs(article: TextArticle, para: number): number[] {
  const p = article.paragraphs[para - 1];
  if (!p) return [];
  const out = new Set<number>();
  for (const m of paragraphText(p).matchAll(/(?<!条)(前款|前两款|前三款|第([一二三四五六七八九十]+)款)/gu)) {
    if (m[1] === "前款") out.add(para - 1);
    else if (m[1] === "前两款") [para - 1, para - 2].forEach((n) => out.add(n));
    else if (m[1] === "前三款") [para - 1, para - 2, para - 3].forEach((n) => out.add(n));
    else if (m[2]) out.add(fromChineseNumeral(m[2]) ?? 0);
  }
  return [...out].filter((n) => n >= 1 && n <= article.paragraphs.length && n !== para).sort((a, b) => a - b);
}

/** The text a tier's figures are looked for in: its paragraph and those it draws on, else the article. */
function tierScope(article: TextArticle, t: PenaltyTier): Scope {
  const para = t.para;
  const p = para === undefined ? undefined : article.paragraphs[para - 1];
  // 从重处罚 (aggravated: true) punishes more heavily on the article's own scales: all of it.
  if (!p || para === undefined || t.aggravated) {
    const whole = articleText(article);
    return { text: whole, named: whole };
  }
  const text = (ns: number[]) => ns.map((n) => paragraphText(article.paragraphs[n - 1] as TextParagraph)).join("\n");
  const drawsOn = linkedParagraphs(article, para);
  const drawnOnBy = article.paragraphs.map((q) => q.number).filter((q) => q !== para && linkedParagraphs(article, q).includes(para));
  return { text: text([para, ...drawsOn]), named: text([...new Set([para, ...drawsOn, ...drawnOnBy])]), para };
}

async function checkEnforces(
  ins: InstrumentEntry,
  p: ProvisionEntry,
  versionId: string,
  t: PenaltyTier,
  ti: number,
  scope: Scope,
  row: VersionCheck,
  report: (keyPath: (string | number)[], rules: string, text: string) => Promise<void>,
): Promise<void> {
  // A tier that names its paragraph is held to what that paragraph (and those linked to it) name.
  const named = referencedArticles(scope.named);
  for (const [ei, ref] of (t.enforces ?? []).entries()) {
    const pin = parseProvisionRef(ref);
    if (!pin || pin.instrument !== undefined) continue; // another instrument: its text is another file
    const q = ins.provisions.find((x) => x.data.id === pin.provision);
    const n = q?.data.numbers[versionId];
    if (!q || n === undefined) continue; // the loader's check reports a dangling or absent target
    row.enforces++;
    const list = named;
    // An article that describes the conduct instead of citing it cannot confirm the links.
    if (list.length === 0 || t.enforcesBy === "description") {
      row.enforcesNotNamed++;
      continue;
    }
    const hit = list.find((r) => r.number === n);
    // A link to one obligation is held to the paragraph that obligation sits in, where it names one.
    const para = pin.para ?? (pin.obligation !== undefined ? q.data.obligations.find((o) => o.id === pin.obligation)?.para : undefined);
    const names = list.map((r) => `${r.number}${r.paragraphs.length ? `(${r.paragraphs.join(",")})` : ""}`).join(", ");
    if (!hit) {
      await report(["penalties", ti, "enforces", ei], `enforces ${ref} (Art. ${n}${para ? ` para. ${para}` : ""})`, `Art. ${p.data.numbers[versionId]} names Arts. ${names}`);
      continue;
    }
    if (para !== undefined && hit.paragraphs.length > 0 && !hit.paragraphs.includes(para)) {
      await report(["penalties", ti, "enforces", ei], `enforces ${ref} (Art. ${n} para. ${para})`, `Art. ${p.data.numbers[versionId]} names Art. ${n} paras. ${hit.paragraphs.join(", ")}`);
      continue;
    }
    row.enforcesConfirmed++;
  }
}

function formatKeyPath(path: (string | number)[]): string {
  let out = "";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : out ? `.${k}` : k;
  return out;
}

/** The report as the command prints it: a Markdown table, then every contradiction. */
export function formatFiguresReport(r: FiguresReport): string {
  const rows = r.versions;
  const sum = (k: keyof VersionCheck) => rows.reduce((n, x) => n + (x[k] as number), 0);
  const lines = [
    "| instrument | version | official text | figures | confirmed | contradicted | no text | articles found | enforces confirmed / not named / checked |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows
      .filter((x) => x.loaded || x.figures > 0) // a version with neither a text nor a figure has nothing to check
      .map(
      (x) =>
        `| ${x.instrumentId} | ${x.versionId} | ${x.text} | ${x.figures} | ${x.confirmed} | ${x.contradicted} | ${x.noText} | ${x.loaded ? `${x.articles - x.missingArticles} / ${x.articles}` : "–"} | ${x.loaded ? `${x.enforcesConfirmed} / ${x.enforcesNotNamed} / ${x.enforces}` : "–"} |`,
    ),
    `| **all** | ${rows.length} versions | ${rows.filter((x) => x.loaded).length} loaded | ${sum("figures")} | ${sum("confirmed")} | ${sum("contradicted")} | ${sum("noText")} | ${sum("articles") - sum("missingArticles")} / ${sum("articles")} | ${sum("enforcesConfirmed")} / ${sum("enforcesNotNamed")} / ${sum("enforces")} |`,
  ];
  const silent = rows.filter((x) => !x.loaded && x.figures === 0).length;
  if (silent > 0) lines.push("", `Not listed: ${silent} version${silent === 1 ? "" : "s"} with no official text here and no structured figure.`);
  if (r.contradictions.length > 0) {
    lines.push("", `${r.contradictions.length} contradiction${r.contradictions.length === 1 ? "" : "s"}:`);
    for (const c of r.contradictions) lines.push(`${c.file}${c.line ? `:${c.line}` : ""} ${c.provision} ${c.path}: rules say ${c.rules}, text says ${c.text}`);
  }
  return lines.join("\n");
}
