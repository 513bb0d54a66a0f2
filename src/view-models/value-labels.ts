// The values a query parameter takes, in words: what a 400 page lists as allowed values (an
// actor's name, a sort in words), each with the value to type beside it, and the sorts'
// labels where a page offers them.
import type { Catalog } from "../domain/catalog.js";
import { BEARER_LABELS, SANCTION_LABELS } from "../domain/penalty-arithmetic.js";
import { THEME_LABELS } from "../domain/theme-labels.js";
import { formatDate } from "../domain/version-name.js";
import { KIND_LABELS, SORT_LABELS, STATUS_LABELS } from "./format.js";

// Values whose meaning depends on the parameter that takes them.
const BY_PARAMETER: Record<string, Record<string, string>> = {
  scope: { specific: "Only the duties specific to the roles", all: "Also the general duties" },
  include: { binding: "Only rules in force", all: "Also drafts and rules no longer in force" },
  penalty: { yes: "Only duties a penalty punishes", no: "Only duties without a penalty" },
  drafts: { include: "Include drafts", exclude: "Leave drafts out" },
  group: { instrument: "Grouped by law", theme: "Grouped by theme" },
};

const STATIC: Record<string, Record<string, string>> = {
  kind: KIND_LABELS,
  status: STATUS_LABELS,
  theme: THEME_LABELS,
  bearer: BEARER_LABELS,
  sanction: SANCTION_LABELS,
  sort: Object.fromEntries(Object.entries(SORT_LABELS).map(([k, v]) => [k, v.label])),
  ...BY_PARAMETER,
};

/** A value of a parameter in words: "Critical information infrastructure operator" for actor=cii-operator. */
export function valueLabel(catalog: Catalog, parameter: string, value: string): string {
  switch (parameter) {
    case "actor":
      return catalog.actorById.get(value)?.data.label.en ?? value;
    case "instrument":
      return catalog.instrumentById.get(value)?.data.title.en ?? value;
    case "version":
    case "from":
    case "to":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `Text in force from ${formatDate(value)}` : value;
    default:
      return STATIC[parameter]?.[value] ?? value;
  }
}

/** The allowed values of a parameter as a 400 page lists them: each in words, with its value. */
export function allowedValues(catalog: Catalog, parameter: string, values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: valueLabel(catalog, parameter, value) }));
}
