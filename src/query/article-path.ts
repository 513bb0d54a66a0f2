// Reads a pinned article path, "cybersecurity-law/2017-06-01/art-37" (a permalink without
// /laws/), as the compare and memo pages take it.
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { findByNumber, renamedVersion } from "./versions.js";

export type ArticlePathResult =
  | { instrument: InstrumentEntry; provision: ProvisionEntry; versionId: string; number: string }
  | { error: string };

export function parseArticlePath(catalog: Catalog, path: string): ArticlePathResult {
  const m = /^([a-z0-9-]+)\/(\d{4}-\d{2}-\d{2})\/art-(\d+(?:-\d+)?)$/.exec(path.replace(/^\/?(laws\/)?/, ""));
  if (!m) return { error: `"${path}" is not a pinned article path such as cybersecurity-law/2017-06-01/art-37.` };
  const [, id, pinned, number] = m as unknown as [string, string, string, string];
  const instrument = catalog.instrumentById.get(id);
  if (!instrument) return { error: `There is no instrument "${id}".` };
  const versionId = renamedVersion(instrument, pinned) ?? pinned; // a version's former id still resolves
  if (!instrument.versions.some((v) => v.id === versionId)) return { error: `The ${instrument.data.short.en} has no version "${versionId}" (it has ${instrument.versions.map((v) => v.id).join(", ")}).` };
  const provision = findByNumber(instrument, versionId, number);
  if (!provision) return { error: `Art. ${number} of the ${instrument.data.short.en} (${versionId}) is not encoded.` };
  return { instrument, provision, versionId, number };
}
