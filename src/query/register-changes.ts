// What changed for a role set between two dates: the register at each date compared duty by duty
// (by the stable obligation ID, so a renumbered article is renumbered, not removed and added), and
// the penalty figures of the penalty articles those duties link to, compared with the same
// function as /penalties/changes (amendment-changes.ts), so both pages give the same figures.
import type { Catalog, InstrumentEntry } from "../domain/catalog.js";
import { amendmentChanges, type FigureChange } from "./amendment-changes.js";
import type { PenaltyRow } from "./penalty-table.js";
import { buildRegister, type RegisterDuty, type RegisterFilter } from "./register.js";
import { versionAt } from "./versions.js";

export interface DutyChange {
  key: string; // instrument/lineage-id#obligation-id
  duty: RegisterDuty; // as at the date it is listed (the later one, for a removed duty the earlier one)
  fromNumber?: string;
  toNumber?: string;
}

export interface LawChanges {
  ins: InstrumentEntry;
  fromVersion?: string; // the text in force at each date (undefined: not yet in force)
  toVersion?: string;
  added: DutyChange[];
  removed: DutyChange[];
  renumbered: DutyChange[];
  penalties: FigureChange[]; // of the penalty articles linked to the duties, as /penalties/changes states them
}

export interface RegisterChanges {
  from: string;
  to: string;
  laws: LawChanges[]; // laws with at least one change, in catalog order
}

/** Every duty the register lists at a date: in full and in brief alike. */
function dutiesAt(catalog: Catalog, actorIds: readonly string[], f: RegisterFilter, at: string): Map<string, RegisterDuty> {
  const reg = buildRegister(catalog, actorIds, { ...f, at, sort: "article" });
  return new Map([...reg.duties, ...reg.otherGeneral].map((d) => [d.key, d]));
}

export function registerChanges(catalog: Catalog, rows: readonly PenaltyRow[], actorIds: readonly string[], f: RegisterFilter, from: string, to: string): RegisterChanges {
  const before = dutiesAt(catalog, actorIds, f, from);
  const after = dutiesAt(catalog, actorIds, f, to);
  const laws = new Map<string, LawChanges>();
  const law = (id: string): LawChanges | undefined => {
    const ins = catalog.instrumentById.get(id);
    if (!ins) return undefined;
    let l = laws.get(id);
    if (!l) laws.set(id, (l = { ins, fromVersion: versionAt(ins, from), toVersion: versionAt(ins, to), added: [], removed: [], renumbered: [], penalties: [] }));
    return l;
  };
  for (const [key, d] of after) {
    const was = before.get(key);
    if (!was) law(d.provision.instrumentId)?.added.push({ key, duty: d, toNumber: d.number });
    else if (was.number !== d.number) law(d.provision.instrumentId)?.renumbered.push({ key, duty: d, fromNumber: was.number, toNumber: d.number });
  }
  for (const [key, d] of before) if (!after.has(key)) law(d.provision.instrumentId)?.removed.push({ key, duty: d, fromNumber: d.number });
  // The penalty articles of the duties at either date, per instrument, and their figures.
  const penaltyArticles = new Set([...before.values(), ...after.values()].flatMap((d) => [...d.tiers, ...d.referred].map((t) => t.provision.key)));
  for (const ins of catalog.instruments) {
    const vFrom = versionAt(ins, from);
    const vTo = versionAt(ins, to);
    if (!vFrom || !vTo || vFrom >= vTo) continue;
    const changes = amendmentChanges(ins, rows, vFrom, vTo).filter((c) => penaltyArticles.has(c.provision.key));
    if (changes.length) law(ins.id)?.penalties.push(...changes);
  }
  const order = new Map(catalog.instruments.map((i, n) => [i.id, n]));
  return {
    from,
    to,
    laws: [...laws.values()].filter((l) => l.added.length + l.removed.length + l.renumbered.length + l.penalties.length > 0).sort((a, b) => (order.get(a.ins.id) ?? 0) - (order.get(b.ins.id) ?? 0)),
  };
}

/**
 * The register's amendments, newest first: each new text of a law of the register (one that
 * holds its duties or their penalty articles) that changed its duties or their penalties, with
 * what changed. For the register's Atom feed.
 */
export function registerAmendments(catalog: Catalog, rows: readonly PenaltyRow[], actorIds: readonly string[], f: RegisterFilter): { ins: InstrumentEntry; from: string; to: string; changes: LawChanges }[] {
  const asOf = f.at ?? catalog.meta.asOf;
  const now = dutiesAt(catalog, actorIds, f, asOf);
  const relevant = new Set([...now.values()].flatMap((d) => [d.provision.instrumentId, ...[...d.tiers, ...d.referred].map((t) => t.provision.instrumentId)]));
  const out: { ins: InstrumentEntry; from: string; to: string; changes: LawChanges }[] = [];
  for (const ins of catalog.instruments) {
    if (!relevant.has(ins.id) || ins.data.draft) continue;
    const ids = ins.versions.map((v) => v.id);
    ids.forEach((to, i) => {
      const from = ids[i - 1];
      if (!from || to > asOf) return;
      const l = registerChanges(catalog, rows, actorIds, f, dayBefore(to), to).laws.find((x) => x.ins.id === ins.id);
      if (l) out.push({ ins, from, to, changes: l });
    });
  }
  return out.sort((a, b) => b.to.localeCompare(a.to) || a.ins.id.localeCompare(b.ins.id));
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
