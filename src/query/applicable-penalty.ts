// Which text's penalty applies to an act, given when it was committed and when it is decided.
// Administrative penalties follow Administrative Penalty Law Art. 37 (the rules in force at the
// time of the act, unless the rules in force at the decision punish more lightly or no longer
// treat the conduct as a violation); criminal penalties follow Criminal Law Art. 12 (the law at
// the time of the act, unless the current law does not treat it as a crime or punishes it more
// lightly).
//
// It follows the conduct, not the number: the earlier text's penalty for an act is the same
// lineage's tiers, or, where the amendment moved the conduct, the articles a later tier names in
// `formerly` (CSL 2026 Art. 71 item (3) ← 2017 Art. 66). Each conduct is compared ladder against
// ladder, step by step and bearer by bearer, every kind of sanction (src/domain/penalty-severity.ts),
// with references followed one step. It answers "cannot tell", and shows both ladders, where a
// text has an unread paragraph, a tier is below high confidence, or one sanction is heavier and
// another lighter. It never infers "lighter" from a gap.
import { z } from "zod";
import { qualifyRef, type Catalog, type InstrumentEntry, type ProvisionEntry, type TierRef } from "../domain/catalog.js";
import { formatDate, permalink } from "../domain/citation.js";
import { confidenceIn } from "../domain/confidence.js";
import { CRIMINAL_KINDS } from "../domain/penalty-arithmetic.js";
import { compareLadders, describeDifference, type Severity, type SeverityDifference } from "../domain/penalty-severity.js";
import { parseProvisionRef, provisionOfRef } from "../domain/pinpoint.js";
import type { PenaltyTier, Sanction, SanctionEntry } from "../domain/rules-schema.js";
import { articleLabel } from "../domain/version-name.js";
import { tierRef } from "./actor-obligations.js";
import { DateParam, single } from "./query-params.js";
import { appliesIn, textHeldAt, versionAt } from "./versions.js";

export type Regime = "administrative" | "criminal";
export type { Severity };

/**
 * act-text: the text in force at the act; decision-text: the lighter text in force at the
 * decision; cannot-tell: the data cannot decide it (the reasons say why); no-penalty: no text of
 * this instrument punished the conduct when it was committed; invalid: the dates do not fit.
 */
export type Outcome = "act-text" | "decision-text" | "cannot-tell" | "no-penalty" | "invalid";

/** Each outcome in words, as the page, the memo and their exports print it. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  "act-text": "The text in force at the act applies",
  "decision-text": "The lighter text in force at the decision applies",
  "cannot-tell": "The data cannot decide it",
  "no-penalty": "No penalty of this law reached the act when it was committed",
  invalid: "The dates do not fit",
};

export interface ArticleLink {
  label: string; // "CSL Art. 66 (2017)"
  href: string;
  key: string; // instrument/pNN
  version: string;
  number: string;
}

/** One conduct followed from the text at the act to the text at the decision. */
export interface ConductComparison {
  conduct: string; // what the comparison is about, in words
  earlier: { version: string; articles: ArticleLink[]; tiers: TierRef[] };
  later: { version: string; articles: ArticleLink[]; tiers: TierRef[] };
  outcome: Outcome;
  severity?: Severity;
  differences: SeverityDifference[];
  reasons: string[];
}

export interface ApplicablePenalty {
  regime: Regime;
  actDate: string; // the act's date, or the last day of a continuing act
  actStart?: string; // a continuing act's first day
  decisionDate: string;
  actVersion?: string; // the text in force at the act
  decisionVersion?: string; // the text in force at the decision
  outcome: Outcome;
  applies?: string; // the version whose tiers apply; undefined when none does or the data cannot tell
  article?: ArticleLink; // the article whose tiers apply
  severity?: Severity; // the later text compared with the earlier, where one comparison decides
  reason: string; // the answer in one paragraph
  reasons: string[]; // each step of it
  rule: { label: string; href?: string }; // the article that decides it
  decidedBy: { label: string; href?: string }[]; // every article the answer rests on
  comparisons: ConductComparison[];
  alsoPunishedBy: ArticleLink[]; // other laws' articles, in force at the act, that the later text names for the conduct
}

