// An instrument as lists and headings print it: names and its kind and status in words.
import type { InstrumentEntry } from "../domain/catalog.js";
import { KIND_LABELS, STATUS_LABELS } from "./format.js";

export function instrumentLabels(ins: InstrumentEntry) {
  return {
    id: ins.id,
    title: ins.data.title,
    short: ins.data.short.en,
    kind: KIND_LABELS[ins.data.kind],
    status: STATUS_LABELS[ins.data.status],
    draft: ins.data.draft,
  };
}
