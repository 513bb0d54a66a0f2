// The amendment and change history of the rules, from the dates they record: drafts published,
// laws adopted, amended, brought into force and repealed, and what each new text renumbered.
import type { Catalog, InstrumentEntry } from "../domain/catalog.js";
import { versionName } from "../domain/version-name.js";

export type ChangeKind = "drafted" | "adopted" | "amended" | "in-force" | "repealed";

export interface ChangeEvent {
  id: string; // stable: instrument/kind/date
  instrumentId: string;
  kind: ChangeKind;
  date: string; // YYYY-MM-DD
  title: string;
  summary: string;
  href: string; // the page the event concerns
}

function versionDiff(ins: InstrumentEntry, prev: string, v: string): string {
  let added = 0;
  let removed = 0;
  let renumbered = 0;
  for (const p of ins.provisions) {
    const a = p.data.numbers[prev];
    const b = p.data.numbers[v];
    if (a === undefined && b !== undefined) added++;
    else if (a !== undefined && b === undefined) removed++;
    else if (a !== undefined && a !== b) renumbered++;
  }
  const parts = [added && `${added} new`, removed && `${removed} deleted`, renumbered && `${renumbered} renumbered`].filter(Boolean);
  return parts.length ? ` Of the articles encoded here: ${parts.join(", ")}.` : "";
}

export function instrumentHistory(ins: InstrumentEntry): ChangeEvent[] {
  const d = ins.data;
  const name = d.short.en;
  const base = `/laws/${ins.id}`;
  const events: ChangeEvent[] = [];
  const add = (kind: ChangeKind, date: string | undefined, title: string, summary: string, href = base) => {
    if (!date || events.some((e) => e.kind === kind && e.date === date)) return;
    events.push({ id: `${ins.id}/${kind}/${date}`, instrumentId: ins.id, kind, date, title, summary, href });
  };
  add("drafted", d.dates.drafted, `${name}: draft published for comment`, `The ${d.issuer.en} published the ${d.title.en} for comment.`);
  add("adopted", d.dates.promulgated ?? d.dates.adopted, `${name} ${d.draft ? "drafted" : "adopted"}`, `${d.title.en} (${d.title.zh}), by the ${d.issuer.en}.`);
  for (const a of d.dates.amendments) add("amended", a.adopted, `${name} amended`, `${a.act.en}${a.act.zh ? ` (${a.act.zh})` : ""}.${a.inForce ? ` In force from ${a.inForce}.` : ""}`, a.version ? `${base}/${a.version}` : base);
  ins.versions.forEach((v, i) => {
    const prev = ins.versions[i - 1];
    const what = d.draft ? `${name}: ${versionName(ins, v.id)} published` : `${name}: ${versionName(ins, v.id)} in force`;
    add("in-force", v.id, what, `${v.note ? `${v.note} ` : ""}${prev ? versionDiff(ins, prev.id, v.id).trim() : ""}`.trim() || `The ${versionName(ins, v.id)}.`, `${base}/${v.id}`);
  });
  add("repealed", d.dates.repealed, `${name} repealed`, d.statusNote ?? `The ${d.title.en} was repealed${d.replacedBy ? ` and replaced by ${d.replacedBy}` : ""}.`);
  return events;
}

/** Newest first; ties by instrument then kind, so the order never depends on anything else. */
export function changeHistory(catalog: Catalog, instrumentIds?: ReadonlySet<string>): ChangeEvent[] {
  return catalog.instruments
    .filter((i) => !instrumentIds || instrumentIds.has(i.id))
    .flatMap(instrumentHistory)
    .sort((a, b) => b.date.localeCompare(a.date) || a.instrumentId.localeCompare(b.instrumentId) || a.kind.localeCompare(b.kind));
}

/** The instruments with a duty binding the actor or one of its ancestors. */
export function instrumentsBinding(catalog: Catalog, actorId: string): Set<string> {
  const lineage = catalog.actorById.get(actorId)?.lineage;
  const out = new Set<string>();
  if (!lineage) return out;
  for (const p of catalog.provisions) if (p.data.obligations.some((o) => o.actors.some((a) => lineage.has(a)))) out.add(p.instrumentId);
  return out;
}
