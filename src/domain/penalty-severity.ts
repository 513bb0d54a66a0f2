// Which of two penalty ladders punishes more heavily: the comparison behind "which text's penalty
// applies" (Administrative Penalty Law Art. 37, Criminal Law Art. 12). It compares step by step
// (first violation, refusal to correct, serious …) and bearer by bearer, every kind of sanction:
// the highest and the lowest fine (fixed amounts, and multiples or shares of each base apart),
// custody, business sanctions, bans, confiscation, criminal and other referrals. A step or a
// sanction that one text has and the other lacks counts too. The answer is "same", "heavier",
// "lighter" or "mixed" (heavier in one respect, lighter in another), with every difference in
// words, so that a reader can check it. It never guesses: the caller refuses to compare texts
// with unread paragraphs or tiers below high confidence before it gets here.
import { BEARER_LABELS, CRIMINAL_KINDS, custodyDays, DAYS_PER_UNIT, LEVEL_NAMES, sanctionsOf, tierLevel, type FlatSanction } from "./penalty-arithmetic.js";
import type { Bearer, PenaltyTier, SanctionKind, TierLevel } from "./rules-schema.js";

export type Severity = "lighter" | "heavier" | "same" | "mixed";

export interface SeverityDifference {
  bearer: Bearer;
  level: TierLevel;
  what: string; // "highest fine", "custody", "the step itself" …
  earlier: string;
  later: string;
  direction: "heavier" | "lighter"; // the later text, compared with the earlier
}

/** Business sanctions, heaviest last. */
const BUSINESS: Partial<Record<SanctionKind, number>> = {
  "order-to-stop": 1,
  "suspension-of-business": 2,
  "closure-of-website": 3,
  "licence-revocation": 4,
  "registration-revocation": 4,
  "ban-of-activity": 5,
};
const BANS: ReadonlySet<SanctionKind> = new Set(["employment-ban", "registration-ban", "entry-ban", "blacklist", "credit-record", "deportation"]);
const CONFISCATION: ReadonlySet<SanctionKind> = new Set(["confiscation", "confiscation-of-property", "sealing"]);
const REFERRALS: ReadonlySet<SanctionKind> = new Set(["criminal-liability", "public-security-penalty", "disciplinary-sanction", "civil-liability", "unspecified-liability"]);

/** One measure of one step for one bearer: a number where larger is heavier, and how to print it. */
interface Measure {
  value: number;
  text: string;
}
type Profile = Map<string, Measure>; // what → measure

/** A sanction the authority must impose (not 可以, not one alternative of several). */
const mandatory = (s: FlatSanction) => !s.optional && s.choice === undefined;

function amountText(n: number, unit: string): string {
  if (n === Infinity) return "no upper limit";
  if (unit === "CNY") return `RMB ${n.toLocaleString("en-GB")}`;
  if (unit === "multiple") return `${n} ×`;
  if (unit === "percent") return `${n}%`;
  return `${n} days`;
}

function profileOf(sanctions: readonly FlatSanction[]): Profile {
  const p: Profile = new Map();
  const raise = (what: string, value: number, text: string) => {
    const had = p.get(what);
    if (!had || value > had.value) p.set(what, { value, text });
  };
  for (const s of sanctions) {
    if (s.kind === "fine" || s.kind === "criminal-fine") {
      const key = s.unit === "CNY" || s.unit === undefined ? "fine" : `fine (${s.unit === "percent" ? "share" : "multiple"} of ${s.base ?? "base"})`;
      const unit = s.unit ?? "CNY";
      const max = s.max ?? (s.min !== undefined ? Infinity : undefined);
      if (max !== undefined) raise(`highest ${key}`, max, amountText(max, unit));
      // The lowest fine the authority must impose: 0 when the fine may be left out or is one alternative.
      const min = mandatory(s) ? (s.min ?? 0) : 0;
      raise(`lowest ${key}`, min, min === 0 ? "none required" : amountText(min, unit));
      continue;
    }
    const custody = custodyDays(s);
    if (custody) {
      const max = custody.max ?? custody.min ?? 0;
      raise("longest custody", max, max === Infinity ? (s.kind === "death-penalty" ? "death" : "life") : `${max} days`);
      raise("shortest custody required", mandatory(s) ? (custody.min ?? 0) : 0, mandatory(s) ? `${custody.min ?? 0} days` : "none required");
      continue;
    }
    const business = BUSINESS[s.kind];
    if (business !== undefined) {
      raise("heaviest business sanction", business, s.kind.replace(/-/g, " "));
      if (mandatory(s)) raise("business sanction required", business, s.kind.replace(/-/g, " "));
      continue;
    }
    if (BANS.has(s.kind)) {
      const years = s.duration !== undefined ? Infinity : s.max !== undefined && s.unit ? (s.max * (DAYS_PER_UNIT[s.unit] ?? 365)) / 365 : 1;
      raise(s.kind.replace(/-/g, " "), years, years === Infinity ? "without limit of time" : `${years} years`);
      continue;
    }
    if (CONFISCATION.has(s.kind)) {
      raise(s.kind.replace(/-/g, " "), mandatory(s) ? 2 : 1, mandatory(s) ? "required" : "possible");
      continue;
    }
    if (REFERRALS.has(s.kind) || CRIMINAL_KINDS.has(s.kind)) {
      raise(s.kind.replace(/-/g, " "), 1, "yes");
      continue;
    }
    // Warnings, orders to correct, criticism, notices …: the lighter measures weigh only where
    // they must be imposed; offered as an alternative, or left to the authority, they add nothing.
    if (mandatory(s)) raise(s.kind.replace(/-/g, " "), 1, "required");
  }
  return p;
}

