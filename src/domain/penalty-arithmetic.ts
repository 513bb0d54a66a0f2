// Sanction amounts: normalised for sorting and comparison, displayed as the law states them.
// Custody is converted to days only to order it; pages print the unit the article uses.
import type { AmountBase, AmountCondition, Authority, Bearer, ManagerGroup, PenaltyTier, Sanction, SanctionEntry, SanctionKind, TierLevel, Unit } from "./rules-schema.js";

/**
 * A sanction as the tables and pages list it: a choice (oneOf) is spread into its
 * alternatives, each marked with the index of the entry it came from, so a reader can print
 * "warning or order to stop" and the arithmetic can take the worst alternative.
 */
export type FlatSanction = Sanction & { choice?: number };

export function flattenSanctions(entries: readonly SanctionEntry[]): FlatSanction[] {
  const out: FlatSanction[] = [];
  entries.forEach((e, i) => {
    if ("oneOf" in e) for (const alt of e.oneOf) out.push({ ...alt, choice: i, ...(e.optional ? { optional: true } : {}) });
    else out.push(e);
  });
  return out;
}

/** Every sanction of a tier, choices spread out (see FlatSanction). */
export function sanctionsOf(tier: Pick<PenaltyTier, "sanctions">): FlatSanction[] {
  return flattenSanctions(tier.sanctions);
}

/** The ladder step of a tier: as written, else crime for a tier of criminal sanctions only. */
export function tierLevel(tier: PenaltyTier): TierLevel {
  if (tier.level) return tier.level;
  const all = sanctionsOf(tier);
  return all.length > 0 && all.every((s) => CRIMINAL_KINDS.has(s.kind)) ? "crime" : "first-violation";
}

/** Ladder steps in plain words, as a card prints them before the tier's own trigger. */
export const LEVEL_LABELS: Record<TierLevel, string> = {
  minor: "If the circumstances are minor",
  "first-violation": "On first violation",
  "refuses-to-correct": "If it refuses to correct",
  "refuses-or-harm": "If it refuses to correct or harm results",
  "refuses-or-serious": "If it refuses to correct or the case is serious",
  harm: "If harm results",
  "more-serious": "If the circumstances are more serious",
  serious: "If serious",
  "especially-serious": "If especially serious",
  repeat: "On a repeat violation",
  crime: "If it is a crime",
  other: "In the case described",
};

/** Ladder steps as nouns, for "one step up from: …". */
export const LEVEL_NAMES: Record<TierLevel, string> = {
  minor: "minor case",
  "first-violation": "first violation",
  "refuses-to-correct": "refusal to correct",
  "refuses-or-harm": "refusal to correct or harm",
  "refuses-or-serious": "refusal to correct or a serious case",
  harm: "harm",
  "more-serious": "more serious circumstances",
  serious: "serious case",
  "especially-serious": "especially serious case",
  repeat: "repeat violation",
  crime: "crime",
  other: "the case above",
};

export const AUTHORITY_LABELS: Record<Authority, string> = {
  "public-security-organ": "public security organ",
  "state-security-organ": "state security organ",
  "competent-department": "competent department",
  "cyberspace-authority": "cyberspace authority",
  "registration-authority": "registration authority",
  "cryptography-authority": "cryptography administration",
  "judicial-administration": "judicial-administrative department",
  "pi-protection-department": "department with personal information protection duties",
  "superior-organ": "superior organ",
  "relevant-authority": "relevant authorities",
  court: "people's court",
  procuratorate: "people's procuratorate",
  other: "authority the article names",
};

export const MANAGER_GROUP_LABELS: Record<ManagerGroup, string> = {
  "persons-in-charge": "the directly responsible person in charge",
  "persons-in-charge-and-others": "the directly responsible persons in charge and other directly responsible personnel",
  "directors-and-senior-managers": "the directly responsible directors and senior managers",
  "directors-senior-managers-and-others": "the directly responsible directors, senior managers and other directly responsible personnel",
  "directly-responsible-persons": "the directly responsible personnel",
};

export const BASE_LABELS: Record<AmountBase, string> = {
  "illegal-gains": "illegal gains",
  "illegal-business-revenue": "illegal business revenue",
  "purchase-amount": "the purchase amount",
  "previous-year-turnover": "the previous year's turnover",
  "transaction-amount": "the transaction amount",
  "severance-standard": "the statutory severance standard",
  "fine-amount": "the fine",
};

