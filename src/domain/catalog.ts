// The validated, cross-linked catalog every page and API answer is built from. It is built
// once at start-up (src/data/load-rules.ts), frozen, and never changes while the server runs.
import type { QuestionnaireFile } from "./questionnaire-schema.js";
import type { Actor, CatalogMeta, GlossaryTerm, Instrument, Obligation, PenaltyTier, Provision, Version } from "./rules-schema.js";

export interface Catalog {
  meta: CatalogMeta;
  instruments: InstrumentEntry[]; // core laws first, then by title
  actors: ActorEntry[]; // depth-first order of the hierarchy
  glossary: GlossaryTerm[];
  provisions: ProvisionEntry[]; // every provision of every instrument
  instrumentById: ReadonlyMap<string, InstrumentEntry>;
  actorById: ReadonlyMap<string, ActorEntry>;
  provisionByKey: ReadonlyMap<string, ProvisionEntry>; // "cybersecurity-law/p37"
  termById: ReadonlyMap<string, GlossaryTerm>;
  questionnaire: QuestionnaireFile; // rules/questionnaire.yaml; no groups when the folder has none
}

export interface InstrumentEntry {
  id: string;
  data: Instrument;
  versions: Version[]; // ascending by id (= in-force date)
  currentVersion: string; // the version in force at meta.asOf (for drafts, the latest draft)
  provisions: ProvisionEntry[]; // in article order
}

export interface ProvisionEntry {
  key: string; // instrument-id/pNN: the lineage key, stable across versions
  instrumentId: string;
  data: Provision;
  versionIds: string[]; // versions it exists in, ascending
  enforces: string[]; // provision keys this one's penalties enforce
  enforcedBy: string[]; // derived: provision keys whose penalties enforce this one
  refersTo: string[]; // provision keys whose sanctions this one's tiers apply ("punished under PIPL Art. 66")
  referredBy: string[]; // derived: provision keys whose tiers refer here
  related: string[]; // both directions
}

export interface ActorEntry {
  id: string;
  data: Actor;
  children: string[];
  depth: number; // 0 for a root
  /** Every ancestor (and the actor itself) with the chain that links it: [self, parent, …, ancestor]. */
  lineage: ReadonlyMap<string, string[]>;
  descendants: ReadonlySet<string>; // including itself
}

/** An obligation with where it sits: the unit the actor pages list. */
export interface ObligationRef {
  key: string; // instrument-id/pNN#obligation-id
  provision: ProvisionEntry;
  obligation: Obligation;
}

/** A penalty tier with where it sits: the unit the penalties table lists. */
export interface TierRef {
  key: string; // instrument-id/pNN#tier-id
  provision: ProvisionEntry;
  tier: PenaltyTier;
  versionIds: string[]; // versions in which this tier applies
}

export const CORE_INSTRUMENTS = ["cybersecurity-law", "counterterrorism-law", "criminal-law", "foreign-ngo-law"] as const;

/** "p37" in instrument X → "X/p37"; an already qualified "other-law/p84" stays as it is. */
export function qualifyRef(instrumentId: string, ref: string): string {
  return ref.includes("/") ? ref : `${instrumentId}/${ref}`;
}
