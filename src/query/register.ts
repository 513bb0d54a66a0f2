// The compliance register: every duty that binds a set of roles at a date, scoped (the duties
// specific to the roles, or also the general duties that bind every organisation), filtered
// (instrument, theme, has a penalty) and ordered (by instrument and article, or by exposure).
// The query-string schema lives here; the page, the exports and the API share it.
import { z } from "zod";
import { qualifyRef, type Catalog, type InstrumentEntry, type ProvisionEntry, type TierRef } from "../domain/catalog.js";
import { parseProvisionRef, provisionOfRef } from "../domain/pinpoint.js";
import { CUSTODY_KINDS, custodyRank, isRelativeAmount, maxCustodyDays, maxFine, sanctionsOf } from "../domain/penalty-arithmetic.js";
import { Theme, type SanctionKind } from "../domain/rules-schema.js";
import { punishesBearer } from "../domain/bearers.js";
import { isAOf, obligationsForActors, tierRef, type BoundObligation, type Reason } from "./actor-obligations.js";
import { DateParam, listOf, single } from "./query-params.js";
import { appliesIn, versionAt } from "./versions.js";

export const REGISTER_SORTS = ["article", "exposure"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];
export const REGISTER_SCOPES = ["specific", "all"] as const;
export type RegisterScope = (typeof REGISTER_SCOPES)[number];

/** The register's filters and order as query parameters (the role set is given separately). */
export function registerFilterParams(catalog: Catalog) {
  const instrumentIds = catalog.instruments.map((i) => i.id) as [string, ...string[]];
  return {
    scope: single(z.enum(REGISTER_SCOPES).default("specific").describe("specific: only the duties specific to the roles (default); all: also the general duties that bind every person or organisation")),
    instrument: listOf(z.enum(instrumentIds).describe("only duties in these instruments")),
    theme: listOf(Theme.describe("only duties on these themes")),
    penalty: single(z.enum(["yes", "no"]).optional().describe("yes: only duties whose breach a penalty article punishes; no: only those without")),
    at: single(DateParam.optional().describe("the date the law is read at, YYYY-MM-DD; default: the data's as-of date")),
    include: single(z.enum(["binding", "all"]).default("binding").describe("all: also drafts and rules no longer in force, labelled as such")),
    sort: single(z.enum(REGISTER_SORTS).default("article").describe("article: by instrument and article (default); exposure: heaviest sanction first (custody, then the entity's fine, then business sanctions)")),
  };
}

export interface RegisterFilter {
  scope: RegisterScope;
  instrument: readonly string[];
  theme: readonly Theme[];
  penalty?: "yes" | "no";
  at?: string;
  include: "binding" | "all";
  sort: RegisterSort;
}

/** How heavy the worst sanction a breach can bring is, compared field by field. */
export interface Exposure {
  custodyDays: number; // longest custody any tier can bring (any bearer); Infinity: life or death; 0: none
  custodyRank: number; // tie-break: imprisonment beats detention of the same length
  entityFine: number; // highest RMB fine on the entity; Infinity: uncapped; -1: none fixed in RMB
  entityFineOther: number; // 1 when the entity faces a fine set as a multiple or percentage
  business: number; // heaviest business sanction (BUSINESS_RANK)
}

/** Business sanctions, heaviest last. */
const BUSINESS_RANK: Partial<Record<SanctionKind, number>> = {
  "order-to-stop": 1,
  "suspension-of-business": 2,
  "closure-of-website": 3,
  "licence-revocation": 4,
  "registration-revocation": 4,
};

export interface RegisterDuty extends BoundObligation {
  general: boolean; // binds the roles only through a general actor (company, organisation, anyone …)
  keyGeneral: boolean; // general, and marked in the rules as one every organisation must know (generalDuty): listed in full in every register
  referred: TierRef[]; // the tiers of the articles a tier refers the breach to (CSL 2026 Art. 71 → PIPL Art. 66)
  exposure: Exposure; // of its tiers and the referred ones
}

export interface Register {
  actorIds: readonly string[];
  date: string;
  duties: RegisterDuty[]; // filtered, scoped and sorted: what the register lists in full
  // The general duties not listed in full (scope=specific): the compact one-line list, in
  // instrument and article order.
  otherGeneral: RegisterDuty[];
  specificCount: number; // after the filters, before the scope
  generalCount: number; // every general duty, the key ones included
  keyGeneralCount: number; // the general duties listed in full in every register
  instrumentCount: number; // of the listed duties
  withPenaltyCount: number; // of the listed duties
  // Duties per instrument and per theme in the scope and penalty filter, before the instrument
  // and theme filters: what the filter form offers.
  facets: { instruments: ReadonlyMap<string, number>; themes: ReadonlyMap<Theme, number> };
}

