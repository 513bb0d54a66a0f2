// A citation that means different articles in different texts ("CSL 37"): the choices, one per
// text, as the search page and the memo page both offer them.
import { formatDate, permalink } from "../domain/citation.js";
import { articleLabel } from "../domain/version-name.js";
import type { CitationTarget } from "../search/citation-query.js";

export interface CitationOption {
  href: string; // the pinned article
  path: string; // the same, as a memo item: instrument/version/art-n
  label: string; // "CSL Art. 37 (2017)"
  heading: string;
  note?: string; // "now Art. 39, since 1 January 2026"
}

export function citationOptions(targets: readonly CitationTarget[]): CitationOption[] {
  return targets.map(({ instrument: ins, provision, versionId: v, number, now }) => ({
    href: permalink(ins.id, v, number),
    path: `${ins.id}/${v}/art-${number}`,
    label: articleLabel(ins, v, number),
    heading: provision.data.heading.en,
    note: now === undefined ? undefined : now ? `now Art. ${now}, since ${formatDate(ins.currentVersion)}` : "not in the current text",
  }));
}