/** "if there are no illegal gains", "if illegal gains are under RMB 100,000 or there are none". */
export function describeCondition(c: AmountCondition | undefined): string {
  if (!c) return "";
  const g = c.gains;
  if (g === "none") return "if there are no illegal gains";
  const parts: string[] = [];
  if (g.atLeast !== undefined && g.below !== undefined) parts.push(`illegal gains are RMB ${formatNumber(g.atLeast)} or more but under RMB ${formatNumber(g.below)}`);
  else if (g.atLeast !== undefined) parts.push(`illegal gains are RMB ${formatNumber(g.atLeast)} or more`);
  else if (g.below !== undefined) parts.push(`illegal gains are under RMB ${formatNumber(g.below)}`);
  if (g.orNone) parts.push(parts.length ? "there are none" : "there are no illegal gains");
  return parts.length ? `if ${parts.join(" or ")}` : "";
}

export const DAYS_PER_UNIT: Partial<Record<Unit, number>> = { days: 1, months: 30, years: 365 };

/** Custodial sanctions by severity when their lengths tie (life beats any term). */
const CUSTODY_RANK: Partial<Record<SanctionKind, number>> = {
  "public-surveillance": 1,
  "administrative-detention": 2,
  "criminal-detention": 3,
  "fixed-term-imprisonment": 4,
  "life-imprisonment": 5,
  "death-penalty": 6,
};

export const CUSTODY_KINDS: ReadonlySet<SanctionKind> = new Set(Object.keys(CUSTODY_RANK) as SanctionKind[]);

export const MONETARY_KINDS: ReadonlySet<SanctionKind> = new Set(["fine", "criminal-fine"]);

/** Sanctions only a court imposes on conviction, and the referral to criminal liability. */
export const CRIMINAL_KINDS: ReadonlySet<SanctionKind> = new Set([
  "criminal-fine",
  "criminal-detention",
  "public-surveillance",
  "fixed-term-imprisonment",
  "life-imprisonment",
  "death-penalty",
  "deprivation-of-political-rights",
  "confiscation-of-property",
  "criminal-liability",
]);

/** A multiple or share of a base (× illegal gains, % of turnover): printed and sorted apart from fixed amounts. */
export function isRelativeAmount(s: Pick<Sanction, "unit">): boolean {
  return s.unit === "multiple" || s.unit === "percent";
}

export interface Range {
  min: number | undefined;
  max: number | undefined; // undefined with min set: open upper bound
}

export function isOpenUpper(s: Sanction): boolean {
  return s.min !== undefined && s.max === undefined;
}

/** A custodial sanction's length in days for sorting: life and death sort above any term. */
export function custodyDays(s: Sanction): Range | undefined {
  if (s.kind === "life-imprisonment" || s.kind === "death-penalty") return { min: Infinity, max: Infinity };
  if (!CUSTODY_KINDS.has(s.kind) || !s.unit) return undefined;
  const f = DAYS_PER_UNIT[s.unit];
  if (f === undefined) return undefined;
  return { min: s.min === undefined ? undefined : s.min * f, max: s.max === undefined ? undefined : s.max * f };
}

/** The highest RMB figure a fine can reach: Infinity when uncapped, undefined when not fixed. */
export function maxFine(s: Sanction): number | undefined {
  if (!MONETARY_KINDS.has(s.kind) || s.unit !== "CNY") return undefined;
  if (s.max !== undefined) return s.max;
  return s.min !== undefined ? Infinity : undefined;
}

export function minFine(s: Sanction): number | undefined {
  if (!MONETARY_KINDS.has(s.kind) || s.unit !== "CNY") return undefined;
  return s.min ?? (s.max !== undefined ? 0 : undefined);
}

export function maxCustodyDays(s: Sanction): number | undefined {
  const r = custodyDays(s);
  if (!r) return undefined;
  return r.max ?? (r.min !== undefined ? Infinity : undefined);
}

export function custodyRank(kind: SanctionKind): number {
  return CUSTODY_RANK[kind] ?? 0;
}

const NUMBER = new Intl.NumberFormat("en-GB");

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

