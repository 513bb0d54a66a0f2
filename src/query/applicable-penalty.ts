// Which text's penalty applies to an act, given when it was committed and when it is decided.
// Administrative penalties follow Administrative Penalty Law Art. 37 (the rules in force at the
// time of the act, unless the rules in force at the decision punish more lightly or no longer
// treat the conduct as a violation); criminal penalties follow Criminal Law Art. 12 (the law at
// the time of the act, unless the current law does not treat it as a crime or punishes it more
// lightly). "More lightly" is read from the encoded maxima: every bearer's highest fixed fine
// and longest custody, none heavier and at least one lighter.
import { z } from "zod";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { formatDate, permalink } from "../domain/citation.js";
import { CRIMINAL_KINDS } from "../domain/penalty-arithmetic.js";
import { Bearer } from "../domain/rules-schema.js";
import { penaltyRows, type PenaltyRow } from "./penalty-table.js";
import { DateParam, single } from "./query-params.js";
import { versionAt } from "./versions.js";

export type Regime = "administrative" | "criminal";
export type Severity = "lighter" | "heavier" | "same" | "mixed";

export interface ApplicablePenalty {
  regime: Regime;
  actDate: string;
  decisionDate: string;
  actVersion?: string; // the text in force at the act
  decisionVersion?: string; // the text in force at the decision
  applies?: string; // the version whose tiers apply; undefined when none does
  severity?: Severity; // the later text compared with the earlier, where both have the article
  reason: string; // why, in a sentence a reader can check
  rule: { label: string; href?: string }; // the article that decides it
}

/** The articles that decide it, as rules keys where they are encoded. */
const RULES: Record<Regime, { key: string; label: string }> = {
  administrative: { key: "administrative-penalty-law/p37", label: "Administrative Penalty Law Art. 37" },
  criminal: { key: "criminal-law/p12", label: "Criminal Law Art. 12" },
};

export function penaltyRegime(p: ProvisionEntry): Regime {
  if (p.instrumentId === "criminal-law") return "criminal";
  const kinds = p.data.penalties.flatMap((t) => t.sanctions.flatMap((e) => ("oneOf" in e ? e.oneOf : [e]).map((s) => s.kind)));
  return kinds.length > 0 && kinds.every((k) => CRIMINAL_KINDS.has(k)) ? "criminal" : "administrative";
}

/** Does the later text punish more lightly than the earlier, by each bearer's maxima? */
export function compareSeverity(rows: readonly PenaltyRow[], earlier: string, later: string): Severity {
  let lighter = false;
  let heavier = false;
  for (const bearer of Bearer.options) {
    const mine = rows.filter((r) => r.bearer === bearer);
    const max = (v: string, pick: (r: PenaltyRow) => number | undefined) => Math.max(-1, ...mine.filter((r) => r.versionIds.includes(v)).map((r) => pick(r) ?? -1));
    for (const pick of [(r: PenaltyRow) => r.fineMax, (r: PenaltyRow) => r.custodyMaxDays]) {
      const a = max(earlier, pick);
      const b = max(later, pick);
      if (b < a) lighter = true;
      if (b > a) heavier = true;
    }
  }
  if (lighter && heavier) return "mixed";
  return lighter ? "lighter" : heavier ? "heavier" : "same";
}

export function applicablePenalty(catalog: Catalog, ins: InstrumentEntry, p: ProvisionEntry, actDate: string, decisionDate: string): ApplicablePenalty {
  const regime = penaltyRegime(p);
  const ruleProvision = catalog.provisionByKey.get(RULES[regime].key);
  const ruleIns = ruleProvision && catalog.instrumentById.get(ruleProvision.instrumentId);
  const ruleVersion = ruleProvision?.versionIds.at(-1);
  const rule = {
    label: RULES[regime].label,
    href: ruleIns && ruleVersion ? permalink(ruleIns.id, ruleVersion, ruleProvision.data.numbers[ruleVersion] as string) : undefined,
  };
  const base = { regime, actDate, decisionDate, rule };
  if (decisionDate < actDate) return { ...base, reason: "The decision date is before the date of the act: give the act's date first." };
  const actVersion = versionAt(ins, actDate);
  const decisionVersion = versionAt(ins, decisionDate);
  const name = (v: string) => `the text in force from ${formatDate(v)}`;
  const art = (v: string) => `Art. ${p.data.numbers[v]}`;
  if (!actVersion || !p.versionIds.includes(actVersion)) {
    return {
      ...base,
      actVersion,
      decisionVersion,
      reason: `The article was not in ${actVersion ? name(actVersion) : "force"} on ${formatDate(actDate)}, so a penalty it sets does not reach an act committed then.`,
    };
  }
  if (!decisionVersion || decisionVersion === actVersion) {
    return { ...base, actVersion, decisionVersion, applies: actVersion, reason: `The same text was in force at the act and at the decision: ${art(actVersion)} of ${name(actVersion)} applies.` };
  }
  if (!p.versionIds.includes(decisionVersion)) {
    return {
      ...base,
      actVersion,
      decisionVersion,
      applies: actVersion,
      reason: `${name(decisionVersion)} no longer has this article. ${art(actVersion)} of ${name(actVersion)} applies unless the rules in force at the decision punish the conduct more lightly or no longer treat it as ${regime === "criminal" ? "a crime" : "a violation"}; check where the later text moved the conduct.`,
    };
  }
  const rows = penaltyRows(catalog).filter((r) => r.provision.key === p.key);
  const severity = compareSeverity(rows, actVersion, decisionVersion);
  const later = `${art(decisionVersion)} of ${name(decisionVersion)}`;
  const earlier = `${art(actVersion)} of ${name(actVersion)}`;
  if (severity === "lighter") {
    return { ...base, actVersion, decisionVersion, applies: decisionVersion, severity, reason: `${later} punishes more lightly than ${earlier}, which was in force at the act, so the lighter later text applies.` };
  }
  if (severity === "mixed") {
    return { ...base, actVersion, decisionVersion, severity, reason: `${later} is heavier in some respects and lighter in others than ${earlier}: compare the tiers that fit the facts to see which is lighter for this case.` };
  }
  const why = severity === "heavier" ? "punishes more heavily" : "sets the same maximum penalties";
  return { ...base, actVersion, decisionVersion, applies: actVersion, severity, reason: `${later} ${why}, so ${earlier}, in force at the act, applies.` };
}

/** ?act=YYYY-MM-DD&decided=YYYY-MM-DD on a penalty article page and in the API. */
export const ApplicableQuery = z.object({
  act: single(DateParam.optional().describe("the date the act was committed")),
  decided: single(DateParam.optional().describe("the date the penalty is decided (default: the data's as-of date)")),
});

/** Offer the question only where it can have two answers: a penalty article in more than one text. */
export function offersApplicable(ins: InstrumentEntry, p: ProvisionEntry): boolean {
  return p.data.penalties.length > 0 && ins.versions.length > 1;
}
