// The citation check: every citation in a text (findCitations, src/search/citation-query.ts)
// resolved against the catalog at an "as at" date, and every figure stated near it compared
// with the structured figures of the article in the text it resolves to. Pure: (catalog, text,
// date) → report; the page, the API and the MCP tool print the same report.
//
// A citation that names its text ("CSL Art. 37 (2017)") is read in that text; one that does not
// is read in the text in force at the date. Statuses:
//   ok                  the article (and paragraph, item) exists in that text, in force at the date
//   renumbered          the cited article is in the text in force under another number
//   not-in-force        the instrument or the text cited is not law at the date (a draft, a text
//                       not yet in force, a repealed instrument), or the article is only in a later text
//   no-such-article     no text of the instrument numbers an article so (closest numbers given)
//   no-such-paragraph, no-such-item   the article exists, the pinpoint does not
//   deleted             the article was in an earlier text and is in none in force at the date:
//                       where its conduct went (tiers whose `formerly` names it, and the editors' note)
//   ambiguous           no text is named and the number means different articles in the texts
//                       up to the date: the choices, each with its own status
//   unknown-instrument  the law named is not in the catalog (closest names given)
// Figures: figure-matches (a tier of that article, or of the penalty articles that enforce it,
// in that text, sets it: tier and bearer), figure-differs (none does: what the text says),
// not-compared (the article holds no structured figure of that kind).
import { compareArticleNumbers } from "../domain/article-number.js";
import { qualifyRef, type Catalog, type InstrumentEntry, type ProvisionEntry } from "../domain/catalog.js";
import { permalink } from "../domain/citation.js";
import { closestMatches } from "../domain/closest-match.js";
import { BEARER_LABELS, describeCondition, formatAmount, LEVEL_NAMES, sanctionsOf, tierLevel } from "../domain/penalty-arithmetic.js";
import { formatPinpointEnglish, pinpointAnchor, provisionOfRef, type Pinpoint } from "../domain/pinpoint.js";
import type { Bearer, PenaltyTier, Unit } from "../domain/rules-schema.js";
import { articleLabel, versionName } from "../domain/version-name.js";
import { tiersEnforcing } from "../query/actor-obligations.js";
import { appliesIn, bindingAt, findByNumber, versionAt } from "../query/versions.js";
import { findCitations, type FoundCitation } from "../search/citation-query.js";
import type { LawTexts } from "../texts/load-law-texts.js";
import { findStatedFigures, type StatedFigure } from "./stated-figures.js";

export const CITATION_STATUSES = ["ok", "renumbered", "not-in-force", "no-such-article", "no-such-paragraph", "no-such-item", "deleted", "ambiguous", "unknown-instrument"] as const;
export type CitationStatus = (typeof CITATION_STATUSES)[number];
export const FIGURE_STATUSES = ["figure-matches", "figure-differs", "not-compared"] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export const STATUS_LABELS: Record<CitationStatus | FigureStatus, string> = {
  ok: "OK",
  renumbered: "Renumbered",
  "not-in-force": "Not in force",
  "no-such-article": "No such article",
  "no-such-paragraph": "No such paragraph",
  "no-such-item": "No such item",
  deleted: "Deleted",
  ambiguous: "Ambiguous",
  "unknown-instrument": "Unknown instrument",
  "figure-matches": "Figure matches",
  "figure-differs": "Figure differs",
  "not-compared": "Figure not compared",
};

/** One article of one text, as the report links it. */
export interface ArticleRef {
  instrument: string; // instrument id
  versionId: string;
  versionName: string; // "2017 text"
  number: string;
  para?: number;
  item?: number;
  label: string; // "CSL Art. 39 (2026)", with the pinpoint: "CSL Art. 21(3) (2017)"
  heading: string;
  href: string; // the pinned permalink, with #para-… for a pinpoint
  memoItem: string; // "cybersecurity-law/2026-01-01/art-39", for /memo?items=
}

/** A structured figure of the article: one sanction of one tier. */
export interface ArticleFigure {
  article: string; // the label of the article whose tier it is ("CSL Art. 64 (2017)")
  tier: string; // tier id
  step: string; // "first violation", "serious case"
  trigger: string;
  bearer: Bearer;
  bearerLabel: string;
  unit: Unit;
  min?: number;
  max?: number;
  amount: string; // "up to RMB 1,000,000", "1–10 × illegal gains"
  condition?: string; // "if there are no illegal gains"
  href: string;
}

