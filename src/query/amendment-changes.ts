// What an amendment changed in the penalties of one instrument: for every article and bearer,
// the heaviest fine and custody in the older text next to those in the newer one, with the
// ratio ("max fine ×10 since 2026-01-01"). Derived from the tiers' `versions`, never typed in.
import { qualifyRef, type Catalog, type InstrumentEntry, type ProvisionEntry } from "../domain/catalog.js";
import { permalink } from "../domain/citation.js";
import { formatNumber } from "../domain/penalty-arithmetic.js";
import { provisionOfRef } from "../domain/pinpoint.js";
import { Bearer } from "../domain/rules-schema.js";
import { articleLabel } from "../domain/version-name.js";
import type { PenaltyRow } from "./penalty-table.js";

export type ChangeStatus = "raised" | "lowered" | "new" | "removed" | "changed" | "unconfirmed";

export interface FiguresIn {
  versionId: string;
  number: string | undefined; // the article's number in this version (undefined: not in it)
  href: string | undefined;
  fineMax: number | undefined; // RMB, Infinity when uncapped
  fines: string[]; // each tier's fine as the law states it, lightest tier first
  custodyMaxDays: number | undefined;
  custody: string[];
  other: string[];
}

export interface FigureChange {
  provision: ProvisionEntry;
  bearer: Bearer;
  from: FiguresIn;
  to: FiguresIn;
  status: ChangeStatus;
  /** to.fineMax / from.fineMax when both are finite and positive. */
  fineRatio: number | undefined;
  summary: string; // "max fine ×10 since 2026-01-01"
  /** Where the conduct went (a deleted article) or came from (a new one), through `formerly`. */
  moved: { label: string; href: string }[];
}

/**
 * The articles of the other text that the amendment moved this article's conduct to or from: a
 * tier of the newer text names the older article in `formerly`.
 */
function movedConduct(ins: InstrumentEntry, p: ProvisionEntry, fromV: string, toV: string): { label: string; href: string }[] {
  const link = (q: ProvisionEntry, v: string) => ({ label: articleLabel(ins, v, q.data.numbers[v] as string), href: permalink(ins.id, v, q.data.numbers[v] as string) });
  const names = (q: ProvisionEntry, target: string) => q.data.penalties.some((t) => (t.versions ?? q.versionIds).includes(toV) && (t.formerly ?? []).some((r) => qualifyRef(ins.id, provisionOfRef(r)) === target));
  if (p.versionIds.includes(fromV) && !p.versionIds.includes(toV)) {
    return ins.provisions.filter((q) => q.versionIds.includes(toV) && names(q, p.key)).map((q) => link(q, toV));
  }
  if (!p.versionIds.includes(fromV) && p.versionIds.includes(toV)) {
    const refs = new Set(p.data.penalties.filter((t) => (t.versions ?? p.versionIds).includes(toV)).flatMap((t) => (t.formerly ?? []).map((r) => qualifyRef(ins.id, provisionOfRef(r)))));
    return ins.provisions.filter((q) => refs.has(q.key) && q.versionIds.includes(fromV)).map((q) => link(q, fromV));
  }
  return [];
}

/** Pairs of consecutive versions of an instrument (older, newer): what can be compared. */
export function amendmentPairs(ins: InstrumentEntry): [string, string][] {
  return ins.versions.slice(1).map((v, i) => [ins.versions[i]?.id as string, v.id]);
}

