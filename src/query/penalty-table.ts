// The normalised penalties table: one row per penalty tier and bearer, with numeric columns
// for sorting and comparison, and the duty each tier enforces.
import { confidenceIn } from "../domain/confidence.js";
import { qualifyRef, type Catalog, type InstrumentEntry, type ProvisionEntry } from "../domain/catalog.js";
import { permalink } from "../domain/citation.js";
import { combineWords, CUSTODY_KINDS, custodyDays, custodyRank, describeCondition, describeSanctions, formatAmount, isRelativeAmount, MONETARY_KINDS, maxCustodyDays, maxFine, minFine, SANCTION_LABELS, sanctionsOf, tierLevel, LEVEL_LABELS, type FlatSanction } from "../domain/penalty-arithmetic.js";
import { provisionOfRef } from "../domain/pinpoint.js";
import { Bearer, type Confidence, type PenaltyTier, type SanctionKind, type TierLevel } from "../domain/rules-schema.js";
import { descending } from "./provision-filter.js";
import { appliesIn, versionAt } from "./versions.js";
import { articleLabel, versionTag } from "../domain/version-name.js";

export interface PenaltyRow {
  id: string; // instrument/pNN#tier@bearer
  instrumentId: string;
  instrumentShort: string;
  draft: boolean;
  confidence: Confidence; // in the version the row links to (src/domain/confidence.ts)
  provision: ProvisionEntry;
  tier: PenaltyTier;
  bearer: Bearer;
  versionIds: string[]; // versions in which this tier applies
  versionId: string; // the version the row links to (latest it applies in)
  number: string;
  href: string;
  numbersLabel: string; // "Art. 59 (2017) / Art. 61 (2026)"
  label: string; // the article the row links to: "CSL Art. 61 (2026)"
  trigger: string;
  level: TierLevel; // the ladder step
  levelLabel: string; // "If it refuses to correct or harm results"
  sanctions: FlatSanction[];
  sanctionsText: string; // every sanction of the row in words, alternatives joined by "or"
  fineMin: number | undefined; // RMB
  fineMax: number | undefined; // RMB; Infinity when uncapped
  fineText: string;
  relativeText: string; // multiples and shares of a named base: "1–10 × illegal gains", "up to 5% of the previous year's turnover"
  custodyMaxDays: number | undefined;
  custodyMinDays: number | undefined;
  custodyText: string; // "5–15 days administrative detention"
  custodyKind: SanctionKind | undefined;
  other: string[]; // non-monetary, non-custodial sanctions
  enforces: string[]; // provision keys
}

/**
 * "Art. 37" when the article bears that number in every text of the instrument; otherwise each
 * number with the texts it is in: "Art. 63 (2017)", "Art. 59 (2017) / Art. 61 (2026)". The same
 * number can name different articles in different texts, so it never stands without its text.
 */
export function numbersWithVersions(ins: InstrumentEntry, p: ProvisionEntry, versionIds: readonly string[]): string {
  const byNumber = new Map<string, string[]>();
  for (const v of versionIds) byNumber.set(p.data.numbers[v] as string, [...(byNumber.get(p.data.numbers[v] as string) ?? []), v]);
  const [only] = byNumber.keys();
  if (byNumber.size === 1 && (ins.versions.length === 1 || versionIds.length === ins.versions.length)) return `Art. ${only}`;
  return [...byNumber].map(([n, vs]) => `Art. ${n} (${vs.map((v) => versionTag(ins, v)).join(", ")})`).join(" / ");
}

export const PENALTY_SORTS = ["max-fine", "min-fine", "max-custody", "article"] as const;
export type PenaltySort = (typeof PENALTY_SORTS)[number];

export interface PenaltyFilter {
  instrument: string[];
  actor: string[]; // rows whose enforced duty binds the actor or an ancestor
  bearer: Bearer[];
  sanction: SanctionKind[];
  version: string[];
  at?: string; // only tiers in force at this date
  includeDrafts: boolean;
}