export interface FigureCheck {
  text: string;
  start: number;
  end: number;
  unit: Unit;
  min?: number;
  max?: number;
  status: FigureStatus;
  comparedWith?: string; // the article label whose text it was compared with
  matches: ArticleFigure[]; // figure-matches: the tiers that set it
  textSays: ArticleFigure[]; // figure-differs: the figures of that kind the text sets
  message: string;
}

export interface Choice {
  status: CitationStatus;
  message: string;
  article: ArticleRef;
  now?: ArticleRef;
}

export interface CitationResult {
  text: string;
  start: number;
  end: number;
  line: number; // 1-based
  column: number; // 1-based, in characters
  instrument?: { id: string; short: string; title: string };
  instrumentName: string; // as written
  how: FoundCitation["how"];
  cited: { number: string; para?: number; item?: number; year?: string };
  status: CitationStatus;
  message: string;
  article?: ArticleRef; // the article the citation means (in the text it is read in)
  now?: ArticleRef; // renumbered: the same article in the text in force
  movedTo?: { article: ArticleRef; tier: string; step: string }[]; // deleted: where the conduct went
  note?: string; // deleted: the editors' note on the article's last text
  choices?: Choice[]; // ambiguous
  suggestions?: string[]; // unknown instrument: closest names; no such article: closest numbers
  pinpointNote?: string; // a paragraph or item that could not be checked, and why
  figures: FigureCheck[];
}

export interface CitationReport {
  dataVersion: string;
  asAt: string;
  asAtSource: "given" | "data"; // the date given, or the data's as-of date
  coverage: string;
  characters: number;
  summary: Record<CitationStatus | FigureStatus, number>;
  citations: CitationResult[];
  memoItems: string[]; // every article resolved, once, in order: /memo?items=
}

/** What the data covers, in a sentence every answer carries. */
export function coverageOf(catalog: Catalog): string {
  const versions = catalog.instruments.reduce((n, i) => n + i.versions.length, 0);
  return `${catalog.instruments.length} instruments (${versions} texts, ${catalog.provisions.length} provisions) of Chinese internet, security, data and civil-society law, as at ${catalog.meta.asOf}; an instrument not in this list is not checked.`;
}

function articleRef(ins: InstrumentEntry, p: ProvisionEntry, versionId: string, pin: Pinpoint = {}): ArticleRef {
  const number = p.data.numbers[versionId] as string;
  const paraCount = paragraphsIn(p, versionId);
  const base = articleLabel(ins, versionId, number);
  const pinned = pin.para !== undefined ? base.replace(`Art. ${number}`, formatPinpointEnglish(number, pin, paraCount)) : base;
  const ref: ArticleRef = {
    instrument: ins.id,
    versionId,
    versionName: versionName(ins, versionId),
    number,
    label: pinned,
    heading: p.data.heading.en,
    href: permalink(ins.id, versionId, number) + pinpointAnchor(pin),
    memoItem: `${ins.id}/${versionId}/art-${number}`,
  };
  if (pin.para !== undefined) ref.para = pin.para;
  if (pin.item !== undefined) ref.item = pin.item;
  return ref;
}

function paragraphsIn(p: ProvisionEntry, versionId: string): number | undefined {
  const n = p.data.paragraphs;
  return typeof n === "number" ? n : n?.[versionId];
}

/** How many paragraphs an article has, and items a paragraph: undefined where nothing says. */
interface Shape {
  paragraphs?: number;
  items(para: number): number | undefined;
  source: "official text" | "rules";
}

/** The article's shape: from the official text where the server has it, else as far as the rules record it. */
function shapeOf(p: ProvisionEntry, versionId: string, texts: LawTexts | undefined): Shape {
  const article = texts?.article(p.instrumentId, versionId, p.data.numbers[versionId] as string);
  if (article) return { paragraphs: article.paragraphs.length, items: (k) => article.paragraphs[k - 1]?.items.length ?? 0, source: "official text" };
  const items = p.data.items;
  const shape: Shape = { items: (k) => items?.[String(k)], source: "rules" };
  const paragraphs = paragraphsIn(p, versionId);
  if (paragraphs !== undefined) shape.paragraphs = paragraphs;
  return shape;
}