/** The articles that decide it, as rules keys where they are encoded. */
const RULES: Record<Regime, { key: string; label: string }> = {
  administrative: { key: "administrative-penalty-law/p37", label: "Administrative Penalty Law Art. 37" },
  criminal: { key: "criminal-law/p12", label: "Criminal Law Art. 12" },
};
const NO_DOUBLE_FINE = { key: "administrative-penalty-law/p29", label: "Administrative Penalty Law Art. 29" };
const CONTINUING = { key: "administrative-penalty-law/p36", label: "Administrative Penalty Law Art. 36" };
const GAINS_CONFISCATED = { key: "administrative-penalty-law/p28", since: "2021-07-15" };

/**
 * A tier without its confiscation of illegal gains. The rules say what a confiscation takes only
 * in its note ("illegal gains"), so only a note that names illegal gains alone counts; the
 * confiscation of unlawful articles or property stays in the comparison.
 */
function withoutGainsConfiscation(t: PenaltyTier): PenaltyTier {
  const gainsOnly = (s: Sanction) => s.kind === "confiscation" && /^"?illegal gains(, where there are any)?"?$/i.test((s.note ?? "").trim());
  const sanctions: SanctionEntry[] = t.sanctions.filter((e) => "oneOf" in e || !gainsOnly(e));
  return sanctions.length === t.sanctions.length ? t : { ...t, sanctions };
}

export function penaltyRegime(p: ProvisionEntry): Regime {
  if (p.instrumentId === "criminal-law") return "criminal";
  const kinds = p.data.penalties.flatMap((t) => t.sanctions.flatMap((e) => ("oneOf" in e ? e.oneOf : [e]).map((s) => s.kind)));
  return kinds.length > 0 && kinds.every((k) => CRIMINAL_KINDS.has(k)) ? "criminal" : "administrative";
}

function ruleLink(catalog: Catalog, r: { key: string; label: string }): { label: string; href?: string } {
  const q = catalog.provisionByKey.get(r.key);
  const v = q?.versionIds.at(-1);
  return { label: r.label, href: q && v ? permalink(q.instrumentId, v, q.data.numbers[v] as string) : undefined };
}

function articleLink(catalog: Catalog, q: ProvisionEntry, v: string): ArticleLink {
  const ins = catalog.instrumentById.get(q.instrumentId) as InstrumentEntry;
  const number = q.data.numbers[v] as string;
  return { label: articleLabel(ins, v, number), href: permalink(ins.id, v, number), key: q.key, version: v, number };
}

/** The tiers of a provision in force in version v, only those of a paragraph when one is named. */
function tiersIn(q: ProvisionEntry, v: string, para?: number): TierRef[] {
  return q.data.penalties.filter((t) => appliesIn(t.versions, q, v) && (para === undefined || t.para === undefined || t.para === para)).map((t) => tierRef(q, t, v));
}

/** The tiers a reference points at, in the text of its instrument in force at `date`. */
function referred(catalog: Catalog, from: TierRef, date: string): TierRef[] {
  const out: TierRef[] = [];
  for (const ref of from.tier.refersTo ?? []) {
    const q = catalog.provisionByKey.get(qualifyRef(from.provision.instrumentId, provisionOfRef(ref)));
    const ins = q && catalog.instrumentById.get(q.instrumentId);
    const v = ins && versionAt(ins, date);
    if (q && v && q.versionIds.includes(v)) out.push(...tiersIn(q, v, parseProvisionRef(ref)?.para));
  }
  return out;
}