function unitLabel(unit: Unit, n: number | undefined): string {
  switch (unit) {
    case "CNY":
      return "RMB";
    case "multiple":
      return "×";
    case "percent":
      return "%";
    default:
      return n === 1 ? unit.slice(0, -1) : unit;
  }
}

/**
 * "RMB 50,000–500,000", "≥ RMB 500,000 (no cap)", "up to 3 years", "1–10 × illegal gains",
 * "up to 5% of the previous year's turnover", "for life".
 */
export function formatAmount(s: Pick<Sanction, "min" | "max" | "unit" | "base" | "duration" | "per">): string {
  const amount = formatTerm(s);
  return amount && s.per === "day" ? `${amount} per day` : amount;
}

function formatTerm(s: Pick<Sanction, "min" | "max" | "unit" | "base" | "duration">): string {
  const { min, max, unit } = s;
  if (s.duration === "lifetime") return "for life";
  if (s.duration === "open-ended") return "with no end date";
  if (!unit || (min === undefined && max === undefined)) return "";
  if (unit === "CNY") {
    if (min !== undefined && max !== undefined) return min === max ? `RMB ${formatNumber(min)}` : `RMB ${formatNumber(min)}–${formatNumber(max)}`;
    if (min !== undefined) return `≥ RMB ${formatNumber(min)} (no cap)`;
    return `up to RMB ${formatNumber(max as number)}`;
  }
  if (unit === "multiple" || unit === "percent") {
    const of = unit === "multiple" ? ` × ${BASE_LABELS[s.base ?? "illegal-gains"]}` : `% of ${BASE_LABELS[s.base ?? "previous-year-turnover"]}`;
    if (min !== undefined && max !== undefined) return min === max ? `${formatNumber(min)}${of}` : `${formatNumber(min)}–${formatNumber(max)}${of}`;
    if (min !== undefined) return `≥ ${formatNumber(min)}${of} (no cap)`;
    return `up to ${formatNumber(max as number)}${of}`;
  }
  // 六个月至三年 is stored as 6–36 months and printed as the law writes it.
  if (unit === "months" && min !== undefined && max !== undefined && min < 12 && max > min && max % 12 === 0) {
    return `${formatNumber(min)} ${unitLabel(unit, min)} to ${formatNumber(max / 12)} ${unitLabel("years", max / 12)}`;
  }
  if (min !== undefined && max !== undefined) return min === max ? `${formatNumber(min)} ${unitLabel(unit, min)}` : `${formatNumber(min)}–${formatNumber(max)} ${unitLabel(unit, max)}`;
  if (min !== undefined) return `${formatNumber(min)} ${unitLabel(unit, min)} or more`;
  return `up to ${formatNumber(max as number)} ${unitLabel(unit, max)}`;
}

export const SANCTION_LABELS: Record<SanctionKind, string> = {
  warning: "Warning",
  "order-to-correct": "Order to correct",
  "order-to-stop": "Order to stop",
  "public-criticism": "Public criticism",
  notice: "Notice of the violation",
  fine: "Fine",
  "late-fine-surcharge": "Surcharge on an unpaid fine",
  "criminal-fine": "Criminal fine",
  confiscation: "Confiscation",
  "confiscation-of-property": "Confiscation of property",
  sealing: "Sealing",
  "document-voiding": "Collection and voiding of documents",
  "ban-of-activity": "Banning",
  "stop-new-business": "Order to stop new business",
  "business-scope-reduction": "Reduction of business types or scope",
  "suspension-of-business": "Suspension of business",
  "termination-of-service": "Termination of the service",

  "practice-suspension": "Suspension from practice",
  "closure-of-website": "Closure of website",
  "licence-revocation": "Licence revocation",
  "qualification-downgrade": "Lowering of qualification grade",
  "registration-revocation": "Revocation of registration",
  "administrative-detention": "Administrative detention",
  "criminal-detention": "Criminal detention",
  "public-surveillance": "Public surveillance",
  "fixed-term-imprisonment": "Fixed-term imprisonment",
  "life-imprisonment": "Life imprisonment",
  "death-penalty": "Death penalty",
  "deprivation-of-political-rights": "Deprivation of political rights",
  deportation: "Deportation",
  "entry-ban": "Entry ban",
  "exit-ban": "Exit ban",
  "asset-freeze": "Asset freeze",
  "credit-record": "Credit record",
  blacklist: "Blacklist",
  "employment-ban": "Employment ban",
  "registration-ban": "Bar on registering again",
  "disciplinary-sanction": "Disciplinary sanction",
  "civil-liability": "Civil liability",
  "criminal-liability": "Criminal liability (referral)",
  "public-security-penalty": "Public-security penalty (referral)",
  "unspecified-liability": "Legal liability (kind not specified)",
};

