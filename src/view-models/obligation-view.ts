// An obligation as the actor and profile pages show it: the duty, the reason it applies,
// the pinned article, and the worst sanction for the entity and for managers.
import type { Catalog, TierRef } from "../domain/catalog.js";
import { permalink } from "../domain/citation.js";
import { BEARER_LABELS, describeSanction, formatAmount, isRelativeAmount, MONETARY_KINDS, SANCTION_LABELS, sanctionsOf, worstCase, type FlatSanction } from "../domain/penalty-arithmetic.js";
import type { Bearer } from "../domain/rules-schema.js";
import type { BoundObligation } from "../query/actor-obligations.js";
import { bindingAt } from "../query/versions.js";
import { THEME_LABELS } from "./format.js";
import { articleLabel } from "../domain/version-name.js";

export interface SanctionSummary {
  bearer: string;
  text: string; // "up to RMB 1,000,000; licence revocation"
}

export interface PenaltyLink {
  label: string; // "CSL Art. 59"
  href: string;
}

export interface ObligationView {
  key: string;
  instrumentId: string;
  instrumentShort: string;
  instrumentTitle: string;
  number: string;
  articleLabel: string; // "CSL Art. 23 (2026)": the number with its text (version-name.ts)
  articleHref: string;
  memoItem: string; // the pinned memo item of this duty: instrument/version/art-N/obligation-id
  heading: string;
  duty: string;
  conditions?: string;
  theme: string;
  themeId: string;
  reasons: string[];
  worst: SanctionSummary[];
  penaltyLinks: PenaltyLink[];
  draft: boolean;
  binding: boolean; // false for drafts and rules no longer in force at the date
}

export function actorLabel(catalog: Catalog, id: string): string {
  return catalog.actorById.get(id)?.data.label.en ?? id;
}

/** "Network operator" → "network operator"; "CII operator" stays. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label;
}

function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
}

/** "binds every network operator; a critical information infrastructure operator is one" */
export function explainReason(catalog: Catalog, chain: string[]): string {
  const bound = inSentence(actorLabel(catalog, chain.at(-1) as string));
  const selected = inSentence(actorLabel(catalog, chain[0] as string));
  if (chain.length === 1) return `binds ${withArticle(bound)} directly`;
  const via = chain.slice(1, -1).map((id) => inSentence(actorLabel(catalog, id)));
  return `binds every ${bound}; ${withArticle(selected)} is one${via.length ? ` (through ${via.join(" → ")})` : ""}`;
}

export function summariseWorst(tiers: readonly TierRef[]): SanctionSummary[] {
  const byBearer = new Map<Bearer, FlatSanction[]>();
  for (const t of tiers) for (const s of sanctionsOf(t.tier)) byBearer.set(s.bearer, [...(byBearer.get(s.bearer) ?? []), s]);
  const out: SanctionSummary[] = [];
  for (const bearer of ["entity", "managers", "individual", "official"] as const) {
    const list = byBearer.get(bearer);
    if (!list) continue;
    const w = worstCase(list);
    const parts: string[] = [];
    if (w.maxFineSanction) parts.push(`${SANCTION_LABELS[w.maxFineSanction.kind].toLowerCase()} ${formatAmount(w.maxFineSanction) || "(amount not fixed)"}`);
    if (w.maxCustodySanction) parts.push(describeSanction(w.maxCustodySanction).replace(" (discretionary)", "").toLowerCase());
    const relative = list.find((s) => MONETARY_KINDS.has(s.kind) && isRelativeAmount(s));
    if (relative) parts.push(`fine of ${formatAmount(relative)}`);
    const others = w.other.filter((k) => k !== "fine" && k !== "order-to-correct" && k !== "warning");
    parts.push(...others.map((k) => SANCTION_LABELS[k].toLowerCase()));
    if (parts.length === 0) parts.push(...w.other.map((k) => SANCTION_LABELS[k].toLowerCase()));
    out.push({ bearer: BEARER_LABELS[bearer], text: parts.join("; ") });
  }
  return out;
}

export function penaltyLinks(catalog: Catalog, tiers: readonly TierRef[], date?: string): PenaltyLink[] {
  const seen = new Map<string, PenaltyLink>();
  for (const t of tiers) {
    const ins = catalog.instrumentById.get(t.provision.instrumentId);
    if (!ins) continue;
    const v = (date ? t.versionIds.filter((x) => x <= date).at(-1) : undefined) ?? t.versionIds.at(-1) ?? ins.currentVersion;
    const n = t.provision.data.numbers[v];
    if (!n) continue;
    const href = permalink(ins.id, v, n);
    seen.set(href, { label: articleLabel(ins, v, n), href });
  }
  return [...seen.values()];
}

export function obligationView(catalog: Catalog, b: BoundObligation, date: string): ObligationView {
  const ins = catalog.instrumentById.get(b.provision.instrumentId);
  if (!ins) throw new Error(`obligation-view: no instrument ${b.provision.instrumentId}`);
  return {
    key: b.key,
    instrumentId: ins.id,
    instrumentShort: ins.data.short.en,
    instrumentTitle: ins.data.title.en,
    number: b.number,
    articleLabel: articleLabel(ins, b.versionId, b.number),
    articleHref: permalink(ins.id, b.versionId, b.number),
    memoItem: `${ins.id}/${b.versionId}/art-${b.number}/${b.obligation.id}`,
    heading: b.provision.data.heading.en,
    duty: b.obligation.duty,
    conditions: b.obligation.conditions,
    theme: THEME_LABELS[b.obligation.theme],
    themeId: b.obligation.theme,
    reasons: b.reasons.map((r) => explainReason(catalog, r.chain)),
    worst: summariseWorst(b.tiers),
    penaltyLinks: penaltyLinks(catalog, b.tiers, date),
    draft: ins.data.draft,
    binding: bindingAt(ins, date),
  };
}
