// "Which text's penalty applies" as the article page prints it: the answer, each reason, the
// articles it rests on, and, where the data cannot decide, the two ladders side by side.
import type { Catalog } from "../domain/catalog.js";
import { OUTCOME_LABELS, type ApplicablePenalty, type Outcome } from "../query/applicable-penalty.js";
import { describeDifference } from "../domain/penalty-severity.js";
import { formatDate } from "../domain/version-name.js";
import { ladderStep, type LadderStep } from "./register.js";

export interface ApplicableView {
  outcome: Outcome;
  headline: string;
  applies?: { label: string; href: string };
  reasons: string[];
  decidedBy: { label: string; href?: string }[];
  comparisons: {
    conduct: string;
    sides: { heading: string; articles: { label: string; href: string }[]; steps: LadderStep[] }[];
    differences: string[];
  }[];
  showLadders: boolean; // side by side, when the answer is not a plain one
}

export function applicableView(catalog: Catalog, a: ApplicablePenalty): ApplicableView {
  return {
    outcome: a.outcome,
    headline: OUTCOME_LABELS[a.outcome],
    applies: a.article ? { label: a.article.label, href: a.article.href } : undefined,
    reasons: a.reasons,
    decidedBy: a.decidedBy,
    comparisons: a.comparisons.map((c) => ({
      conduct: c.conduct,
      sides: [
        { heading: `At the act: the text in force from ${formatDate(c.earlier.version)}`, articles: c.earlier.articles, steps: c.earlier.tiers.map((t) => ladderStep(catalog, t, a.actDate)) },
        { heading: `At the decision: the text in force from ${formatDate(c.later.version)}`, articles: c.later.articles, steps: c.later.tiers.map((t) => ladderStep(catalog, t, a.decisionDate)) },
      ],
      differences: c.differences.map(describeDifference),
    })),
    showLadders: a.outcome === "cannot-tell" && a.comparisons.length > 0,
  };
}
