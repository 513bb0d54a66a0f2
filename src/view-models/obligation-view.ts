// Obligation wording shared by the pages: who an actor is, why a duty binds it (the chain of
// actor types), and the worst sanction per bearer that /provisions summarises. The register
// (src/view-models/register.ts) shows each penalty as a ladder instead of a worst case.
import type { Catalog, TierRef } from "../domain/catalog.js";
import { BEARER_LABELS, describeSanction, formatAmount, isRelativeAmount, LEVEL_LABELS, MONETARY_KINDS, SANCTION_LABELS, sanctionsOf, tierLevel, worstCase, type FlatSanction } from "../domain/penalty-arithmetic.js";
import type { Bearer } from "../domain/rules-schema.js";

export interface SanctionSummary {
  bearer: string;
  text: string; // "up to RMB 1,000,000; licence revocation"
}

export function actorLabel(catalog: Catalog, id: string): string {
  return catalog.actorById.get(id)?.data.label.en ?? id;
}

/** "Network operator" → "network operator"; "CII operator" stays. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label;
}

function withArticle(label: string): string {
  if (/^(any|every|all) /i.test(label)) return label; // "any person or organisation", not "an any …"
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
}

/**
 * "Binds every network operator; a critical information infrastructure operator is one": a
 * sentence of its own, as the register lists each reason (under "Why it applies").
 */
export function explainReason(catalog: Catalog, chain: string[]): string {
  const bound = inSentence(actorLabel(catalog, chain.at(-1) as string));
  const selected = inSentence(actorLabel(catalog, chain[0] as string));
  if (chain.length === 1) return `Binds ${withArticle(bound)} directly`;
  const via = chain.slice(1, -1).map((id) => inSentence(actorLabel(catalog, id)));
  // "Any person or organisation" already says every: "binds any person or organisation", never "every any …".
  const everyOne = /^(any|every|all) /i.test(bound) ? bound : `every ${bound}`;
  return `Binds ${everyOne}; ${withArticle(selected)} is one${via.length ? ` (through ${via.join(" → ")})` : ""}`;
}

/**
 * The heaviest fine and custody each bearer can face under these tiers, each with the step that
 * brings it ("fine RMB 2,000,000–10,000,000, if especially serious"): no figure without its
 * condition.
 */
export function summariseWorst(tiers: readonly TierRef[]): SanctionSummary[] {
  const byBearer = new Map<Bearer, FlatSanction[]>();
  const stepOf = new Map<FlatSanction, string>();
  for (const t of tiers) {
    const step = LEVEL_LABELS[tierLevel(t.tier)];
    for (const s of sanctionsOf(t.tier)) {
      byBearer.set(s.bearer, [...(byBearer.get(s.bearer) ?? []), s]);
      stepOf.set(s, step.charAt(0).toLowerCase() + step.slice(1));
    }
  }
  const when = (s: FlatSanction) => `, ${stepOf.get(s) ?? ""}`;
  const out: SanctionSummary[] = [];
  for (const bearer of ["entity", "managers", "individual", "official"] as const) {
    const list = byBearer.get(bearer);
    if (!list) continue;
    const w = worstCase(list);
    const parts: string[] = [];
    if (w.maxFineSanction) parts.push(`${SANCTION_LABELS[w.maxFineSanction.kind].toLowerCase()} ${formatAmount(w.maxFineSanction) || "(amount not fixed)"}${when(w.maxFineSanction)}`);
    if (w.maxCustodySanction) parts.push(`${describeSanction(w.maxCustodySanction).replace(" (discretionary)", "").toLowerCase()}${when(w.maxCustodySanction)}`);
    const relative = list.find((s) => MONETARY_KINDS.has(s.kind) && isRelativeAmount(s));
    if (relative) parts.push(`fine of ${formatAmount(relative)}${when(relative)}`);
    const others = w.other.filter((k) => k !== "fine" && k !== "order-to-correct" && k !== "warning");
    parts.push(...others.map((k) => SANCTION_LABELS[k].toLowerCase()));
    if (parts.length === 0) parts.push(...w.other.map((k) => SANCTION_LABELS[k].toLowerCase()));
    out.push({ bearer: BEARER_LABELS[bearer], text: parts.join("; ") });
  }
  return out;
}