/**
 * The pinpoint a citation gives, checked against the article: "Art. 21(3)" is item 3 of a
 * one-paragraph article, else paragraph 3 (the usual English reading); 第二十一条第（三）项
 * without a paragraph is an item of the paragraph that has it, when only one does. A count that
 * neither the official text (when loaded) nor the rules give is not judged: `unchecked` says so.
 */
function checkPinpoint(p: ProvisionEntry, versionId: string, c: FoundCitation, texts: LawTexts | undefined): { pin: Pinpoint; problem?: { status: CitationStatus; message: string }; unchecked?: string } {
  if (c.para === undefined && c.item === undefined) return { pin: {} };
  const shape = shapeOf(p, versionId, texts);
  const unknownParagraphs = "the rules do not record how many paragraphs the article has, and its official text is not loaded here";
  let para = c.para;
  let item = c.item;
  if (para === undefined && item !== undefined) {
    const n = shape.paragraphs;
    const holding = n === undefined ? [] : Array.from({ length: n }, (_, i) => i + 1).filter((k) => (shape.items(k) ?? 0) >= (item as number));
    if (n !== undefined && n > 1 && holding.length === 0 && /\(\d+\)/.test(c.text) && !/item|项/.test(c.text)) {
      para = item; // "Art. 66(2)": paragraph 2 of a several-paragraph article
      item = undefined;
    } else if (holding.length === 1) para = holding[0];
    else if (n === 1) para = 1;
    else if (n === undefined) return { pin: {}, unchecked: `Item (${item}) is not checked: ${unknownParagraphs}.` };
    else para = 1;
  }
  const pin: Pinpoint = { para };
  if (item !== undefined) pin.item = item;
  const count = shape.paragraphs;
  const from = shape.source === "official text" ? " (official text)" : "";
  if (count === undefined) return { pin, unchecked: `Paragraph ${para} is not checked: ${unknownParagraphs}.` };
  if ((para as number) > count) return { pin: {}, problem: { status: "no-such-paragraph", message: `the article has ${count} paragraph${count === 1 ? "" : "s"}${from}, not ${para}` } };
  if (item !== undefined) {
    const n = shape.items(para as number);
    if (n === undefined) return { pin, unchecked: `Item (${item}) is not checked: the rules do not record how many items paragraph ${para} has, and its official text is not loaded here.` };
    if (item > n) return { pin: { para }, problem: { status: "no-such-item", message: n ? `paragraph ${para} has ${n} items${from}, not (${item})` : `paragraph ${para} has no items${from}` } };
  }
  return { pin };
}

/** The versions a year names: the text in force from that year, else the one adopted then. */
function versionsOfYear(ins: InstrumentEntry, year: string): string[] {
  const inForce = ins.versions.filter((v) => v.id.startsWith(year)).map((v) => v.id);
  if (inForce.length) return inForce;
  return ins.versions.filter((v) => v.adopted?.startsWith(year)).map((v) => v.id);
}

/** Where the conduct of an article the text in force no longer has went: tiers naming it in `formerly`. */
function movedTo(catalog: Catalog, ins: InstrumentEntry, p: ProvisionEntry, now: string): NonNullable<CitationResult["movedTo"]> {
  const out: NonNullable<CitationResult["movedTo"]> = [];
  for (const q of ins.provisions) {
    if (!q.versionIds.includes(now)) continue;
    for (const t of q.data.penalties) {
      if (!appliesIn(t.versions, q, now)) continue;
      for (const ref of t.formerly ?? []) {
        if (qualifyRef(ins.id, provisionOfRef(ref)) !== p.key) continue;
        const pin: Pinpoint = {};
        if (t.para !== undefined) pin.para = t.para;
        out.push({ article: articleRef(ins, q, now, pin), tier: t.id, step: LEVEL_NAMES[tierLevel(t)] });
      }
    }
  }
  void catalog;
  return out;
}

