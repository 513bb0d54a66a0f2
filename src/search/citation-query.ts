// Recognises citations typed as queries: "CSL 37", "cybersecurity law art. 37", "Art 37 CSL",
// "网络安全法第三十七条", "网络安全法第37条", "Criminal Law 287-2", "第二百八十七条之二".
import { fromChineseNumeral, parseChineseArticle } from "../domain/article-number.js";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { versionTag } from "../domain/version-name.js";
import { provisionsNumbered } from "../query/versions.js";

export interface CitationHit {
  instrument: InstrumentEntry;
  number: string;
  candidates: { provision: ProvisionEntry; versions: string[] }[]; // earliest meaning first
}

function namesOf(ins: InstrumentEntry): string[] {
  const d = ins.data;
  const zhShort = d.title.zh.replace(/^中华人民共和国/, "");
  return [d.short.en, d.short.zh ?? "", d.title.en, d.title.zh, zhShort, ins.id.replace(/-/g, " "), d.title.en.replace(/ of the People's Republic of China$/, ""), ...d.aliases]
    .map((n) => n.toLowerCase().replace(/[《》]/g, "").trim())
    .filter((n) => n.length >= 2);
}

export function parseCitationQuery(catalog: Catalog, query: string): CitationHit[] {
  // A citation the text finder reads whole (the law, the number, a text's year): the one parser.
  const found = findCitations(catalog, query);
  const only = found.length === 1 ? found[0] : undefined;
  if (only?.instrument) {
    const ins = only.instrument;
    const inYear = only.year ? ins.versions.filter((v) => versionTag(ins, v.id).endsWith(only.year as string) || v.id.startsWith(only.year as string)).map((v) => v.id) : [];
    const candidates = provisionsNumbered(ins, only.number)
      .map(({ provision, versions }) => ({ provision, versions: inYear.length ? versions.filter((v) => inYear.includes(v)) : versions }))
      .filter((c) => c.versions.length > 0)
      .sort((a, b) => (a.versions[0] ?? "").localeCompare(b.versions[0] ?? ""));
    if (candidates.length) return [{ instrument: ins, number: only.number, candidates }];
  }
  const q = query.toLowerCase().replace(/[《》]/g, "").replace(/\s+/g, " ").trim();
  const zhNumber = parseChineseArticle(q);
  const latin = /(?:^|\s|art(?:icle)?s?\.?\s*)(\d{1,4}(?:-\d{1,2})?)(?:\s|$|\()/.exec(` ${q.replace(/[()]/g, " ")} `);
  const number = zhNumber ?? latin?.[1];
  if (!number) return [];

  // The instrument named in the query: the longest name that occurs in it.
  let best: { ins: InstrumentEntry; length: number } | undefined;
  for (const ins of catalog.instruments) {
    for (const name of namesOf(ins)) {
      const re = /^[a-z0-9 ]+$/.test(name) ? new RegExp(`(^|[^a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z0-9]|$)`) : undefined;
      const found = re ? re.test(q) : q.includes(name);
      if (found && (!best || name.length > best.length)) best = { ins, length: name.length };
    }
  }
  const rest = best ? "" : q.replace(/第.*条(之.*)?/, "").replace(/art(icle)?\.?/g, "").replace(number, "").trim();
  // A bare number is a citation only when nothing else was typed and it is unusual enough
  // to name one provision (287-2 does; 37 alone does not).
  const pool = best ? [best.ins] : rest === "" && (number.includes("-") || zhNumber) ? catalog.instruments : [];
  const hits: CitationHit[] = [];
  for (const ins of pool) {
    const candidates = provisionsNumbered(ins, number).sort((a, b) => (a.versions[0] ?? "").localeCompare(b.versions[0] ?? ""));
    if (candidates.length) hits.push({ instrument: ins, number, candidates });
  }
  return hits;
}

/** One article a citation can mean: an instrument's text that numbers it so. */
export interface CitationTarget {
  instrument: InstrumentEntry;
  provision: ProvisionEntry;
  versionId: string;
  number: string;
  /** Its number in the current text when that differs; null when it is not in the current text. */
  now?: string | null;
}

export function citationTargets(hits: readonly CitationHit[]): CitationTarget[] {
  return hits.flatMap((h) =>
    h.candidates.flatMap(({ provision, versions }) =>
      versions.map((versionId) => {
        const current = provision.data.numbers[h.instrument.currentVersion];
        return { instrument: h.instrument, provision, versionId, number: h.number, now: current === h.number ? undefined : (current ?? null) };
      }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Every citation in a text (a memo, a contract clause, an AI answer): the same names and
// numbers as above, found with their place in the text. Forms recognised:
//   《网络安全法》第三十七条, 网络安全法第二十一条第（三）项, 第二十二条第三款, 《刑法》第二百八十七条之二;
//   "Article 37 of the Cybersecurity Law", "Art. 37 of the CSL", "CSL Art. 21(3)",
//   "Art. 22 para. 3", "Article 21, paragraph 1, item (3)", "PIPL 38", "Art. 37 CSL";
//   a bare "Art. 37" or 第三十七条 after a named law in the same paragraph;
//   a text named by its year: "CSL Art. 64 (2017)", "CSL (2017) Art. 64", "the 2017 CSL".
// An article number after a title the catalog does not hold (《电子商务法》第十条, "Article 5 of
// the Foo Law") is found too, with the name as written: an unknown instrument. Pure.

export interface FoundCitation {
  start: number; // offset of the first character in the text
  end: number; // offset after the last
  text: string; // as written, from the law's name (when it stands before the number) to the pinpoint or year
  instrument?: InstrumentEntry; // undefined: a name the catalog does not hold
  instrumentName: string; // the name as written, or the name of the law it follows
  how: "named" | "context"; // the law is named with the number, or earlier in the same paragraph
  number: string; // "37", "287-2"
  para?: number;
  item?: number;
  year?: string; // the text's year as the citation gives it: "2017"
}

interface NameIndex {
  byName: Map<string, InstrumentEntry>; // lower-case name → instrument
  caseless: RegExp; // every name but acronyms, case-insensitive
  acronyms: RegExp; // CSL, PIPL, NIL …: case-sensitive, so "nil" in prose is no law
}

const nameIndexes = new WeakMap<Catalog, NameIndex>();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function nameIndex(catalog: Catalog): NameIndex {
  const cached = nameIndexes.get(catalog);
  if (cached) return cached;
  const byName = new Map<string, InstrumentEntry>();
  const plain: string[] = [];
  const acronyms: string[] = [];
  for (const ins of catalog.instruments) {
    const raw = [ins.data.short.en, ...ins.data.aliases];
    for (const name of namesOf(ins)) {
      if (byName.has(name)) continue; // the first instrument (core laws come first) keeps a shared name
      byName.set(name, ins);
      const original = raw.find((r) => r.toLowerCase() === name);
      if (original && /^[A-Z]{2,6}$/.test(original)) acronyms.push(original);
      else plain.push(name);
    }
  }
  const alternation = (names: string[]) => names.sort((a, b) => b.length - a.length).map((n) => escapeRe(n).replace(/ /g, "\\s+")).join("|");
  // A Latin name stands between non-letters; a Chinese one anywhere.
  const index: NameIndex = {
    byName,
    caseless: new RegExp(`(?<![A-Za-z0-9])(?:${alternation(plain)})(?![A-Za-z0-9])`, "gi"),
    acronyms: new RegExp(`(?<![A-Za-z0-9])(?:${alternation(acronyms)})(?![A-Za-z0-9])`, "g"),
  };
  nameIndexes.set(catalog, index);
  return index;
}

/**
 * Builds the names' patterns and runs them once on a short text, so that the first text a user
 * sends does not pay for building and compiling them.
 */
export function prepareCitationSearch(catalog: Catalog): void {
  findCitations(catalog, "CSL Art. 37 (2017); Article 21 of the Cybersecurity Law; PIPL 38; 《网络安全法》第二十一条第（三）项; 《刑法》第二百八十七条之二.");
}

interface Mention {
  start: number;
  end: number;
  instrument?: InstrumentEntry;
  name: string;
}

const ZH_NUM = "[零〇一二两三四五六七八九十百千\\d]+";
// 第三十七条, 第二百八十七条之二, 第二十一条第一款第（三）项, 第二十二条第三款.
const ZH_ARTICLE = new RegExp(`第\\s*(${ZH_NUM})\\s*条(?:\\s*之\\s*(${ZH_NUM}))?(?:\\s*第\\s*(${ZH_NUM})\\s*款)?(?:\\s*第\\s*[（(]\\s*(${ZH_NUM})\\s*[)）]\\s*项)?`, "gu");
// Art. 37, Article 21(3), Art. 21 para. 1(3), Article 21, paragraph 1, item (3), Art. 287-2.
const EN_ARTICLE = /(?<![A-Za-z])(?:Articles?|Arts?\.?)\s*(\d{1,4}(?:-\d{1,2})?)(?![\d-])((?:\s*\(\d{1,2}\)|,?\s*(?:paragraph|para\.?|§)\s*\d{1,2}|,?\s*item\s*\(?\d{1,2}\)?)*)/gu;
// An unknown title: 《…》, or "the … Law" after "of".
const ZH_TITLE = /《([^《》\n]{1,40})》/gu;
const EN_TITLE = /^\s+of\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+){0,8}(?:Law|Code|Act|Regulations?|Measures|Provisions|Rules|Interpretation))(?![A-Za-z])/u;
const YEAR_AFTER = /^\s*[(（]\s*((?:19|20)\d\d)(?:\s*(?:text|version|年版|年文本|年))?\s*[)）]/u;
const YEAR_BEFORE = /(?:^|[^\d])((?:19|20)\d\d)(?:\s*年版?)?\s*$/u;

function mentionsIn(catalog: Catalog, text: string): Mention[] {
  const idx = nameIndex(catalog);
  const out: Mention[] = [];
  for (const re of [idx.caseless, idx.acronyms]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const name = m[0].toLowerCase().replace(/\s+/g, " ");
      out.push({ start: m.index, end: m.index + m[0].length, instrument: idx.byName.get(name), name: m[0] });
    }
  }
  // A title in 《》 that holds no known name is an instrument the catalog does not hold.
  for (const m of text.matchAll(ZH_TITLE)) {
    const inner = (m[1] as string).trim().toLowerCase();
    if (!idx.byName.has(inner) && !idx.byName.has(inner.replace(/^中华人民共和国/, ""))) out.push({ start: m.index, end: m.index + m[0].length, name: m[1] as string });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps: the longer (earlier-starting) name wins.
  const kept: Mention[] = [];
  for (const m of out) if (!kept.length || m.start >= (kept.at(-1) as Mention).end) kept.push(m);
  return kept;
}

interface ArticleRef {
  start: number;
  end: number;
  number: string;
  para?: number;
  item?: number;
  latin: boolean;
}

function articleRefs(text: string): ArticleRef[] {
  const out: ArticleRef[] = [];
  for (const m of text.matchAll(ZH_ARTICLE)) {
    const main = fromChineseNumeral(m[1] as string);
    if (!main) continue;
    const sub = m[2] === undefined ? undefined : fromChineseNumeral(m[2]);
    const ref: ArticleRef = { start: m.index, end: m.index + m[0].length, number: sub ? `${main}-${sub}` : String(main), latin: false };
    if (m[3] !== undefined) ref.para = fromChineseNumeral(m[3]);
    if (m[4] !== undefined) ref.item = fromChineseNumeral(m[4]);
    out.push(ref);
  }
  for (const m of text.matchAll(EN_ARTICLE)) {
    // "Arts. 41-43" is a range (its first article is cited), "Art. 287-2" is 第二百八十七条之二.
    const [first, second] = (m[1] as string).split("-").map(Number) as [number, number | undefined];
    const range = second !== undefined && second > first;
    const ref: ArticleRef = { start: m.index, end: m.index + m[0].length, number: range ? String(first) : (m[1] as string), latin: true };
    const tail = m[2] ?? "";
    const para = /(?:paragraph|para\.?|§)\s*(\d{1,2})/.exec(tail);
    const item = /item\s*\(?(\d{1,2})/.exec(tail);
    const parens = [...tail.matchAll(/\((\d{1,2})\)/g)].map((p) => Number(p[1]));
    if (para) ref.para = Number(para[1]);
    if (item) ref.item = Number(item[1]);
    // "Art. 21(1)(3)": paragraph 1, item 3; "Art. 21 para. 1(3)": item 3; "Art. 21(3)": left to
    // the resolver (an item of a one-paragraph article, else a paragraph): marked as an item.
    if (!para && !item && parens.length >= 2) [ref.para, ref.item] = parens as [number, number];
    else if (!item && parens.length >= 1) ref.item = parens.at(-1);
    out.push(ref);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Is there nothing but spaces, 《》 and a year in brackets between two offsets? */
function adjacent(text: string, from: number, to: number): boolean {
  return to >= from && to - from <= 14 && /^[\s《》]*(?:[(（]\s*(?:19|20)\d\d[^)）]{0,8}[)）])?[\s《》]*$/u.test(text.slice(from, to));
}

/** Every citation in a text, in order of position. */
export function findCitations(catalog: Catalog, text: string): FoundCitation[] {
  const mentions = mentionsIn(catalog, text);
  const refs = articleRefs(text);
  const out: FoundCitation[] = [];
  const paragraphStart = (at: number) => {
    const i = text.lastIndexOf("\n\n", at);
    return i < 0 ? 0 : i;
  };
  let mi = 0; // mentions before the current ref
  let context: Mention | undefined; // the last law named, for bare numbers after it
  const used = new Set<Mention>();
  const cite = (start: number, end: number, law: Mention, how: FoundCitation["how"], ref: Omit<ArticleRef, "end" | "latin">) => {
    if (text[start - 1] === "《" && start === law.start) start--;
    let stop = end;
    let year: string | undefined;
    const after = YEAR_AFTER.exec(text.slice(end, end + 16));
    if (after) {
      year = after[1];
      stop = end + after[0].length;
    } else {
      const between = law.end <= ref.start ? text.slice(law.end, ref.start) : "";
      const inBrackets = /[(（]\s*((?:19|20)\d\d)/.exec(between);
      const before = YEAR_BEFORE.exec(text.slice(Math.max(0, law.start - 12), law.start).replace(/(?:the|The)\s*$/, ""));
      year = inBrackets?.[1] ?? (how === "named" ? before?.[1] : undefined);
    }
    const found: FoundCitation = { start, end: stop, text: text.slice(start, stop), instrument: law.instrument, instrumentName: law.name, how, number: ref.number };
    if (ref.para !== undefined) found.para = ref.para;
    if (ref.item !== undefined) found.item = ref.item;
    if (year) found.year = year;
    out.push(found);
  };
  for (const ref of refs) {
    while (mi < mentions.length && (mentions[mi] as Mention).end <= ref.start) {
      context = mentions[mi];
      mi++;
    }
    const before = mi > 0 ? mentions[mi - 1] : undefined;
    const next = mentions[mi];
    if (before && adjacent(text, before.end, ref.start)) {
      used.add(before);
      cite(before.start, ref.end, before, "named", ref);
      continue;
    }
    // "Article 37 of the Cybersecurity Law", "Art. 37 CSL".
    const tail = text.slice(ref.end, ref.end + 12);
    const ofLen = /^\s+of\s+(?:the\s+)?/u.exec(tail)?.[0].length ?? (/^\s+/u.exec(tail)?.[0].length ?? 0);
    if (ref.latin && next && next.start === ref.end + ofLen && (ofLen > 0 || /^\s*$/.test(tail.slice(0, 1)))) {
      used.add(next);
      context = next;
      mi++;
      cite(ref.start, next.end, next, "named", ref);
      continue;
    }
    if (ref.latin) {
      const title = EN_TITLE.exec(text.slice(ref.end, ref.end + 120));
      if (title && !/^(?:this|the same|that)\b/i.test(title[1] as string)) {
        const law: Mention = { start: ref.end + (title[0].length - (title[1] as string).length), end: ref.end + title[0].length, name: (title[1] as string).trim() };
        context = law;
        cite(ref.start, law.end, law, "named", ref);
        continue;
      }
    }
    // "Article 5 of the contract": an article of something that is no law.
    if (ref.latin && /^\s+of\s+(?:the|this|that|our|its|their|such|a|an)\s/i.test(text.slice(ref.end, ref.end + 16))) continue;
    if (context && paragraphStart(ref.start) <= context.start) cite(ref.start, ref.end, context, "context", ref);
  }
  // "PIPL 38", "CSL 37": a known Latin name directly followed by a number (not a year, an amount or a count).
  for (const m of mentions) {
    if (used.has(m) || !m.instrument || !/[A-Za-z]$/.test(m.name)) continue;
    const short = /^\s+(\d{1,3}(?:-\d{1,2})?)(?![\d%]|[.,]\d|\s*(?:%|per|yuan|RMB|million|days?|months?|years?|times|articles?|provisions?)\b)/u.exec(text.slice(m.end, m.end + 24));
    if (!short) continue;
    const end = m.end + short[0].length;
    if (out.some((c) => c.start < end && c.end > m.start)) continue;
    cite(m.start, end, m, "named", { start: end, number: short[1] as string });
  }
  return out.sort((a, b) => a.start - b.start);
}
