// Labels and formatters the templates use (as it.f): plain functions of plain values.
import type { InstrumentKind, InstrumentStatus } from "../domain/rules-schema.js";
export { formatChineseDate, formatDate } from "../domain/citation.js";
export { BEARER_LABELS, SANCTION_LABELS, describeSanction, formatAmount, formatNumber } from "../domain/penalty-arithmetic.js";

// Theme names are shared with the search index (a lower layer), so they live in the domain.
export { THEME_LABELS } from "../domain/theme-labels.js";

export const KIND_LABELS: Record<InstrumentKind, string> = {
  law: "Law",
  "administrative-regulation": "Administrative regulation",
  "departmental-rule": "Departmental rule",
  "judicial-interpretation": "Judicial interpretation",
  "local-regulation": "Local regulation",
  "normative-document": "Normative document",
  "party-rule": "Party rule",
  "platform-rule": "Platform rule (not law)",
};

export const STATUS_LABELS: Record<InstrumentStatus, string> = {
  "in-force": "In force",
  "not-yet-in-force": "Not yet in force",
  repealed: "Repealed",
  replaced: "Replaced",
  "draft-pending": "Draft (not adopted)",
  "never-adopted": "Draft, never adopted",
  unknown: "Status unknown",
};

/** Every sort a list offers, in words, with what it does (the option's title). */
export const SORT_LABELS: Record<string, { label: string; title: string }> = {
  "max-fine": { label: "Highest fine first", title: "Rows with the highest maximum fine first; open-ended fines (multiples of gains or turnover) at the top" },
  "min-fine": { label: "Highest minimum fine first", title: "Rows whose lowest fine is highest first" },
  "max-custody": { label: "Longest custody first", title: "Rows with the longest detention or prison term first" },
  article: { label: "By law and article", title: "Instrument by instrument, in article order" },
  instrument: { label: "By law", title: "Instrument by instrument" },
  exposure: { label: "Heaviest sanction first", title: "Custody first, then the entity's fine, then business sanctions" },
};

export const CONFIDENCE_LABELS = {
  high: "Checked against the official text",
  medium: "Partly confirmed",
  low: "Unconfirmed",
} as const;

/** "Art. 37" or "Art. 287-2". */
export function art(number: string): string {
  return `Art. ${number}`;
}

/** Builds a query string from the non-empty values, repeating array values. */
export function query(params: Record<string, string | readonly string[] | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === "") continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, String(x));
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** A page's <meta name="description">: one paragraph, at most about 300 characters. */
export function metaDescription(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 300 ? `${t.slice(0, 297).trimEnd()}…` : t;
}