interface Reading {
  status: CitationStatus;
  message: string;
  ins?: InstrumentEntry;
  provision?: ProvisionEntry;
  version?: string; // the text the citation is read in (its figures are compared)
  article?: ArticleRef;
  now?: ArticleRef;
  movedTo?: CitationResult["movedTo"];
  note?: string;
  choices?: Choice[];
  choiceReadings?: Reading[]; // ambiguous: each choice read, for the figures beside the citation
  suggestions?: string[];
  pinpointNote?: string;
}

/** One article of one text, read at the date: ok, renumbered, deleted or not in force. */
function readIn(catalog: Catalog, ins: InstrumentEntry, p: ProvisionEntry, v: string, asAt: string, c: FoundCitation, texts: LawTexts | undefined): Reading {
  const now = versionAt(ins, asAt);
  const { pin, problem, unchecked } = checkPinpoint(p, v, c, texts);
  const article = articleRef(ins, p, v, pin);
  const base = { ins, provision: p, version: v, article, ...(unchecked ? { pinpointNote: unchecked } : {}) };
  if (problem) return { ...base, status: problem.status, message: `${article.label}: ${problem.message}.` };
  if (v > asAt) return { ...base, status: "not-in-force", message: `${article.label} is in the ${versionName(ins, v)}, in force from ${v}: not yet law on ${asAt}${now && p.versionIds.includes(now) ? `; in the text then in force it is Art. ${p.data.numbers[now]}` : ""}.` };
  if (!bindingAt(ins, asAt)) {
    const why = ins.data.draft ? "a draft, never law" : ins.data.dates.repealed && ins.data.dates.repealed <= asAt ? `repealed on ${ins.data.dates.repealed}` : "not in force";
    return { ...base, status: "not-in-force", message: `${ins.data.short.en} is ${why} on ${asAt}.` };
  }
  if (!now || now === v) return { ...base, status: "ok", message: `${article.label}: ${p.data.heading.en}.` };
  // An earlier text, superseded at the date.
  if (p.versionIds.includes(now)) {
    const n = p.data.numbers[now] as string;
    const nowRef = articleRef(ins, p, now, pin);
    if (n === article.number) return { ...base, status: "ok", message: `${article.label}: ${p.data.heading.en}; the same number in the ${versionName(ins, now)}, in force on ${asAt}.`, now: nowRef };
    return { ...base, status: "renumbered", now: nowRef, message: `${article.label} is Art. ${n} in the ${versionName(ins, now)}, in force on ${asAt}.` };
  }
  const moved = movedTo(catalog, ins, p, now);
  const last = p.versionIds.at(-1) as string;
  const note = p.data.versionNotes?.[last];
  const where = moved.length ? ` Its conduct is now punished under ${moved.map((m) => m.article.label).join(", ")}.` : note ? ` ${note}` : " Where its conduct went is not recorded.";
  return { ...base, status: "deleted", movedTo: moved, ...(note ? { note } : {}), message: `${article.label} is not in the ${versionName(ins, now)}, in force on ${asAt}: the amendment deleted it.${where}` };
}

