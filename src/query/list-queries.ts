// The query-string schemas of the two big lists, /provisions and /penalties. The pages and the
// JSON API parse with the same schemas, so a filter means the same thing in both.
import { z } from "zod";
import type { Catalog } from "../domain/catalog.js";
import { facetParams } from "./facet-params.js";
import { PENALTY_SORTS } from "./penalty-table.js";
import { PROVISION_SORTS } from "./provision-filter.js";
import { DateParam, Page, single } from "./query-params.js";

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export function provisionQuerySchema(catalog: Catalog) {
  return z.object({
    ...facetParams(catalog),
    sort: single(z.enum(PROVISION_SORTS).default("article")),
    page: single(Page.default(1)),
    size: single(z.enum(PAGE_SIZES.map(String) as [string, ...string[]]).transform(Number).default(25)),
  });
}

export function penaltyQuerySchema(catalog: Catalog) {
  const { instrument, actor, bearer, sanction, version } = facetParams(catalog);
  return z.object({
    instrument,
    actor,
    bearer,
    sanction,
    version,
    at: single(DateParam.optional()),
    drafts: single(z.enum(["include", "exclude"]).default("exclude")),
    sort: single(z.enum(PENALTY_SORTS).default("max-fine")),
    page: single(Page.default(1)),
  });
}
