// What changed for a role set between two dates, as the page /profile/changes and the register's
// Atom feed show it: per law, the duties added, removed and renumbered (each with its stable
// obligation ID), and the penalty figures raised or lowered, in the words of /penalties/changes.
import type { Catalog } from "../domain/catalog.js";
import { permalink } from "../domain/citation.js";
import { BEARER_LABELS } from "../domain/penalty-arithmetic.js";
import { articleLabel, versionName } from "../domain/version-name.js";
import type { FigureChange } from "../query/amendment-changes.js";
import type { DutyChange, RegisterChanges } from "../query/register-changes.js";
import type { Link } from "./register.js";

export interface DutyChangeView {
  key: string;
  article: Link;
  was?: string; // "CSL Art. 21 (2017)" for a renumbered duty
  duty: string;
}

export interface PenaltyChangeView {
  article: Link;
  bearer: string;
  status: FigureChange["status"];
  summary: string; // "max fine ×10 since 2026-01-01", as /penalties/changes says it
  href: string; // /penalties/changes for the law and the two texts
}

export interface LawChangesView {
  title: string;
  texts: string; // "2017 text → 2026 text"
  added: DutyChangeView[];
  removed: DutyChangeView[];
  renumbered: DutyChangeView[];
  penalties: PenaltyChangeView[];
}

export function lawChangesView(catalog: Catalog, c: RegisterChanges): LawChangesView[] {
  return c.laws.map((l) => {
    const ins = l.ins;
    const label = (versionId: string, number: string): Link => ({ label: articleLabel(ins, versionId, number), href: permalink(ins.id, versionId, number) });
    const duty = (d: DutyChange): DutyChangeView => ({
      key: d.key,
      article: label(d.duty.versionId, d.duty.number),
      was: d.fromNumber && d.toNumber && l.fromVersion ? articleLabel(ins, l.fromVersion, d.fromNumber) : undefined,
      duty: d.duty.obligation.duty,
    });
    const texts = l.fromVersion && l.toVersion && l.fromVersion !== l.toVersion ? `${versionName(ins, l.fromVersion)} → ${versionName(ins, l.toVersion)}` : l.toVersion ? versionName(ins, l.toVersion) : "";
    return {
      title: ins.data.title.en,
      texts,
      added: l.added.map(duty),
      removed: l.removed.map(duty),
      renumbered: l.renumbered.map(duty),
      penalties: l.penalties.map((p) => {
        const v = p.to.number ? p.to.versionId : p.from.versionId;
        const n = (p.to.number ?? p.from.number) as string;
        return { article: label(v, n), bearer: BEARER_LABELS[p.bearer], status: p.status, summary: p.summary, href: `/penalties/changes?instrument=${ins.id}&from=${p.from.versionId}&to=${p.to.versionId}` };
      }),
    };
  });
}

/** One line of counts: "2 duties added, 1 renumbered; max fine ×10 since 2026-01-01 (CSL Art. 69 (2026), entity)". */
export function changeSummary(l: LawChangesView): string {
  const parts: string[] = [];
  const n = (k: number, what: string) => (k ? `${k} dut${k === 1 ? "y" : "ies"} ${what}` : "");
  const duties = [n(l.added.length, "added"), n(l.removed.length, "removed"), n(l.renumbered.length, "renumbered")].filter(Boolean).join(", ");
  if (duties) parts.push(duties);
  if (l.penalties.length) parts.push(l.penalties.map((p) => `${p.summary} (${p.article.label}, ${p.bearer.toLowerCase()})`).join("; "));
  return parts.join("; ");
}
