// The facet parameters of every list (/provisions, /penalties, /search and their API twins),
// defined once, so that a page and its API operation accept exactly the same values.
import { z } from "zod";
import type { Catalog } from "../domain/catalog.js";
import { Bearer, InstrumentKind, InstrumentStatus, SanctionKind, Theme } from "../domain/rules-schema.js";
import { listOf } from "./query-params.js";

/** Every version id of every instrument, sorted: the values of a `version` facet. */
export function versionIdsOf(catalog: Catalog): string[] {
  return [...new Set(catalog.instruments.flatMap((i) => i.versions.map((v) => v.id)))].sort();
}

export function facetParams(catalog: Catalog) {
  return {
    instrument: listOf(z.enum(catalog.instruments.map((i) => i.id) as [string, ...string[]])),
    actor: listOf(z.enum(catalog.actors.map((a) => a.id) as [string, ...string[]])),
    theme: listOf(Theme),
    sanction: listOf(SanctionKind),
    bearer: listOf(Bearer),
    version: listOf(z.enum(versionIdsOf(catalog) as [string, ...string[]])),
    status: listOf(InstrumentStatus),
    kind: listOf(InstrumentKind),
  };
}