function resolve(catalog: Catalog, c: FoundCitation, asAt: string, texts: LawTexts | undefined): Reading {
  const ins = c.instrument;
  if (!ins) {
    const names = catalog.instruments.flatMap((i) => [i.data.title.en.replace(/ of the People's Republic of China$/, ""), i.data.short.zh ?? "", i.data.short.en]).filter(Boolean);
    const suggestions = closestMatches(c.instrumentName.replace(/^中华人民共和国/, ""), names, 3);
    return { status: "unknown-instrument", suggestions, message: `"${c.instrumentName}" is not an instrument this data covers${suggestions.length ? ` (closest: ${suggestions.join(", ")})` : ""}.` };
  }
  const art = `${ins.data.short.en} Art. ${c.number}`;
  const numbers = () => {
    const all = [...new Set(ins.provisions.flatMap((p) => Object.values(p.data.numbers)))].sort(compareArticleNumbers);
    const near = all.filter((n) => Math.abs(parseInt(n, 10) - parseInt(c.number, 10)) <= 2).slice(0, 5);
    return { all, near };
  };
  if (c.year) {
    const vs = versionsOfYear(ins, c.year);
    if (!vs.length) return { ins, status: "no-such-article", suggestions: ins.versions.map((v) => versionName(ins, v.id)), message: `${ins.data.short.en} has no text of ${c.year}: its texts are the ${ins.versions.map((v) => versionName(ins, v.id)).join(", ")}.` };
    for (const v of vs) {
      const p = findByNumber(ins, v, c.number);
      if (p) return readIn(catalog, ins, p, v, asAt, c, texts);
    }
    const { all, near } = numbers();
    return { ins, status: "no-such-article", suggestions: near, message: `The ${versionName(ins, vs[0] as string)} of the ${ins.data.short.en} has no Art. ${c.number}${all.length ? ` (the rules hold its Arts. ${all[0]}–${all.at(-1)})` : ""}.` };
  }
  // No text named: the texts up to the date (or the first text, before any is in force).
  const now = versionAt(ins, asAt);
  const upTo = ins.versions.filter((v) => v.id <= asAt).map((v) => v.id);
  const meanings = ins.provisions
    .map((p) => ({ p, vs: (upTo.length ? upTo : ins.versions.map((v) => v.id)).filter((v) => p.versionIds.includes(v) && p.data.numbers[v] === c.number) }))
    .filter((m) => m.vs.length > 0);
  if (meanings.length === 0) {
    const later = ins.provisions.flatMap((p) => ins.versions.filter((v) => v.id > asAt && p.data.numbers[v.id] === c.number).map((v) => ({ p, v: v.id })));
    if (later[0]) return readIn(catalog, ins, later[0].p, later[0].v, asAt, c, texts);
    const { all, near } = numbers();
    return { ins, status: "no-such-article", suggestions: near, message: `No text of the ${ins.data.short.en} has an Art. ${c.number}${all.length ? ` (the rules hold its Arts. ${all[0]}–${all.at(-1)} across its texts)` : ""}.` };
  }
  const readings = meanings.map((m) => {
    const v = now && m.vs.includes(now) ? now : (m.vs.at(-1) as string);
    return readIn(catalog, ins, m.p, v, asAt, c, texts);
  });
  if (readings.length === 1) return readings[0] as Reading;
  const choices: Choice[] = readings.map((r) => ({ status: r.status, message: r.message, article: r.article as ArticleRef, ...(r.now ? { now: r.now } : {}) }));
  return {
    ins,
    status: "ambiguous",
    choices,
    choiceReadings: readings,
    message: `${art} names different articles in different texts; name the text ("${art} (${(now ?? "").slice(0, 4)})"): ${choices.map((ch) => `${ch.article.label} (${ch.article.heading})`).join("; ")}.`,
  };
}

/** The structured figures of an article in a text: its own tiers, else the tiers that enforce it. */
function figuresOf(catalog: Catalog, ins: InstrumentEntry, p: ProvisionEntry, v: string, pin: Pinpoint): ArticleFigure[] {
  const own = p.data.penalties.filter((t) => appliesIn(t.versions, p, v)).map((t) => ({ q: p, t }));
  const tiers = own.some(({ t }) => sanctionsOf(t).some((s) => s.unit)) ? own : tiersEnforcing(catalog, p, v, pin).map((r) => ({ q: r.provision, t: r.tier }));
  const out: ArticleFigure[] = [];
  for (const { q, t } of tiers) {
    const qIns = catalog.instrumentById.get(q.instrumentId) ?? ins;
    const label = articleLabel(qIns, v, q.data.numbers[v] ?? "?");
    const add = (unit: Unit, min: number | undefined, max: number | undefined, bearer: Bearer, amount: string, tier: PenaltyTier, condition?: string) => {
      const f: ArticleFigure = { article: label, tier: tier.id, step: LEVEL_NAMES[tierLevel(tier)], trigger: tier.trigger, bearer, bearerLabel: BEARER_LABELS[bearer], unit, amount, href: permalink(qIns.id, v, q.data.numbers[v] ?? "") };
      if (min !== undefined) f.min = min;
      if (max !== undefined) f.max = max;
      if (condition) f.condition = condition;
      out.push(f);
    };
    for (const s of sanctionsOf(t)) {
      const condition = s.if ? describeCondition(s.if) : undefined;
      if (s.unit && (s.min !== undefined || s.max !== undefined)) add(s.unit, s.min, s.max, s.bearer, formatAmount(s), t, condition);
      // The thresholds of a condition on the illegal gains are figures of the text too.
      const g = s.if?.gains;
      if (g && g !== "none") for (const n of [g.below, g.atLeast]) if (n !== undefined) add("CNY", n, n, s.bearer, `illegal gains threshold RMB ${n.toLocaleString("en")}`, t, condition);
    }
  }
  return out;
}

function sameFigure(s: StatedFigure, f: ArticleFigure): boolean {
  if (s.unit !== f.unit) return false;
  if (s.min !== undefined && s.max !== undefined && s.min === s.max) return f.min === s.min || f.max === s.max; // one value: either bound
  if (s.min !== undefined && s.max !== undefined) return f.min === s.min && f.max === s.max;
  if (s.max !== undefined) return f.max === s.max && (f.min === undefined || f.min === 0);
  return f.min === s.min && f.max === undefined;
}

function describeStated(s: StatedFigure): string {
  return s.text;
}

function checkFigures(stated: StatedFigure[], figures: ArticleFigure[], label: string): FigureCheck[] {
  return stated.map((s) => {
    const base = { text: s.text, start: s.start, end: s.end, unit: s.unit, ...(s.min !== undefined ? { min: s.min } : {}), ...(s.max !== undefined ? { max: s.max } : {}), comparedWith: label };
    const kind = figures.filter((f) => f.unit === s.unit);
    if (kind.length === 0) return { ...base, status: "not-compared" as const, matches: [], textSays: [], message: `${label} sets no figure of this kind (${s.unit}) in the rules: "${describeStated(s)}" is not compared.` };
    const matches = kind.filter((f) => sameFigure(s, f));
    if (matches.length) return { ...base, status: "figure-matches" as const, matches, textSays: [], message: `"${describeStated(s)}" matches ${[...new Set(matches.map((f) => `${f.article}, ${f.step}, ${f.bearerLabel.toLowerCase()}: ${f.amount}${f.condition ? ` ${f.condition}` : ""}`))].join("; ")}.` };
    const says = [...new Set(kind.map((f) => `${f.amount}${f.condition ? ` ${f.condition}` : ""} (${f.article}, ${f.step}, ${f.bearerLabel.toLowerCase()})`))];
    return { ...base, status: "figure-differs" as const, matches: [], textSays: kind, message: `"${describeStated(s)}" differs: the text says ${says.join("; ")}.` };
  });
}

/** Sentence boundaries: 。！？；, line breaks, and a full stop before a space that ends no abbreviation. */
function sentenceBounds(text: string): number[] {
  const out: number[] = [0];
  const re = /[。！？；;!?\n]|\.(?=\s)/g;
  for (const m of text.matchAll(re)) {
    if (m[0] === "." && /(?:^|[^A-Za-z])(?:Arts?|para|paras|No|Nos|cf|e\.g|i\.e|vs|Co|Art|p|pp)$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    out.push(m.index + 1);
  }
  out.push(text.length);
  return out;
}

function lineAndColumn(text: string, at: number, lineStarts: number[]): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: [...text.slice(lineStarts[lo] as number, at)].length + 1 };
}

/**
 * `texts`: the official texts, when the server has them: paragraphs and items are then checked
 * against the text itself, not only against the counts the rules record.
 */
export function checkCitations(catalog: Catalog, text: string, asAt: string, asAtSource: CitationReport["asAtSource"] = "given", texts?: LawTexts): CitationReport {
  const found = findCitations(catalog, text);
  // Figures inside a citation ("Art. 21(3)", "PIPL 38") are none; both lists are in text order.
  const figures: StatedFigure[] = [];
  let ci = 0;
  for (const f of findStatedFigures(text)) {
    while (ci < found.length && (found[ci] as FoundCitation).end <= f.start) ci++;
    const c = found[ci];
    if (!c || c.start >= f.end) figures.push(f);
  }
  const bounds = sentenceBounds(text);
  const firstAtOrAfter = <T>(list: readonly T[], at: number, key: (x: T) => number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(list[mid] as T) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const sentenceOf = (at: number) => {
    const i = Math.max(0, firstAtOrAfter(bounds, at + 1, (b) => b) - 1);
    return [bounds[i] as number, bounds[Math.min(i + 1, bounds.length - 1)] as number] as const;
  };
  const summary = Object.fromEntries([...CITATION_STATUSES, ...FIGURE_STATUSES].map((s) => [s, 0])) as CitationReport["summary"];
  const memoItems: string[] = [];
  // A memo cites the same articles again and again: each distinct citation is resolved once.
  const readings = new Map<string, Reading>();
  const figureSets = new Map<string, ArticleFigure[]>();
  const citations = found.map((c, i): CitationResult => {
    const key = [c.instrument?.id ?? `?${c.instrumentName}`, c.number, c.para, c.item, c.year, /\(\d+\)/.test(c.text), /item|项/.test(c.text)].join("|");
    let r = readings.get(key);
    if (!r) {
      r = resolve(catalog, c, asAt, texts);
      readings.set(key, r);
    }
    summary[r.status]++;
    // The figures of its sentence that stand after it and before the next citation (those
    // before the sentence's first citation belong to it), never inside a citation.
    const [s0, s1] = sentenceOf(c.start);
    const prev = found[i - 1];
    const next = found[i + 1];
    const from = prev && prev.end > s0 ? c.start : s0;
    const to = Math.min(s1, next && next.start < s1 ? next.start : s1);
    const mine: StatedFigure[] = [];
    for (let k = firstAtOrAfter(figures, from, (f) => f.start); k < figures.length && (figures[k] as StatedFigure).start < to; k++) if ((figures[k] as StatedFigure).end <= to) mine.push(figures[k] as StatedFigure);
    const compare = (x: Reading): FigureCheck[] => {
      if (!x.ins || !x.provision || !x.version || !x.article || !mine.length || x.status === "no-such-paragraph" || x.status === "no-such-item" || x.status === "not-in-force") return [];
      const pin: Pinpoint = {};
      if (x.article.para !== undefined) pin.para = x.article.para;
      if (x.article.item !== undefined) pin.item = x.article.item;
      const fkey = `${x.provision.key}|${x.version}|${pin.para}|${pin.item}`;
      let articleFigures = figureSets.get(fkey);
      if (!articleFigures) {
        articleFigures = figuresOf(catalog, x.ins, x.provision, x.version, pin);
        figureSets.set(fkey, articleFigures);
      }
      return checkFigures(mine, articleFigures, x.article.label);
    };
    let figureChecks = compare(r);
    let message = r.message;
    // An ambiguous number whose stated figures fit one of its meanings, and only that one: say so,
    // and compare them with it (the status stays ambiguous: the text is still not named).
    if (r.status === "ambiguous" && mine.length && r.choiceReadings) {
      const fits = r.choiceReadings.map((x) => ({ x, checks: compare(x) })).filter(({ checks }) => checks.some((f) => f.status === "figure-matches") && !checks.some((f) => f.status === "figure-differs"));
      if (fits.length === 1 && fits[0]) {
        figureChecks = fits[0].checks;
        message = `${message} The figures stated beside it fit ${fits[0].x.article?.label} only.`;
      }
    }
    for (const f of figureChecks) summary[f.status]++;
    const memo = r.status === "renumbered" ? r.now : r.article;
    if (memo && !memoItems.includes(memo.memoItem) && r.status !== "no-such-article") memoItems.push(memo.memoItem);
    const out: CitationResult = {
      text: c.text,
      start: c.start,
      end: c.end,
      ...lineAndColumn(text, c.start, lineStarts),
      instrumentName: c.instrumentName,
      how: c.how,
      cited: { number: c.number, ...(c.para !== undefined ? { para: c.para } : {}), ...(c.item !== undefined ? { item: c.item } : {}), ...(c.year ? { year: c.year } : {}) },
      status: r.status,
      message,
      figures: figureChecks,
    };
    if (c.instrument) out.instrument = { id: c.instrument.id, short: c.instrument.data.short.en, title: c.instrument.data.title.en };
    if (r.article) out.article = r.article;
    if (r.now) out.now = r.now;
    if (r.movedTo) out.movedTo = r.movedTo;
    if (r.note) out.note = r.note;
    if (r.choices) out.choices = r.choices;
    if (r.suggestions?.length) out.suggestions = r.suggestions;
    if (r.pinpointNote) out.pinpointNote = r.pinpointNote;
    return out;
  });
  return { dataVersion: catalog.meta.dataVersion, asAt, asAtSource, coverage: coverageOf(catalog), characters: text.length, summary, citations, memoItems };
}