/** A trigger's first sentence: up to a full stop that is not one of "Art.", "Arts.", "para.", "No.". */
function firstSentence(text: string): string {
  return text.split(/(?<!\b(?:Art|Arts|para|paras|No|Nos|cf|e\.g|i\.e))\.\s+(?=[A-Z(])/)[0] ?? text;
}

/** "PIPL Art. 66": the article a reference points at, in the text in force at `date`. */
function referredLabel(catalog: Catalog, from: TierRef, ref: string, date: string): string {
  const q = catalog.provisionByKey.get(qualifyRef(from.provision.instrumentId, provisionOfRef(ref)));
  const ins = q && catalog.instrumentById.get(q.instrumentId);
  const v = ins && (versionAt(ins, date) ?? q.versionIds.at(-1));
  return q && v && q.data.numbers[v] ? articleLink(catalog, q, v).label : provisionOfRef(ref);
}

/** Why a ladder cannot be compared: an unread paragraph or a tier below high confidence. */
function unsure(catalog: Catalog, tiers: readonly TierRef[], version: string): string[] {
  const out: string[] = [];
  for (const q of new Set(tiers.map((t) => t.provision))) {
    const v = q.versionIds.includes(version) ? version : (q.versionIds.at(-1) as string);
    const unread = q.data.unread?.[v];
    if (unread?.length) out.push(`${articleLink(catalog, q, v).label} has ${unread.length === 1 ? `paragraph ${unread[0]}` : `paragraphs ${unread.join(", ")}`} not read from an official text`);
  }
  for (const t of tiers) {
    const v = t.versionIds.at(-1) as string;
    const ins = catalog.instrumentById.get(t.provision.instrumentId) as InstrumentEntry;
    const confidence = confidenceIn(ins.versions, v, t.tier.confidence ?? t.provision.data.confidence);
    if (confidence !== "high") out.push(`a tier of ${articleLink(catalog, t.provision, v).label} is of ${confidence} confidence`);
  }
  return [...new Set(out)];
}

/** One conduct: the ladders at the act and at the decision, compared. */
function compareConduct(catalog: Catalog, regime: Regime, conduct: string, earlier: ConductComparison["earlier"], later: ConductComparison["later"], actDate: string, decisionDate: string): ConductComparison {
  const base = { conduct, earlier, later, differences: [] as SeverityDifference[] };
  const e = earlier.articles.map((a) => a.label).join(", ");
  const l = later.articles.map((a) => a.label).join(", ");
  const violation = regime === "criminal" ? "a crime" : "a violation";
  if (earlier.tiers.length === 0) {
    return { ...base, outcome: "no-penalty", reasons: [`No article of the text in force on ${formatDate(actDate)} that the rules record punished this conduct${l ? ` (${l} came into force later)` : ""}: a penalty set later does not reach an earlier act.`] };
  }
  if (later.tiers.length === 0) {
    return {
      ...base,
      outcome: "cannot-tell",
      reasons: [`The text in force on ${formatDate(decisionDate)} no longer has ${e}, and the rules record no article of it that punishes the same conduct. If the conduct is no longer ${violation}, it is not punished; whether another article covers it must be checked in the text.`],
    };
  }
  // A text that leaves the conduct to "the relevant laws" without naming one cannot be weighed:
  // the laws our reading names are shown, never compared as if the article had named them.
  const reading = [...earlier.tiers, ...later.tiers].filter((t) => t.tier.refersToBy === "reading");
  if (reading.length) {
    const names = [...new Set(reading.flatMap((t) => (t.tier.refersTo ?? []).map((r) => referredLabel(catalog, t, r, decisionDate))))].join(", ");
    const where = [...new Set(reading.map((t) => articleLink(catalog, t.provision, t.versionIds.at(-1) as string).label))].join(", ");
    return {
      ...base,
      outcome: "cannot-tell",
      reasons: [
        `${where} names no law for this conduct: it leaves it to the relevant laws and administrative regulations. The laws that punish it today include ${names} (our reading, not a referral the article makes). Whether their penalty is lighter than that of ${e} depends on which of them governs the facts, so the data cannot decide it: compare the ladders below.`,
      ],
    };
  }
  // References are followed one step: a tier punished "under the provisions of" another article
  // brings that article's ladder, in the text in force at the same date.
  const earlierAll = [...earlier.tiers, ...earlier.tiers.flatMap((t) => referred(catalog, t, actDate))];
  const laterAll = [...later.tiers, ...later.tiers.flatMap((t) => referred(catalog, t, decisionDate))];
  const doubts = [...unsure(catalog, earlierAll, earlier.version), ...unsure(catalog, laterAll, later.version)];
  const refersOut = laterAll.filter((t) => t.tier.sanctions.length === 0 && t.tier.refersTo?.length && referred(catalog, t, decisionDate).length === 0);
  if (doubts.length) {
    return { ...base, outcome: "cannot-tell", reasons: [`The ladders cannot be compared with certainty: ${doubts.join("; ")}. Compare the two ladders below against the official texts.`] };
  }
  if (refersOut.length) {
    return { ...base, outcome: "cannot-tell", reasons: [`${l} punishes the conduct under other articles or laws that the rules do not hold, so the two penalties cannot be compared here.`] };
  }
  // Since the Administrative Penalty Law of 2021, illegal gains are confiscated in every case (Art.
  // 28 para. 2): a text that names the confiscation and one that does not punish alike in it.
  const gainsAlwaysConfiscated = regime === "administrative" && catalog.provisionByKey.has(GAINS_CONFISCATED.key) && actDate >= GAINS_CONFISCATED.since;
  const weigh = (tiers: TierRef[]) => tiers.map((t) => (gainsAlwaysConfiscated ? withoutGainsConfiscation(t.tier) : t.tier));
  const { severity, differences } = compareLadders(weigh(earlierAll), weigh(laterAll));
  const list = differences.map(describeDifference);
  if (severity === "lighter") {
    return { ...base, severity, differences, outcome: "decision-text", reasons: [`${l} punishes this conduct more lightly than ${e}: ${list.join("; ")}. The lighter later text applies.`] };
  }
  if (severity === "mixed") {
    return {
      ...base,
      severity,
      differences,
      outcome: "cannot-tell",
      reasons: [`${l} is heavier in some respects and lighter in others than ${e}: ${list.join("; ")}. Which is lighter depends on the facts of the case: compare the steps that fit them.`],
    };
  }
  const why = severity === "heavier" ? `punishes this conduct more heavily (${list.join("; ")})` : "sets the same penalties for this conduct, step by step and bearer by bearer";
  return { ...base, severity, differences, outcome: "act-text", reasons: [`${l} ${why}, so ${e}, in force at the act, applies.`] };
}

/** The comparisons for an act: one per conduct, following `formerly` where the amendment moved it. */
function conductComparisons(catalog: Catalog, regime: Regime, ins: InstrumentEntry, p: ProvisionEntry, actV: string, decV: string, actDate: string, decisionDate: string, onlyItsOwnConduct = false): ConductComparison[] {
  const side = (v: string, tiers: TierRef[]) => ({ version: v, articles: [...new Map(tiers.map((t) => [t.provision.key, articleLink(catalog, t.provision, v)])).values()], tiers });
  const formerlyHits = (t: TierRef, q: ProvisionEntry) => (t.tier.formerly ?? []).some((r) => qualifyRef(ins.id, provisionOfRef(r)) === q.key);
  // Every tier of the decision's text whose conduct the amendment moved.
  const laterMoved = ins.provisions.flatMap((q) => (q.versionIds.includes(decV) ? tiersIn(q, decV) : [])).filter((t) => t.tier.formerly?.length);
  const out: ConductComparison[] = [];
  const inAct = p.versionIds.includes(actV);
  const inDecision = p.versionIds.includes(decV);
  if (inAct) {
    const earlier = tiersIn(p, actV);
    const movedHere = laterMoved.filter((t) => formerlyHits(t, p) && t.provision.key !== p.key);
    const sameLineage = inDecision ? tiersIn(p, decV).filter((t) => !t.tier.formerly?.length) : [];
    if (sameLineage.length || movedHere.length || !inDecision) {
      const later = [...sameLineage, ...movedHere];
      const conduct = `the conduct ${articleLink(catalog, p, actV).label} punishes`;
      out.push(compareConduct(catalog, regime, conduct, side(actV, earlier), side(decV, later), actDate, decisionDate));
    }
  }
  // Tiers of this article (in the decision's text) that took over conduct from other articles:
  // part of the answer when the question is asked from that text.
  if (inDecision && !(onlyItsOwnConduct && inAct)) {
    const own = tiersIn(p, decV).filter((t) => t.tier.formerly?.length);
    const groups = new Map<string, TierRef[]>();
    for (const t of own) groups.set([...(t.tier.formerly ?? [])].sort().join(","), [...(groups.get([...(t.tier.formerly ?? [])].sort().join(",")) ?? []), t]);
    for (const [refs, later] of groups) {
      const earlier = refs.split(",").flatMap((r) => {
        const q = catalog.provisionByKey.get(qualifyRef(ins.id, provisionOfRef(r)));
        return q && q.versionIds.includes(actV) ? tiersIn(q, actV, parseProvisionRef(r)?.para) : [];
      });
      // The conduct in the words of the first sentence of each tier's trigger.
      const conduct = `the conduct of ${articleLink(catalog, p, decV).label}${later[0]?.tier.para ? ` para. ${later[0].tier.para}` : ""} (${later.map((t) => firstSentence(t.tier.trigger).replace(/[.;:]$/, "")).join("; ")})`;
      out.push(compareConduct(catalog, regime, conduct, side(actV, earlier), side(decV, later), actDate, decisionDate));
    }
    if (!inAct && out.length === 0) out.push(compareConduct(catalog, regime, `the conduct ${articleLink(catalog, p, decV).label} punishes`, side(actV, []), side(decV, tiersIn(p, decV)), actDate, decisionDate));
  }
  return out;
}

/** Other laws' articles the later text names for the conduct, which were in force at the act too. */
function otherLawsAtAct(catalog: Catalog, comparisons: readonly ConductComparison[], actDate: string): ArticleLink[] {
  const out = new Map<string, ArticleLink>();
  for (const c of comparisons) {
    for (const t of c.later.tiers) {
      for (const ref of t.tier.refersTo ?? []) {
        const key = qualifyRef(t.provision.instrumentId, provisionOfRef(ref));
        const q = catalog.provisionByKey.get(key);
        const ins = q && catalog.instrumentById.get(q.instrumentId);
        const v = ins && versionAt(ins, actDate);
        if (q && v && q.instrumentId !== t.provision.instrumentId && q.versionIds.includes(v) && q.data.penalties.length) out.set(key, articleLink(catalog, q, v));
      }
    }
  }
  return [...out.values()];
}

/**
 * `askedIn` is the text the question is asked from (the article page's version): asked from the
 * text in force at the act, only the conduct that article punished is followed; asked from a later
 * text, every conduct its article punishes now, wherever the earlier text punished it.
 */
export function applicablePenalty(catalog: Catalog, ins: InstrumentEntry, p: ProvisionEntry, actDate: string, decisionDate: string, actStart?: string, askedIn?: string): ApplicablePenalty {
  const regime = penaltyRegime(p);
  const rule = ruleLink(catalog, RULES[regime]);
  const base = { regime, actDate, ...(actStart !== undefined ? { actStart } : {}), decisionDate, rule, comparisons: [] as ConductComparison[], alsoPunishedBy: [] as ArticleLink[] };
  const answer = (a: Omit<ApplicablePenalty, keyof typeof base | "reason" | "decidedBy"> & { decidedBy?: ApplicablePenalty["decidedBy"] }, extra: Partial<typeof base> = {}): ApplicablePenalty => ({
    ...base,
    ...extra,
    ...a,
    reason: a.reasons.join(" "),
    decidedBy: a.decidedBy ?? [rule],
  });
  if (actStart !== undefined && actStart > actDate) return answer({ outcome: "invalid", reasons: ["The act's first day is after its last day: give the first day, then the last."] });
  if (decisionDate < actDate) return answer({ outcome: "invalid", reasons: ["The decision date is before the date of the act: give the act's date first."] });
  const actVersion = versionAt(ins, actDate);
  const decisionVersion = versionAt(ins, decisionDate);
  if (!actVersion && p.data.insertedFrom !== undefined && actDate < p.data.insertedFrom) {
    return answer({
      decisionVersion,
      outcome: "no-penalty",
      reasons: [
        `The article was inserted by the amendment in force from ${formatDate(p.data.insertedFrom)}; on ${formatDate(actDate)} it did not exist, so ${regime === "criminal" ? "the act was not this crime (Criminal Law Art. 3) and" : ""} its penalty does not reach an act committed then.`,
      ],
    });
  }
  if (!actVersion && textHeldAt(ins, actDate) === "not-held") {
    return answer({
      decisionVersion,
      outcome: "cannot-tell",
      reasons: [`The ${ins.data.short.en} was in force on ${formatDate(actDate)}, but the rules hold its texts only from ${formatDate(ins.versions[0]?.id as string)}: the penalty of the text in force at the act cannot be read here. Compare with the official text of that time.`],
    });
  }
  if (!actVersion || !decisionVersion) {
    return answer({ actVersion, decisionVersion, outcome: "no-penalty", reasons: [`The ${ins.data.short.en} was not in force on ${formatDate(actDate)}: a penalty it sets does not reach an act committed before it.`] });
  }

  // A continuing act that began under an earlier text.
  const startVersion = actStart !== undefined ? versionAt(ins, actStart) : undefined;
  if (actStart !== undefined && startVersion !== undefined && startVersion !== actVersion) {
    const straddle = conductComparisons(catalog, regime, ins, p, startVersion, actVersion, actStart, actDate, askedIn !== undefined && askedIn <= startVersion);
    const same = straddle.length > 0 && straddle.every((c) => c.outcome === "act-text" && c.severity === "same");
    const continuing = ruleLink(catalog, CONTINUING);
    const lead = `The act continued from ${formatDate(actStart)} to ${formatDate(actDate)}, across the amendment in force from ${formatDate(actVersion)}.`;
    if (!same) {
      return answer(
        {
          actVersion,
          decisionVersion,
          outcome: "cannot-tell",
          reasons: [
            lead,
            `${rule.label} looks to the rules in force when the act was committed and does not say which text governs an act that continued across an amendment (${continuing.label} para. 2 counts the limitation period of a continuing act from the day it ended). The two texts punish it differently, so the data cannot decide it: compare both ladders below.`,
          ],
          decidedBy: [rule, continuing],
        },
        { comparisons: straddle },
      );
    }
    // Both texts punish the conduct alike: nothing turns on the question; go on from its last day.
  }

  const comparisons = actVersion === decisionVersion ? [] : conductComparisons(catalog, regime, ins, p, actVersion, decisionVersion, actDate, decisionDate, askedIn !== undefined && askedIn <= actVersion);
  const alsoPunishedBy = otherLawsAtAct(catalog, comparisons, actDate);
  const extra = { comparisons, alsoPunishedBy };
  const decidedBy = [rule];
  const tail: string[] = [];
  if (alsoPunishedBy.length) {
    const doubleFine = ruleLink(catalog, NO_DOUBLE_FINE);
    decidedBy.push(doubleFine);
    tail.push(
      `${alsoPunishedBy.map((a) => a.label).join(", ")}, which the later text names for this conduct, ${alsoPunishedBy.length === 1 ? "was" : "were"} already in force at the time of the act. Under ${doubleFine.label}, one act is not fined twice, and where several provisions fine it, it is fined under the one with the higher fine.`,
    );
  }

  if (actVersion === decisionVersion) {
    if (!p.versionIds.includes(actVersion)) {
      return answer({ actVersion, decisionVersion, outcome: "no-penalty", reasons: [`The article is not in the text in force on ${formatDate(actDate)}.`] });
    }
    const article = articleLink(catalog, p, actVersion);
    return answer({ actVersion, decisionVersion, outcome: "act-text", applies: actVersion, article, reasons: [`The same text was in force at the act and at the decision: ${article.label} applies.`] });
  }
  if (comparisons.length === 0) {
    return answer({ actVersion, decisionVersion, outcome: "no-penalty", reasons: [`Neither this article nor one that took over its conduct was in the text in force on ${formatDate(actDate)}.`] }, extra);
  }
  const outcomes = new Set(comparisons.map((c) => c.outcome));
  const reasons = comparisons.length === 1 ? [...(comparisons[0]?.reasons ?? [])] : comparisons.map((c) => `For ${c.conduct}: ${c.reasons.join(" ")}`);
  if (outcomes.size > 1) {
    return answer({ actVersion, decisionVersion, outcome: "cannot-tell", reasons: [...reasons, "The answer depends on which of these acts was committed.", ...tail], decidedBy }, extra);
  }
  const [outcome] = outcomes as Set<Outcome>;
  const only = comparisons.length === 1 ? comparisons[0] : undefined;
  const applies = outcome === "act-text" ? actVersion : outcome === "decision-text" ? decisionVersion : undefined;
  const side = outcome === "act-text" ? "earlier" : "later";
  const articles = applies ? [...new Map(comparisons.flatMap((c) => c[side].articles).map((a) => [a.key, a])).values()] : [];
  return answer(
    {
      actVersion,
      decisionVersion,
      outcome: outcome as Outcome,
      ...(applies ? { applies } : {}),
      ...(articles.length === 1 ? { article: articles[0] } : {}),
      ...(only?.severity ? { severity: only.severity } : {}),
      reasons: [...reasons, ...tail],
      decidedBy,
    },
    extra,
  );
}

/** ?act=YYYY-MM-DD&decided=YYYY-MM-DD (and from= for a continuing act) on a penalty article page and in the API. */
export const ApplicableQuery = z.object({
  act: single(DateParam.optional().describe("the date the act was committed (for a continuing act, its last day)")),
  from: single(DateParam.optional().describe("for an act that continued over a period: its first day")),
  decided: single(DateParam.optional().describe("the date the penalty is decided (default: the data's as-of date)")),
});

/** Offer the question only where it can have two answers: a penalty article in more than one text. */
export function offersApplicable(ins: InstrumentEntry, p: ProvisionEntry): boolean {
  return p.data.penalties.length > 0 && ins.versions.length > 1;
}
