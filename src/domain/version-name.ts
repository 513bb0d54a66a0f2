// The one way a text (version) of an instrument is named, everywhere: pages, citations, the
// memo and its exports, the API, search, the register, the penalty table and the charts.
//
// A version's id is the date it came into force (for a draft: the date it was published), so
// the name is derived from it: "2017 text" for the text in force from 2017-06-01, "2026 text"
// for the amended one, "2016 draft" for a draft. Two texts of one instrument in force in the
// same year are told apart by the full date: "1 January 2017 text", "4 November 2017 text".
// The amending act belongs in the metadata (dates.amendments), not in the name.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** 2017-06-01 → "1 June 2017". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** What naming needs of an instrument: whether it is a draft, and the ids of its texts. */
export interface NamedInstrument {
  data: { draft: boolean; short: { en: string } };
  versions: readonly { id: string }[];
}

/** "2017", or "4 November 2017" when another text of the instrument starts in the same year. */
export function versionTag(ins: NamedInstrument, versionId: string): string {
  const year = versionId.slice(0, 4);
  const sameYear = ins.versions.filter((v) => v.id.slice(0, 4) === year).length > 1;
  return sameYear ? formatDate(versionId) : year;
}

/** "2017 text", "2016 draft", "4 November 2017 text". */
export function versionName(ins: NamedInstrument, versionId: string): string {
  return `${versionTag(ins, versionId)} ${ins.data.draft ? "draft" : "text"}`;
}

/**
 * "CSL Art. 63 (2026)": an article number with its text wherever the instrument has more than
 * one, since the same number can name different articles in different texts; "MAR Art. 34"
 * for a one-text instrument.
 */
export function articleLabel(ins: NamedInstrument, versionId: string, number: string): string {
  return `${ins.data.short.en} Art. ${number}${ins.versions.length > 1 ? ` (${versionTag(ins, versionId)})` : ""}`;
}