// The catalog never changes, so its rows are built once and shared by every route that lists
// penalties (the pages, the API, the bulk CSV, the amendment notes).
const ROWS = new WeakMap<Catalog, readonly PenaltyRow[]>();

export function penaltyRows(catalog: Catalog): readonly PenaltyRow[] {
  const cached = ROWS.get(catalog);
  if (cached) return cached;
  const rows: PenaltyRow[] = [];
  for (const ins of catalog.instruments) {
    for (const p of ins.provisions) {
      for (const t of p.data.penalties) {
        const versionIds = p.versionIds.filter((v) => appliesIn(t.versions, p, v));
        const versionId = versionIds.at(-1);
        if (!versionId) continue;
        const number = p.data.numbers[versionId] as string;
        const numbersLabel = numbersWithVersions(ins, p, versionIds);
        const all = sanctionsOf(t);
        const level = tierLevel(t);
        for (const bearer of Bearer.options) {
          const sanctions = all.filter((s) => s.bearer === bearer);
          if (sanctions.length === 0) continue;
          const fines = sanctions.filter((s) => MONETARY_KINDS.has(s.kind) && !isRelativeAmount(s));
          const relative = sanctions.filter((s) => MONETARY_KINDS.has(s.kind) && isRelativeAmount(s));
          const custody = sanctions.filter((s) => CUSTODY_KINDS.has(s.kind)).sort((a, b) => descending(maxCustodyDays(a) ?? 0, maxCustodyDays(b) ?? 0) || custodyRank(b.kind) - custodyRank(a.kind));
          const worstCustody = custody[0];
          const fineMaxes = fines.map((s) => maxFine(s)).filter((n): n is number => n !== undefined);
          const fineMins = fines.map((s) => minFine(s)).filter((n): n is number => n !== undefined);
          rows.push({
            id: `${p.key}#${t.id}@${bearer}`,
            instrumentId: ins.id,
            instrumentShort: ins.data.short.en,
            draft: ins.data.draft,
            confidence: confidenceIn(ins.versions, versionIds.at(-1) as string, t.confidence ?? p.data.confidence),
            provision: p,
            tier: t,
            bearer,
            versionIds,
            versionId,
            number,
            href: permalink(ins.id, versionId, number),
            numbersLabel,
            label: articleLabel(ins, versionId, number),
            trigger: t.trigger,
            level,
            levelLabel: LEVEL_LABELS[level],
            sanctions,
            sanctionsText: describeSanctions(sanctions),
            fineMin: fineMins.length ? Math.min(...fineMins) : undefined,
            fineMax: fineMaxes.length ? Math.max(...fineMaxes) : undefined,
            fineText: fines.map(amountWords).join("; "),
            relativeText: relative.map(amountWords).join("; "),
            custodyMaxDays: worstCustody ? maxCustodyDays(worstCustody) : undefined,
            custodyMinDays: worstCustody ? custodyDays(worstCustody)?.min : undefined,
            custodyText: custody.map((s) => `${SANCTION_LABELS[s.kind]}${formatAmount(s) ? ` ${formatAmount(s)}` : ""}`).join("; "),
            custodyKind: worstCustody?.kind,
            other: sanctions.filter((s) => !MONETARY_KINDS.has(s.kind) && !CUSTODY_KINDS.has(s.kind)).map((s) => `${SANCTION_LABELS[s.kind]}${formatAmount(s) ? ` ${formatAmount(s)}` : ""}${s.optional ? " (may)" : ""}`),
            enforces: (t.enforces ?? []).map((r) => qualifyRef(ins.id, provisionOfRef(r))),
          });
        }
      }
    }
  }
  Object.freeze(rows);
  ROWS.set(catalog, rows);
  return rows;
}

/** A fine's amount with its qualifiers, as the table's fine columns print it. */
function amountWords(s: FlatSanction): string {
  const qualifiers = [s.kind === "criminal-fine" ? "criminal fine" : "", combineWords(s), describeCondition(s.if), s.optional ? "may" : ""].filter(Boolean);
  return `${formatAmount(s) || "amount not fixed"}${qualifiers.length ? ` (${qualifiers.join("; ")})` : ""}`;
}