function figuresIn(rows: readonly PenaltyRow[], p: ProvisionEntry, versionId: string): FiguresIn {
  const mine = rows.filter((r) => r.versionIds.includes(versionId));
  const number = p.data.numbers[versionId];
  const maxes = mine.map((r) => r.fineMax).filter((n): n is number => n !== undefined);
  const custody = mine.map((r) => r.custodyMaxDays).filter((n): n is number => n !== undefined);
  return {
    versionId,
    number,
    href: number === undefined ? undefined : permalink(p.instrumentId, versionId, number),
    fineMax: maxes.length ? Math.max(...maxes) : undefined,
    fines: mine.map((r) => r.fineText).filter(Boolean),
    custodyMaxDays: custody.length ? Math.max(...custody) : undefined,
    custody: mine.map((r) => r.custodyText).filter(Boolean),
    other: [...new Set(mine.flatMap((r) => r.other))],
  };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function describe(status: ChangeStatus, ratio: number | undefined, from: FiguresIn, to: FiguresIn, moved: readonly { label: string }[]): string {
  const since = `since ${to.versionId}`;
  const list = moved.map((m) => m.label).join(", ");
  switch (status) {
    case "new":
      if (from.number === undefined) return moved.length ? `new article ${since}, punishing conduct that ${list} punished` : `new article ${since}`;
      return `new sanctions ${since}`;
    case "removed":
      if (to.number === undefined) return moved.length ? `article deleted ${since}; its conduct is punished under ${list}` : `article deleted ${since}`;
      return `sanctions removed ${since}`;
    case "raised":
    case "lowered": {
      if (to.fineMax === Infinity) return `fine uncapped ${since}`;
      if (ratio !== undefined && to.fineMax !== from.fineMax) {
        const r = ratio >= 1 ? `×${formatNumber(Math.round(ratio * 100) / 100)}` : `÷${formatNumber(Math.round((1 / ratio) * 100) / 100)}`;
        return `max fine ${r} ${since}`;
      }
      return `${status === "raised" ? "heavier" : "lighter"} ${since}`;
    }
    case "changed":
      return `tiers or sanctions changed ${since}, same maximum`;
    case "unconfirmed":
      return `the ${to.versionId.slice(0, 4)} figures could not be confirmed from an official or authorised text: see the article's confidence note`;
  }
}

/**
 * The rows of each provision, in the rows' order: grouped once per rows array, not filtered once
 * per provision (at 10× the catalog that filter made start-up, which lists every amendment,
 * take a second).
 */
const grouped = new WeakMap<readonly PenaltyRow[], Map<string, PenaltyRow[]>>();
function rowsByProvision(rows: readonly PenaltyRow[]): Map<string, PenaltyRow[]> {
  let byKey = grouped.get(rows);
  if (!byKey) {
    byKey = new Map();
    for (const r of rows) {
      const list = byKey.get(r.provision.key);
      if (list) list.push(r);
      else byKey.set(r.provision.key, [r]);
    }
    grouped.set(rows, byKey);
  }
  return byKey;
}

/** Every article × bearer whose sanctions differ between `fromV` and `toV`, in article order. */
export function amendmentChanges(ins: InstrumentEntry, rows: readonly PenaltyRow[], fromV: string, toV: string, only?: ProvisionEntry): FigureChange[] {
  const out: FigureChange[] = [];
  for (const p of only ? [only] : ins.provisions) {
    if (!p.versionIds.includes(fromV) && !p.versionIds.includes(toV)) continue;
    const own = rowsByProvision(rows).get(p.key) ?? [];
    // An article that continues into the newer text but has no tier there was not encoded for it
    // (its figures could not be confirmed): that is not a repeal of its sanctions.
    const unencoded = p.versionIds.includes(toV) && (!own.some((r) => r.versionIds.includes(toV)) || (p.data.unread?.[toV]?.length ?? 0) > 0);
    const moved = movedConduct(ins, p, fromV, toV);
    for (const bearer of Bearer.options) {
      const mine = own.filter((r) => r.bearer === bearer);
      if (mine.length === 0) continue;
      const from = figuresIn(mine, p, fromV);
      const to = figuresIn(mine, p, toV);
      const hadAny = from.fines.length + from.custody.length + from.other.length > 0;
      const hasAny = to.fines.length + to.custody.length + to.other.length > 0;
      if (!hadAny && !hasAny) continue;
      let status: ChangeStatus;
      if (!hadAny) status = "new";
      else if (!hasAny) status = unencoded ? "unconfirmed" : "removed";
      else if ((to.fineMax ?? 0) > (from.fineMax ?? 0) || (to.custodyMaxDays ?? 0) > (from.custodyMaxDays ?? 0)) status = "raised";
      // Lower figures where part of the newer text could not be read say nothing about the law.
      else if ((to.fineMax ?? 0) < (from.fineMax ?? 0) || (to.custodyMaxDays ?? 0) < (from.custodyMaxDays ?? 0)) status = unencoded ? "unconfirmed" : "lowered";
      else if (!same(from.fines, to.fines) || !same(from.custody, to.custody) || !same(from.other, to.other)) status = "changed";
      else continue;
      const fineRatio = from.fineMax && to.fineMax && Number.isFinite(from.fineMax) && Number.isFinite(to.fineMax) ? to.fineMax / from.fineMax : undefined;
      out.push({ provision: p, bearer, from, to, status, fineRatio, summary: describe(status, fineRatio, from, to, moved), moved });
    }
  }
  return out;
}

/** Instruments with at least two in-force texts whose penalties differ: where the view has something to show. */
export interface Amendment {
  ins: InstrumentEntry;
  from: string;
  to: string;
  changes: FigureChange[];
}

export function instrumentsWithChanges(catalog: Catalog, rows: readonly PenaltyRow[]): Amendment[] {
  const out: Amendment[] = [];
  for (const ins of catalog.instruments) {
    if (ins.data.draft) continue;
    for (const [from, to] of amendmentPairs(ins)) {
      const changes = amendmentChanges(ins, rows, from, to);
      if (changes.length) out.push({ ins, from, to, changes });
    }
  }
  return out;
}

/** "max fine ×10 since 2026-01-01" for each penalty row that carries the newer, heavier maximum. */
export function changeBadges(rows: readonly PenaltyRow[], amended: readonly Amendment[]): Map<string, string> {
  const badges = new Map<string, string>();
  for (const { from, to, changes } of amended) {
    for (const c of changes) {
      if (c.status !== "raised" && c.status !== "lowered") continue;
      for (const r of rows) {
        if (r.provision.key === c.provision.key && r.bearer === c.bearer && r.versionIds.includes(to) && !r.versionIds.includes(from) && r.fineMax === c.to.fineMax && r.fineMax !== undefined) badges.set(r.id, c.summary);
      }
    }
  }
  return badges;
}

/** The changes an article's own sanctions went through, across every amendment of its instrument. */
export function provisionChanges(ins: InstrumentEntry, rows: readonly PenaltyRow[], p: ProvisionEntry): FigureChange[] {
  const own = rows.filter((r) => r.provision.key === p.key);
  if (own.length === 0) return [];
  return amendmentPairs(ins).flatMap(([from, to]) => amendmentChanges(ins, own, from, to, p));
}