export function exposureOf(tiers: readonly TierRef[]): Exposure {
  const e: Exposure = { custodyDays: 0, custodyRank: 0, entityFine: -1, entityFineOther: 0, business: 0 };
  for (const t of tiers) {
    // Alternatives (oneOf) count at their worst: the authority may choose the heavier one.
    for (const s of sanctionsOf(t.tier)) {
      if (CUSTODY_KINDS.has(s.kind)) {
        const d = maxCustodyDays(s) ?? 0;
        if (d > e.custodyDays || (d === e.custodyDays && custodyRank(s.kind) > e.custodyRank)) {
          e.custodyDays = d;
          e.custodyRank = custodyRank(s.kind);
        }
      }
      if (s.bearer === "entity") {
        const f = maxFine(s);
        if (f !== undefined && f > e.entityFine) e.entityFine = f;
        if ((s.kind === "fine" || s.kind === "criminal-fine") && isRelativeAmount(s)) e.entityFineOther = 1;
        e.business = Math.max(e.business, BUSINESS_RANK[s.kind] ?? 0);
      }
    }
  }
  return e;
}

/** Heaviest first: custody, then the entity's fine, then business sanctions. */
export function compareExposure(a: Exposure, b: Exposure): number {
  return b.custodyDays - a.custodyDays || b.custodyRank - a.custodyRank || b.entityFine - a.entityFine || b.entityFineOther - a.entityFineOther || b.business - a.business;
}

/**
 * The general actors for a role set: those of rules/questionnaire.yaml, less any the user picked
 * and their ancestors. Whoever asks what binds a company as such gets its duties and those of
 * every organisation as specific ones; a CII operator gets them as general duties.
 */
export function generalActorsFor(catalog: Catalog, actorIds: readonly string[]): Set<string> {
  const general = new Set(catalog.questionnaire.generalActors);
  for (const id of actorIds) if (general.has(id)) for (const a of catalog.actorById.get(id)?.lineage.keys() ?? []) general.delete(a);
  return general;
}

/** A duty is general when every reason it binds the roles goes through a general actor. */
export function isGeneral(reasons: readonly Reason[], general: ReadonlySet<string>): boolean {
  return reasons.every((r) => general.has(r.bound));
}

