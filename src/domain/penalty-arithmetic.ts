// Sanction amounts: normalised for sorting and comparison, displayed as the law states them.
// Custody is converted to days only to order it; pages print the unit the article uses.
import type { Bearer, Sanction, SanctionKind, Unit } from "./rules-schema.js";

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
      return "× illegal gains";
    default:
      return n === 1 ? unit.slice(0, -1) : unit;
  }
}

/** "RMB 50,000–500,000", "≥ RMB 500,000 (no cap)", "up to 3 years", "1–10 × illegal gains". */
export function formatAmount(s: Pick<Sanction, "min" | "max" | "unit">): string {
  const { min, max, unit } = s;
  if (!unit || (min === undefined && max === undefined)) return "";
  if (unit === "CNY") {
    if (min !== undefined && max !== undefined) return min === max ? `RMB ${formatNumber(min)}` : `RMB ${formatNumber(min)}–${formatNumber(max)}`;
    if (min !== undefined) return `≥ RMB ${formatNumber(min)} (no cap)`;
    return `up to RMB ${formatNumber(max as number)}`;
  }
  if (unit === "multiple") {
    if (min !== undefined && max !== undefined) return `${formatNumber(min)}–${formatNumber(max)} × illegal gains`;
    if (min !== undefined) return `≥ ${formatNumber(min)} × illegal gains (no cap)`;
    return `up to ${formatNumber(max as number)} × illegal gains`;
  }
  if (min !== undefined && max !== undefined) return min === max ? `${formatNumber(min)} ${unitLabel(unit, min)}` : `${formatNumber(min)}–${formatNumber(max)} ${unitLabel(unit, max)}`;
  if (min !== undefined) return `${formatNumber(min)} ${unitLabel(unit, min)} or more`;
  return `up to ${formatNumber(max as number)} ${unitLabel(unit, max)}`;
}

export const SANCTION_LABELS: Record<SanctionKind, string> = {
  warning: "Warning",
  "order-to-correct": "Order to correct",
  "order-to-stop": "Order to stop",
  fine: "Fine",
  "fine-multiple-of-gains": "Fine (multiple of illegal gains)",
  "criminal-fine": "Criminal fine",
  confiscation: "Confiscation",
  "suspension-of-business": "Suspension of business",
  "closure-of-website": "Closure of website",
  "licence-revocation": "Licence revocation",
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
  "asset-freeze": "Asset freeze",
  "credit-record": "Credit record",
  blacklist: "Blacklist",
  "employment-ban": "Employment ban",
  "disciplinary-sanction": "Disciplinary sanction",
  "civil-liability": "Civil liability",
  "criminal-liability": "Criminal liability (referral)",
};

export const BEARER_LABELS: Record<Bearer, string> = {
  entity: "Entity",
  managers: "Responsible managers and personnel",
  individual: "Individual",
  official: "State functionary",
};

export function describeSanction(s: Sanction): string {
  const amount = formatAmount(s);
  return `${SANCTION_LABELS[s.kind]}${amount ? ` ${amount}` : ""}${s.optional ? " (discretionary)" : ""}`;
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