/**
 * The measures of a step that also reach the steps above it: the conduct of a serious case is
 * conduct of the general case too, so what the general step can bring (its highest fine, its
 * referrals, a possible business sanction) is within reach at the serious step. What a step
 * requires at least ("lowest fine", "required") is its own.
 */
const carriesUp = (what: string) => !what.startsWith("lowest ") && !what.startsWith("shortest ") && what !== "business sanction required";
const STEP_ORDER = ["minor", "first-violation", "refuses-to-correct", "refuses-or-harm", "refuses-or-serious", "harm", "more-serious", "serious", "especially-serious", "repeat"];

/** Profiles by bearer and step: what each step of a ladder can bring each bearer. */
function ladder(tiers: readonly PenaltyTier[]): Map<string, { bearer: Bearer; level: TierLevel; profile: Profile }> {
  const groups = new Map<string, { bearer: Bearer; level: TierLevel; sanctions: FlatSanction[] }>();
  for (const t of tiers) {
    // "In the case described" (other) is the article's general case: the first step, as the
    // first violation is, so that two wordings of one step are compared with each other.
    const level = tierLevel(t) === "other" ? "first-violation" : tierLevel(t);
    for (const s of sanctionsOf(t)) {
      const key = `${s.bearer}/${level}`;
      const g = groups.get(key) ?? { bearer: s.bearer, level, sanctions: [] };
      g.sanctions.push(s);
      groups.set(key, g);
    }
  }
  const steps = new Map([...groups].map(([k, g]) => [k, { bearer: g.bearer, level: g.level, profile: profileOf(g.sanctions) }]));
  const rank = (l: TierLevel) => STEP_ORDER.indexOf(l);
  for (const step of steps.values()) {
    if (rank(step.level) < 0) continue; // crime stands apart
    for (const lower of steps.values()) {
      if (lower.bearer !== step.bearer || rank(lower.level) < 0 || rank(lower.level) >= rank(step.level)) continue;
      for (const [what, m] of lower.profile) {
        const own = step.profile.get(what);
        if (carriesUp(what) && (!own || m.value > own.value)) step.profile.set(what, m);
      }
    }
  }
  return steps;
}

/** The later ladder compared with the earlier one, step by step and bearer by bearer. */
export function compareLadders(earlier: readonly PenaltyTier[], later: readonly PenaltyTier[]): { severity: Severity; differences: SeverityDifference[] } {
  const a = ladder(earlier);
  const b = ladder(later);
  const differences: SeverityDifference[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const { bearer, level } = (x ?? y) as { bearer: Bearer; level: TierLevel };
    if (!x || !y) {
      // A step that one text has and the other lacks: the conduct it covers is punished (or no
      // longer punished) at that step.
      differences.push({ bearer, level, what: "the step itself", earlier: x ? "present" : "absent", later: y ? "present" : "absent", direction: y ? "heavier" : "lighter" });
      continue;
    }
    for (const what of new Set([...x.profile.keys(), ...y.profile.keys()])) {
      const m = x.profile.get(what);
      const n = y.profile.get(what);
      const before = m?.value ?? 0;
      const after = n?.value ?? 0;
      if (before === after) continue;
      differences.push({ bearer, level, what, earlier: m?.text ?? "none", later: n?.text ?? "none", direction: after > before ? "heavier" : "lighter" });
    }
  }
  // A step of the later text that reaches more (or less) conduct than the earlier one's.
  for (const t of later) {
    if (!t.triggerChange) continue;
    for (const bearer of new Set(sanctionsOf(t).map((s) => s.bearer))) {
      differences.push({ bearer, level: tierLevel(t), what: "the conduct the step reaches", earlier: "as before", later: t.triggerChange, direction: t.triggerChange === "widened" ? "heavier" : "lighter" });
    }
  }
  const heavier = differences.some((d) => d.direction === "heavier");
  const lighter = differences.some((d) => d.direction === "lighter");
  return { severity: heavier && lighter ? "mixed" : heavier ? "heavier" : lighter ? "lighter" : "same", differences };
}

/** A difference in words: "for the entity, on a serious case, the highest fine: RMB 1,000,000 → RMB 10,000,000". */
export function describeDifference(d: SeverityDifference): string {
  return `for ${BEARER_LABELS[d.bearer].toLowerCase()}, ${LEVEL_NAMES[d.level]}: ${d.what}, ${d.earlier} → ${d.later} (${d.direction})`;
}
