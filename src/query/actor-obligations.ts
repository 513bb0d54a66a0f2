// "What binds me?": every obligation that binds an actor or any of its ancestors, at a date,
// with the chain that makes it apply and the penalty tiers that punish its breach.
import { qualifyRef, type Catalog, type ObligationRef, type ProvisionEntry, type TierRef } from "../domain/catalog.js";
import { punishesBearer, type IsA } from "../domain/bearers.js";
import { parseProvisionRef, provisionOfRef, type ParsedProvisionRef, type Pinpoint } from "../domain/pinpoint.js";
import { appliesIn, bindingAt, versionAt } from "./versions.js";

export interface Reason {
  selected: string; // the actor the user chose
  bound: string; // the actor the obligation names
  chain: string[]; // selected → … → bound
}

export interface BoundObligation extends ObligationRef {
  versionId: string;
  number: string;
  reasons: Reason[];
  tiers: TierRef[];
}

export interface ObligationScope {
  /** Also list drafts and rules no longer in force (labelled as such); default false. */
  includeNonBinding?: boolean;
}

export function obligationsForActors(catalog: Catalog, actorIds: readonly string[], date: string, scope: ObligationScope = {}): BoundObligation[] {
  const lineages = actorIds.map((id) => ({ id, lineage: catalog.actorById.get(id)?.lineage })).filter((l) => l.lineage);
  const out: BoundObligation[] = [];
  for (const ins of catalog.instruments) {
    const v = versionAt(ins, date);
    if (!v || (!scope.includeNonBinding && !bindingAt(ins, date))) continue;
    for (const p of ins.provisions) {
      const number = p.data.numbers[v];
      if (!number) continue;
      for (const o of p.data.obligations) {
        if (!appliesIn(o.versions, p, v)) continue;
        const reasons: Reason[] = [];
        for (const { id, lineage } of lineages) {
          // The closest bound actor explains best: a CII operator is bound "as a CII operator"
          // before "as a network operator".
          const bound = o.actors.map((a) => lineage?.get(a)).filter((c): c is string[] => !!c).sort((a, b) => a.length - b.length)[0];
          if (bound) reasons.push({ selected: id, bound: bound.at(-1) as string, chain: bound });
        }
        if (reasons.length === 0) continue;
        const duty: Duty = { para: o.para, item: o.item, id: o.id, actors: o.actors };
        out.push({ key: `${p.key}#${o.id}`, provision: p, obligation: o, versionId: v, number, reasons, tiers: tiersEnforcing(catalog, p, date, duty, actorIds) });
      }
    }
  }
  return out;
}

/** One duty of an article, as far as a penalty link can reach it. */
export interface Duty extends Pinpoint {
  id?: string; // the obligation's id
  actors?: readonly string[]; // its bearers
}

/** The catalog's "is a kind of" relation over actors (the actor itself included). */
export function isAOf(catalog: Catalog): IsA {
  return (x, y) => x === y || catalog.actorById.get(x)?.lineage.has(y) === true;
}

/**
 * The penalty tiers, in force at `date`, that punish a breach of provision `p`. Given one duty,
 * a tier that names another paragraph (p27.2 for a duty of p27 para. 1) or another obligation
 * (p19#other) is left out, and so is a tier that punishes none of the duty's bearers (of the
 * `roles`, when given); a tier naming the whole article punishes every duty in it whose bearer
 * it punishes.
 */
export function tiersEnforcing(catalog: Catalog, p: ProvisionEntry, date: string, duty: Duty = {}, roles?: readonly string[]): TierRef[] {
  const isA = isAOf(catalog);
  const out: TierRef[] = [];
  for (const key of p.enforcedBy) {
    const q = catalog.provisionByKey.get(key);
    const ins = q && catalog.instrumentById.get(q.instrumentId);
    if (!q || !ins) continue;
    const v = versionAt(ins, date);
    if (!v || !q.versionIds.includes(v)) continue;
    for (const t of q.data.penalties) {
      const hits = (t.enforces ?? []).some((r) => qualifyRef(q.instrumentId, provisionOfRef(r)) === p.key && reaches(parseProvisionRef(r) ?? { provision: "" }, duty));
      if (!hits || !appliesIn(t.versions, q, v)) continue;
      if (duty.actors && !punishesBearer(t.punishes, duty.actors, isA, roles)) continue;
      out.push(tierRef(q, t, v));
    }
  }
  return out;
}

/** Whether a tier's pinpoint covers a duty's: unset on either side means the whole article or paragraph. */
export function reaches(target: ParsedProvisionRef, duty: Duty): boolean {
  if (target.obligation !== undefined) return duty.id === undefined || target.obligation === duty.id;
  if (target.para === undefined || duty.para === undefined) return true;
  if (target.para !== duty.para) return false;
  return target.item === undefined || duty.item === undefined || target.item === duty.item;
}

export function tierRef(q: ProvisionEntry, t: ProvisionEntry["data"]["penalties"][number], ...onlyVersions: string[]): TierRef {
  const versionIds = q.versionIds.filter((v) => (t.versions === undefined || t.versions.includes(v)) && (onlyVersions.length === 0 || onlyVersions.includes(v)));
  return { key: `${q.key}#${t.id}`, provision: q, tier: t, versionIds };
}

/** How many obligations bind an actor (directly or through an ancestor) at a date. */
export function countObligations(catalog: Catalog, actorId: string, date: string): number {
  return obligationsForActors(catalog, [actorId], date).length;
}
