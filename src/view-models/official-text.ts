// The official Chinese text of one article in one version, as the article page prints it:
// paragraph by paragraph with item numbers, each with its anchor (#para-1, #para-1-item-3) and
// its own citation, the figures the rules hold marked, and what changed since the previous
// version whose text is loaded. When the text is not loaded here, why, and where to read it.
import type { InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { formatDate, permalink } from "../domain/citation.js";
import { sanctionsOf } from "../domain/penalty-arithmetic.js";
import { formatPinpointChinese, formatPinpointEnglish, pinpointAnchor, type Pinpoint } from "../domain/pinpoint.js";
import { appliesIn } from "../query/versions.js";
import { versionName } from "../domain/version-name.js";
import { compareArticleTexts, hasChanges, type ChangeSegment } from "../texts/compare-texts.js";
import { findFigures, type FigureUnit } from "../texts/figures.js";
import type { LawTexts } from "../texts/load-law-texts.js";
import { articleText, itemMarker, type TextArticle } from "../texts/parse-law-text.js";

/** A run of the text; `figure` set: a figure the rules hold (printed as <mark class="figure">). */
export interface TextSegment {
  text: string;
  figure?: boolean;
}

export interface TextPart {
  id: string; // the anchor without #: para-1, para-1-item-3
  label: string; // ¶ 1, (3)
  citeEn: string; // Art. 21(3)
  citeZh: string; // 第二十一条第（三）项
  segments: TextSegment[];
}

export interface ParagraphView extends TextPart {
  items: (TextPart & { marker: string })[]; // marker: （三）
}

export interface OfficialTextView {
  loaded: boolean;
  title?: string; // the text's own title, e.g. 中华人民共和国网络安全法
  file?: string;
  paragraphs: ParagraphView[];
  figures: number; // how many figures are marked
  reason?: string; // when not loaded: why, in plain words
  official?: string; // the official source to read it at
  changes?: { from: { id: string; label: string; href: string }; segments: ChangeSegment[] };
  changedLater?: { id: string; label: string; href: string }; // a later loaded text words it differently
}

interface RulesFigure {
  unit: FigureUnit;
  min?: number;
  max?: number;
  threshold?: number;
}

const REASONS = {
  "not-configured": "The official Chinese text is not loaded on this server.",
  "not-named": "No official text is on file for this version.",
  "file-missing": "The official Chinese text of this version is not loaded on this server.",
  unreadable: "The official Chinese text of this version could not be read on this server.",
} as const;

export function buildOfficialText(ins: InstrumentEntry, p: ProvisionEntry, versionId: string, texts: LawTexts, official: string | undefined): OfficialTextView {
  const number = p.data.numbers[versionId] as string;
  const article = texts.article(ins.id, versionId, number);
  const status = texts.status(ins.id, versionId);
  if (!article || status !== "loaded") {
    return { loaded: false, paragraphs: [], figures: 0, reason: status === "loaded" ? REASONS["file-missing"] : REASONS[status], official };
  }
  const loaded = texts.text(ins.id, versionId);
  const marker = figureMarker(p, versionId);
  const paragraphs = officialParagraphs(number, article, marker.segmentsOf);
  return {
    loaded: true,
    title: loaded?.parsed.title,
    file: loaded?.name,
    paragraphs,
    figures: marker.marked(),
    official,
    ...changesAround(ins, p, versionId, article, texts),
  };
}

/**
 * Splits official wording into runs, marking the figures that the tiers of `p` in this version
 * hold (any other figure in the text is left as it is); `marked()` counts them so far.
 */
export function figureMarker(p: ProvisionEntry | undefined, versionId: string): { segmentsOf: (text: string) => TextSegment[]; marked: () => number } {
  const figures = p ? rulesFigures(p, versionId) : [];
  let marked = 0;
  const segmentsOf = (text: string): TextSegment[] => {
    if (figures.length === 0) return [{ text }];
    const out: TextSegment[] = [];
    let at = 0;
    for (const f of findFigures(text)) {
      const held = figures.some((r) => r.unit === f.unit && (r.threshold !== undefined ? f.below === r.threshold || (f.min === r.threshold && f.max === undefined) : f.below === undefined && f.min === r.min && f.max === r.max));
      if (!held) continue;
      if (f.start > at) out.push({ text: text.slice(at, f.start) });
      out.push({ text: text.slice(f.start, f.end), figure: true });
      marked++;
      at = f.end;
    }
    if (at < text.length) out.push({ text: text.slice(at) });
    return out;
  };
  return { segmentsOf, marked: () => marked };
}

/**
 * An article's official wording paragraph by paragraph, each paragraph and item with its anchor
 * and citation. `anchorPrefix` ("art-37-") sets the anchors apart where several articles share a
 * page (the whole text): art-37-para-2, art-37-para-1-item-3.
 */
export function officialParagraphs(number: string, article: TextArticle, segmentsOf: (text: string) => TextSegment[], anchorPrefix = ""): ParagraphView[] {
  const count = article.paragraphs.length;
  const part = (pin: Pinpoint, label: string, text: string): TextPart => ({
    id: `${anchorPrefix}${pinpointAnchor(pin).slice(1)}`,
    label,
    citeEn: formatPinpointEnglish(number, pin, count),
    citeZh: formatPinpointChinese(number, pin, count),
    segments: segmentsOf(text),
  });
  return article.paragraphs.map((para) => ({
    ...part({ para: para.number }, `¶ ${para.number}`, para.text),
    items: para.items.map((item) => ({ ...part({ para: para.number, item: item.number }, `(${item.number})`, item.text), marker: `（${itemMarker(item.number)}）` })),
  }));
}

/** The figures of the tiers that apply in this version: amounts and terms, and gains thresholds. */
function rulesFigures(p: ProvisionEntry, versionId: string): RulesFigure[] {
  const out: RulesFigure[] = [];
  for (const t of p.data.penalties) {
    if (!appliesIn(t.versions, p, versionId)) continue;
    for (const s of sanctionsOf(t)) {
      if (s.unit && (s.min !== undefined || s.max !== undefined)) out.push({ unit: s.unit, min: s.min, max: s.max });
      const gains = s.if?.gains;
      if (gains && gains !== "none") for (const n of [gains.below, gains.atLeast]) if (n !== undefined) out.push({ unit: "CNY", threshold: n });
    }
  }
  return out;
}

/** The comparison with the previous loaded text, and whether a later loaded text changed it. */
function changesAround(ins: InstrumentEntry, p: ProvisionEntry, versionId: string, article: TextArticle, texts: LawTexts): Pick<OfficialTextView, "changes" | "changedLater"> {
  const withText = ins.versions.filter((v) => p.data.numbers[v.id] !== undefined && texts.article(ins.id, v.id, p.data.numbers[v.id] as string));
  const i = withText.findIndex((v) => v.id === versionId);
  const lineage = (v: string) => (n: string) => ins.provisions.find((q) => q.data.numbers[v] === n)?.data.id;
  const compare = (olderId: string, newerId: string, olderArticle: TextArticle, newerArticle: TextArticle) =>
    compareArticleTexts(articleText(olderArticle), articleText(newerArticle), { older: lineage(olderId), newer: lineage(newerId) });
  const link = (id: string) => {
    return { id, label: versionName(ins, id), href: permalink(ins.id, id, p.data.numbers[id] as string) };
  };
  const out: Pick<OfficialTextView, "changes" | "changedLater"> = {};
  const before = withText[i - 1];
  if (before) {
    const older = texts.article(ins.id, before.id, p.data.numbers[before.id] as string) as TextArticle;
    const segments = compare(before.id, versionId, older, article);
    if (hasChanges(segments)) out.changes = { from: link(before.id), segments };
  }
  const after = withText[i + 1];
  if (after) {
    const newer = texts.article(ins.id, after.id, p.data.numbers[after.id] as string) as TextArticle;
    if (hasChanges(compare(versionId, after.id, article, newer))) out.changedLater = link(after.id);
  }
  return out;
}