export function buildRegister(catalog: Catalog, actorIds: readonly string[], f: RegisterFilter): Register {
  const date = f.at ?? catalog.meta.asOf;
  const isA = isAOf(catalog);
  const all = actorIds.length ? obligationsForActors(catalog, actorIds, date, { includeNonBinding: f.include === "all" }) : [];
  const generalActors = generalActorsFor(catalog, actorIds);
  const filtered: RegisterDuty[] = [];
  const instruments = new Map<string, number>();
  const themes = new Map<Theme, number>();
  const excluded = excludedBy(catalog, actorIds);
  for (const b of all) {
    if (excluded(b.obligation.notFor)) continue;
    const general = isGeneral(b.reasons, generalActors);
    const keyGeneral = general && b.obligation.generalDuty !== undefined;
    if (f.penalty === "yes" && b.tiers.length === 0) continue;
    if (f.penalty === "no" && b.tiers.length > 0) continue;
    if (!general || keyGeneral || f.scope === "all") {
      instruments.set(b.provision.instrumentId, (instruments.get(b.provision.instrumentId) ?? 0) + 1);
      themes.set(b.obligation.theme, (themes.get(b.obligation.theme) ?? 0) + 1);
    }
    if (f.instrument.length && !f.instrument.includes(b.provision.instrumentId)) continue;
    if (f.theme.length && !f.theme.includes(b.obligation.theme)) continue;
    const referred = referredTiers(catalog, b.tiers, date).filter((t) => punishesBearer(t.tier.punishes, b.obligation.actors, isA, actorIds));
    // Written out rather than spread ({ ...b, … }): a third less time on a large register.
    filtered.push({ key: b.key, provision: b.provision, obligation: b.obligation, versionId: b.versionId, number: b.number, reasons: b.reasons, tiers: b.tiers, general, keyGeneral, referred, exposure: exposureOf([...b.tiers, ...referred]) });
  }
  const inFull = (d: RegisterDuty) => f.scope === "all" || !d.general || d.keyGeneral;
  const duties = filtered.filter(inFull);
  const otherGeneral = filtered.filter((d) => !inFull(d));
  if (f.sort === "exposure") {
    const order = new Map(duties.map((d, i) => [d.key, i]));
    duties.sort((a, b) => compareExposure(a.exposure, b.exposure) || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  }
  return {
    actorIds,
    date,
    duties,
    otherGeneral,
    specificCount: filtered.filter((d) => !d.general).length,
    generalCount: filtered.filter((d) => d.general).length,
    keyGeneralCount: filtered.filter((d) => d.keyGeneral).length,
    instrumentCount: new Set(duties.map((d) => d.provision.instrumentId)).size,
    withPenaltyCount: duties.filter((d) => d.tiers.length > 0).length,
    facets: { instruments, themes },
  };
}

/**
 * Whether a duty's condition excludes the role set: its notFor names an actor that one of the
 * roles is (or is a kind of). Foreign NGO Law Art. 16 binds an overseas NGO only where it has no
 * representative office, so a role set with a representative office is not shown it.
 */
export function excludedBy(catalog: Catalog, actorIds: readonly string[]): (notFor: readonly string[] | undefined) => boolean {
  const lineages = actorIds.map((id) => catalog.actorById.get(id)?.lineage);
  return (notFor) => notFor !== undefined && notFor.some((x) => lineages.some((l) => l?.has(x) === true));
}

/**
 * The tiers a breach is punished under by referral: for each tier that refers to another article
 * (refersTo: [personal-information-protection-law/p66]), that article's tiers in force at the
 * date, only those of the paragraph named when the reference names one. One step deep: a
 * referred tier that refers on is listed, not followed.
 */
export function referredTiers(catalog: Catalog, tiers: readonly TierRef[], date: string): TierRef[] {
  const out = new Map<string, TierRef>();
  for (const t of tiers) {
    for (const ref of t.tier.refersTo ?? []) {
      const q = catalog.provisionByKey.get(qualifyRef(t.provision.instrumentId, provisionOfRef(ref)));
      const ins = q && catalog.instrumentById.get(q.instrumentId);
      const v = ins && versionAt(ins, date);
      if (!q || !v || !q.versionIds.includes(v)) continue;
      const para = parseProvisionRef(ref)?.para;
      for (const r of q.data.penalties) {
        if (!appliesIn(r.versions, q, v) || (para !== undefined && r.para !== undefined && r.para !== para)) continue;
        const ref2 = tierRef(q, r, v);
        if (!tiers.some((x) => x.key === ref2.key)) out.set(ref2.key, ref2);
      }
    }
  }
  return [...out.values()];
}

/** Sanctions a general liability article sets: liability in general terms, no fixed penalty. */
const LIABILITY_KINDS: ReadonlySet<SanctionKind> = new Set(["civil-liability", "criminal-liability", "public-security-penalty", "unspecified-liability", "credit-record"]);

/**
 * The general liability articles of an instrument at a date: those that punish any violation of
 * it in general terms ("whoever violates this law and causes harm bears civil liability; a crime
 * is prosecuted"; "violations are entered in the credit record"). The rules mark no such article,
 * so it is recognised by its shape: no tier names a duty or refers elsewhere, every sanction is
 * liability in general terms, and it reaches both organisations and individuals (an article that
 * only disciplines officials, or only punishes individuals for one act, is not one).
 */
export function generalLiability(catalog: Catalog, instrumentId: string, date: string): readonly TierRef[] {
  const ins = catalog.instrumentById.get(instrumentId);
  const v = ins && versionAt(ins, date);
  if (!ins || !v) return [];
  // Asked for by every duty card without a penalty of its own: worked out once per text.
  let known = generalByCatalog.get(catalog);
  if (!known) generalByCatalog.set(catalog, (known = new Map()));
  const key = `${ins.id}/${v}`;
  let found = known.get(key);
  if (!found) known.set(key, (found = Object.freeze(generalLiabilityIn(ins, v))));
  return found;
}

const generalByCatalog = new WeakMap<Catalog, Map<string, readonly TierRef[]>>();

function generalLiabilityIn(ins: InstrumentEntry, v: string): TierRef[] {
  const out: TierRef[] = [];
  for (const p of ins.provisions as ProvisionEntry[]) {
    if (!p.versionIds.includes(v)) continue;
    const tiers = p.data.penalties.filter((t) => appliesIn(t.versions, p, v));
    if (tiers.length === 0) continue;
    const sanctions = tiers.flatMap((t) => sanctionsOf(t));
    const general =
      tiers.every((t) => !t.enforces?.length && !t.refersTo?.length) &&
      sanctions.every((s) => LIABILITY_KINDS.has(s.kind)) &&
      sanctions.some((s) => s.bearer === "entity") &&
      sanctions.some((s) => s.bearer === "individual");
    if (general) out.push(...tiers.map((t) => tierRef(p, t, v)));
  }
  return out;
}