/**
 * How a tier that sends its conduct elsewhere is introduced: "Punished under PIPL Art. 66" where the
 * article names it; where it names no law (refersToBy: reading), "The laws that punish this conduct
 * today include PIPL Art. 66 (our reading: the article names no law)".
 */
export function referralWords(reading: boolean): { lead: string; tail: string } {
  return reading ? { lead: "The laws that punish this conduct today include", tail: " (our reading: the article names no law)" } : { lead: "Punished under", tail: "" };
}

export const BEARER_LABELS: Record<Bearer, string> = {
  entity: "Entity",
  managers: "Responsible managers and personnel",
  individual: "Individual",
  official: "State functionary",
};

/** How a fine goes with the tier's other sanctions: 并处或者单处 → "with or instead of the other penalties". */
export function combineWords(s: Pick<Sanction, "combine">): string {
  switch (s.combine) {
    case "with-or-alone":
      return "with or instead of the other penalties";
    case "alone":
      return "on its own";
    case "with":
      return "in addition to the other penalties";
    default:
      return "";
  }
}

/** What a sanction is limited to, in words: "only of the app that …", "in all never more than the fine". */
export function describeLimits(s: Pick<Sanction, "object" | "upTo">): string[] {
  return [s.object ? `only of ${s.object.en}` : "", s.upTo ? `in all never more than ${BASE_LABELS[s.upTo]}` : ""].filter(Boolean);
}

/** One sanction in words, with every qualifier the article attaches to it. */
export function describeSanction(s: Sanction, o: { notes?: boolean } = {}): string {
  const amount = formatAmount(s);
  const qualifiers = [
    ...describeLimits(s),
    combineWords(s),
    describeCondition(s.if),
    s.optional ? "discretionary" : "",
    o.notes && s.note ? s.note : "",
  ].filter(Boolean);
  return `${SANCTION_LABELS[s.kind]}${amount ? ` ${amount}` : ""}${qualifiers.length ? ` (${qualifiers.join("; ")})` : ""}`;
}

/** A tier's sanctions for one bearer in words, alternatives joined by "or": "Warning or order to stop; fine RMB 10,000–50,000". */
export function describeSanctions(list: readonly FlatSanction[], o: { notes?: boolean } = {}): string {
  const parts: string[] = [];
  let lastChoice: number | undefined;
  for (const s of list) {
    const text = describeSanction(s, o);
    if (s.choice !== undefined && s.choice === lastChoice) parts[parts.length - 1] += ` or ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    else parts.push(text);
    lastChoice = s.choice;
  }
  return parts.join("; ");
}

/** The worst case a list of sanctions can reach for one bearer. */
export interface WorstCase {
  maxFine: number | undefined; // Infinity: uncapped
  maxFineSanction: Sanction | undefined;
  maxCustodyDays: number | undefined;
  maxCustodySanction: Sanction | undefined;
  other: SanctionKind[]; // non-monetary, non-custodial kinds, in order of appearance
}

export function worstCase(sanctions: Iterable<Sanction>): WorstCase {
  const w: WorstCase = { maxFine: undefined, maxFineSanction: undefined, maxCustodyDays: undefined, maxCustodySanction: undefined, other: [] };
  for (const s of sanctions) {
    const f = maxFine(s);
    if (f !== undefined && (w.maxFine === undefined || f > w.maxFine)) {
      w.maxFine = f;
      w.maxFineSanction = s;
    }
    const c = maxCustodyDays(s);
    if (
      c !== undefined &&
      (w.maxCustodyDays === undefined ||
        c > w.maxCustodyDays ||
        (c === w.maxCustodyDays && w.maxCustodySanction && custodyRank(s.kind) > custodyRank(w.maxCustodySanction.kind)))
    ) {
      w.maxCustodyDays = c;
      w.maxCustodySanction = s;
    }
    if (f === undefined && c === undefined && !w.other.includes(s.kind)) w.other.push(s.kind);
  }
  return w;
}
