// The register's one-page summary (on screen, in print and in every export) and its compact list
// of the general duties not listed in full. The summary states, per law, the duties and the worst
// the entity, its managers and any person face, each with the step of the ladder that brings it;
// then the ten heaviest duties. A figure is never shown without its step and article.
import type { Catalog, TierRef } from "../domain/catalog.js";
import { CUSTODY_KINDS, describeSanction, formatAmount, isRelativeAmount, maxCustodyDays, maxFine, sanctionsOf, tierLevel, type FlatSanction } from "../domain/penalty-arithmetic.js";
import { compareExposure, type Register, type RegisterDuty } from "../query/register.js";
import { ladderStep, type DutyCard, type Link } from "./register.js";

/** A figure with the step of the ladder that brings it: "RMB 1,000,000–10,000,000, if serious (CSL Art. 61)". */
export interface Worst {
  text: string;
  when: string; // "If serious"
  article: Link; // the penalty article of that step
}

export interface LawExposure {
  instrumentId: string;
  title: string;
  anchor: string; // the law's group on the page
  duties: number;
  entityFine?: Worst;
  managersFine?: Worst;
  custody?: Worst;
  criminal: Link[]; // the criminal articles a breach can bring
}

export interface HeavyDuty {
  anchor: string;
  article: Link;
  duty: string;
  worst: string; // its heaviest sanction in words
}

export interface CompactLine {
  article: Link;
  duty: string;
  heaviest?: Worst; // undefined: no penalty article linked
}

export interface CompactGroup {
  instrumentId: string;
  title: string;
  lines: CompactLine[];
}

const isCriminalTier = (t: TierRef) => tierLevel(t.tier) === "crime" || t.provision.instrumentId === "criminal-law";

function worstOf(catalog: Catalog, tiers: readonly TierRef[], date: string, score: (s: FlatSanction) => number | undefined, words: (s: FlatSanction) => string): Worst | undefined {
  let best: { n: number; s: FlatSanction; t: TierRef } | undefined;
  for (const t of tiers) {
    for (const s of sanctionsOf(t.tier)) {
      const n = score(s);
      if (n !== undefined && (!best || n > best.n)) best = { n, s, t };
    }
  }
  if (!best) return undefined;
  const step = ladderStep(catalog, best.t, date);
  return { text: words(best.s), when: step.when, article: step.article };
}

/** A fine's weight for comparison: fixed RMB amounts by their cap; a multiple or share ranks below any fixed amount. */
const fineScore = (bearer: FlatSanction["bearer"]) => (s: FlatSanction) => {
  if (s.bearer !== bearer || (s.kind !== "fine" && s.kind !== "criminal-fine")) return undefined;
  const f = maxFine(s);
  if (f !== undefined) return f;
  return isRelativeAmount(s) ? -1 : undefined;
};

const custodyScore = (s: FlatSanction) => (CUSTODY_KINDS.has(s.kind) ? (maxCustodyDays(s) ?? 0) : undefined);

export function entityFine(catalog: Catalog, tiers: readonly TierRef[], date: string): Worst | undefined {
  return worstOf(catalog, tiers, date, fineScore("entity"), (s) => formatAmount(s) || describeSanction(s));
}

export function lawExposure(catalog: Catalog, reg: Register, anchorOf: (instrumentId: string) => string): LawExposure[] {
  const byLaw = new Map<string, RegisterDuty[]>();
  for (const d of reg.duties) byLaw.set(d.provision.instrumentId, [...(byLaw.get(d.provision.instrumentId) ?? []), d]);
  return [...byLaw].map(([id, duties]) => {
    const tiers = duties.flatMap((d) => [...d.tiers, ...d.referred]);
    const ins = catalog.instrumentById.get(id);
    const criminal = new Map<string, Link>();
    for (const t of tiers.filter(isCriminalTier)) {
      const a = ladderStep(catalog, t, reg.date).article;
      criminal.set(a.href, a);
    }
    return {
      instrumentId: id,
      title: ins?.data.short.en ?? id,
      anchor: anchorOf(id),
      duties: duties.length,
      entityFine: entityFine(catalog, tiers, reg.date),
      managersFine: worstOf(catalog, tiers, reg.date, fineScore("managers"), (s) => formatAmount(s) || describeSanction(s)),
      custody: worstOf(catalog, tiers, reg.date, custodyScore, (s) => describeSanction(s)),
      criminal: [...criminal.values()],
    };
  });
}

/** The heaviest sanction of a duty in a few words: custody first, then the entity's fine, then any fine. */
export function heaviest(catalog: Catalog, d: RegisterDuty, date: string): Worst | undefined {
  const tiers = [...d.tiers, ...d.referred];
  if (tiers.length === 0) return undefined;
  return (
    worstOf(catalog, tiers, date, custodyScore, (s) => describeSanction(s)) ??
    entityFine(catalog, tiers, date) ??
    worstOf(catalog, tiers, date, (s) => (s.kind === "fine" || s.kind === "criminal-fine" ? (maxFine(s) ?? -1) : undefined), (s) => describeSanction(s)) ??
    worstOf(catalog, tiers, date, () => 0, (s) => describeSanction(s))
  );
}

/** The ten duties whose breach can bring the heaviest sanction (custody, then the entity's fine, then business sanctions). */
export function heaviestDuties(catalog: Catalog, reg: Register, cards: readonly DutyCard[], n = 10): HeavyDuty[] {
  const byKey = new Map(cards.map((c) => [c.key, c]));
  return reg.duties
    .filter((d) => d.tiers.length + d.referred.length > 0)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => compareExposure(a.d.exposure, b.d.exposure) || a.i - b.i)
    .slice(0, n)
    .flatMap(({ d }) => {
      const c = byKey.get(d.key);
      const w = heaviest(catalog, d, reg.date);
      return c && w ? [{ anchor: c.anchor, article: c.article, duty: c.duty, worst: `${w.text} (${w.when.toLowerCase()}, ${w.article.label})` }] : [];
    });
}

/** The general duties not listed in full, one line each, grouped by law in article order. */
export function compactGeneral(catalog: Catalog, reg: Register, link: (d: RegisterDuty) => Link): CompactGroup[] {
  const groups = new Map<string, CompactGroup>();
  for (const d of reg.otherGeneral) {
    const id = d.provision.instrumentId;
    if (!groups.has(id)) groups.set(id, { instrumentId: id, title: catalog.instrumentById.get(id)?.data.title.en ?? id, lines: [] });
    groups.get(id)?.lines.push({ article: link(d), duty: d.obligation.duty, heaviest: heaviest(catalog, d, reg.date) });
  }
  return [...groups.values()];
}