export function filterPenaltyRows(catalog: Catalog, rows: readonly PenaltyRow[], f: PenaltyFilter): PenaltyRow[] {
  const lineages = f.actor.map((a) => catalog.actorById.get(a)?.lineage).filter((l): l is ReadonlyMap<string, string[]> => !!l);
  return rows.filter((r) => {
    if (!f.includeDrafts && r.draft) return false;
    if (f.instrument.length && !f.instrument.includes(r.instrumentId)) return false;
    if (f.bearer.length && !f.bearer.includes(r.bearer)) return false;
    if (f.sanction.length && !r.sanctions.some((s) => f.sanction.includes(s.kind))) return false;
    if (f.version.length && !r.versionIds.some((v) => f.version.includes(v))) return false;
    if (f.at) {
      const ins = catalog.instrumentById.get(r.instrumentId);
      const v = ins && versionAt(ins, f.at);
      if (!v || !r.versionIds.includes(v)) return false;
    }
    if (lineages.length) {
      const binds = r.enforces.some((key) =>
        catalog.provisionByKey.get(key)?.data.obligations.some((o) => o.actors.some((a) => lineages.some((l) => l.has(a)))),
      );
      if (!binds) return false;
    }
    return true;
  });
}

export function sortPenaltyRows(catalog: Catalog, rows: PenaltyRow[], sort: PenaltySort): PenaltyRow[] {
  const order = new Map(catalog.provisions.map((p, i) => [p.key, i]));
  const byArticle = (a: PenaltyRow, b: PenaltyRow) => (order.get(a.provision.key) ?? 0) - (order.get(b.provision.key) ?? 0) || a.id.localeCompare(b.id);
  const sorted = [...rows];
  const num = (n: number | undefined) => (n === undefined ? -1 : n);
  switch (sort) {
    case "max-fine":
      return sorted.sort((a, b) => descending(num(a.fineMax), num(b.fineMax)) || byArticle(a, b));
    case "min-fine":
      return sorted.sort((a, b) => descending(num(a.fineMin), num(b.fineMin)) || byArticle(a, b));
    case "max-custody":
      return sorted.sort((a, b) => descending(num(a.custodyMaxDays), num(b.custodyMaxDays)) || custodyRank(b.custodyKind ?? "warning") - custodyRank(a.custodyKind ?? "warning") || byArticle(a, b));
    case "article":
      return sorted.sort(byArticle);
  }
}

/** For one actor: the worst fine and the worst custody per instrument and bearer. */
export interface Exposure {
  instrumentId: string;
  instrumentShort: string;
  instrumentTitle: string;
  worst: { bearer: Bearer; fine?: PenaltyRow; custody?: PenaltyRow }[];
}

export function exposureFor(catalog: Catalog, rows: readonly PenaltyRow[], actorId: string, at: string): Exposure[] {
  const relevant = filterPenaltyRows(catalog, rows, { instrument: [], actor: [actorId], bearer: [], sanction: [], version: [], at, includeDrafts: false });
  const out: Exposure[] = [];
  for (const ins of catalog.instruments) {
    const mine = relevant.filter((r) => r.instrumentId === ins.id);
    if (mine.length === 0) continue;
    const worst = Bearer.options.map((bearer) => {
      const b = mine.filter((r) => r.bearer === bearer);
      const fine = sortPenaltyRows(catalog, b.filter((r) => r.fineMax !== undefined), "max-fine")[0];
      const custody = sortPenaltyRows(catalog, b.filter((r) => r.custodyMaxDays !== undefined), "max-custody")[0];
      return { bearer, fine, custody };
    }).filter((w) => w.fine || w.custody);
    if (worst.length) out.push({ instrumentId: ins.id, instrumentShort: ins.data.short.en, instrumentTitle: ins.data.title.en, worst });
  }
  return out;
}
