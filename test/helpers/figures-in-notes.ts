// Finds penalty figures written in notes. A note may explain a figure, never be its only home:
// the tables, sorts, comparisons and exports read only the structured fields.
import { confidenceIn } from "../../src/domain/confidence.js";
import { flattenSanctions } from "../../src/domain/penalty-arithmetic.js";
import type { Catalog } from "../../src/domain/catalog.js";
import type { Confidence, PenaltyTier, Sanction } from "../../src/domain/rules-schema.js";

const FIGURE =
  /(RMB|CNY|¥)\s*\d|\d[\d,.]*\s*(yuan|元|days?|months?|years?|times|×|%|percent|倍)|[一二三四五六七八九十百千万]+(元|日|年|倍)|\b(one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\b[\s-]+(to|or)[\s-]+\w+\s+(times|days|years|months)/i;

export function hasFigure(text: string | undefined): boolean {
  return !!text && FIGURE.test(text);
}

export interface NoteFigure {
  where: string; // instrument/pNN#tier
  note: string;
}

/** The amounts a note states (RMB 100,000 → 100000; "15 days" → 15), leaving out article, paragraph and item numbers and years. */
export function amountsIn(text: string): number[] {
  const out: number[] = [];
  const re = /(Arts?\.|paras?\.|items?|No\.|第)?\s*(\d[\d,]*(?:\.\d+)?)/g;
  for (const m of text.matchAll(re)) {
    if (m[1]) continue;
    const raw = m[2] as string;
    if (/^(19|20)\d\d$/.test(raw)) continue;
    out.push(Number(raw.replace(/,/g, "")));
  }
  return out;
}

function structuredAmounts(t: PenaltyTier): Set<number> {
  const set = new Set<number>();
  for (const s of flattenSanctions(t.sanctions)) {
    for (const n of [s.min, s.max]) if (n !== undefined) set.add(n);
    const g = s.if?.gains;
    if (g && g !== "none") for (const n of [g.below, g.atLeast]) if (n !== undefined) set.add(n);
  }
  return set;
}

/** Notes that carry a figure the structured fields beside them do not hold. */
export function figuresOnlyInNotes(catalog: Catalog): NoteFigure[] {
  const out: NoteFigure[] = [];
  for (const p of catalog.provisions) {
    for (const t of p.data.penalties) {
      const where = `${p.key}#${t.id}`;
      const known = structuredAmounts(t);
      const unknown = (note: string | undefined) => hasFigure(note) && amountsIn(note as string).some((n) => !known.has(n));
      if (hasFigure(t.note) && (!tierHasAmount(t) || unknown(t.note))) out.push({ where, note: t.note as string });
      for (const e of t.sanctions) {
        if ("oneOf" in e && hasFigure(e.note) && !e.oneOf.some(hasAmount)) out.push({ where, note: e.note as string });
      }
      for (const s of flattenSanctions(t.sanctions)) {
        if (hasFigure(s.note) && (!hasAmount(s) || unknown(s.note))) out.push({ where, note: s.note as string });
      }
    }
  }
  return out;
}

function hasAmount(s: Sanction): boolean {
  return s.min !== undefined || s.max !== undefined || s.duration !== undefined;
}

function tierHasAmount(t: PenaltyTier): boolean {
  return flattenSanctions(t.sanctions).some(hasAmount);
}

export interface UnofficialHigh {
  where: string; // instrument/pNN (a provision) or instrument/pNN#tier
  versions: string[]; // the texts it is shown high in that were not read from an official text, with how they were read
}

/**
 * Provisions and tiers shown as `high` in a text not read from an official one. `high` means read
 * from an official text: in a text read from a reproduction, or described from a later text, an
 * article or tier is `medium` at most, whatever its record says (src/domain/confidence.ts).
 */
export function highConfidenceNotReadFromOfficial(catalog: Catalog): UnofficialHigh[] {
  const out: UnofficialHigh[] = [];
  for (const ins of catalog.instruments) {
    const readFrom = new Map(ins.versions.map((v) => [v.id, v.readFrom]));
    const shownHigh = (versions: readonly string[], c: Confidence) => versions.filter((v) => readFrom.get(v) !== "official" && confidenceIn(ins.versions, v, c) === "high").map((v) => `${v} (${readFrom.get(v)})`);
    for (const p of ins.provisions) {
      const present = p.versionIds;
      if (shownHigh(present, p.data.confidence).length > 0) out.push({ where: p.key, versions: shownHigh(present, p.data.confidence) });
      for (const t of p.data.penalties) {
        const applies = present.filter((v) => t.versions === undefined || t.versions.includes(v));
        const wrong = shownHigh(applies, t.confidence ?? p.data.confidence);
        if (wrong.length > 0) out.push({ where: `${p.key}#${t.id}`, versions: wrong });
      }
    }
  }
  return out;
}

/**
 * Words of a working note that a reader must never see: guesses, hearsay and the state of our
 * own research ("was not seen", "stored copies"). A note says what is known and how it was
 * established, as a legal publisher would. (The validator refuses paths and tool names.)
 */
export const WORKING_NOTE_WORDS = [
  "apparently",
  "was not seen",
  "could not be opened",
  "not read directly",
  "as cited in public references",
  "as we recall it",
  "stored copies",
  "stored copy",
  "search excerpts",
  "search excerpt",
  "probably",
  "believed",
  "reportedly",
  "we could not read",
] as const;

const WORKING_NOTE_RE = new RegExp(`\\b(${WORKING_NOTE_WORDS.map((w) => w.replace(/ /g, "\\s+")).join("|")})\\b`, "i");

export interface WorkingNote {
  where: string; // file: key path
  words: string;
}

/** Every string of a parsed rules file that reads as a working note, with its key path. Addresses and ids are not prose. */
export function workingNotesIn(file: string, value: unknown, path = ""): WorkingNote[] {
  if (typeof value === "string") {
    const m = WORKING_NOTE_RE.exec(value);
    return m ? [{ where: `${file}: ${path}`, words: m[0] }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => workingNotesIn(file, v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (k === "url" || k === "id" ? [] : workingNotesIn(file, v, path ? `${path}.${k}` : k)));
  }
  return [];
}
