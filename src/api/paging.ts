// Pagination of JSON list answers: meta counts and self/first/prev/next/last links that keep
// every other query parameter as it was.
import { pageOr404 } from "../query/query-params.js";

export const PAGE_LIMITS = { perPage: 50, maxPerPage: 200, maxPage: 10_000 } as const;

export interface Paged<T> {
  data: T[];
  meta: { total: number; page: number; perPage: number; pages: number };
  links: { self: string; first: string; last: string; prev?: string; next?: string };
}

/** One page of a list; a page past the end is a 404 linking to the first and last pages. */
export function paginate<T>(all: readonly T[], page: number, perPage: number, url: string): Paged<T> {
  const at = (n: number) => {
    const u = new URL(url);
    u.searchParams.set("page", String(n));
    return u.toString();
  };
  const { pages } = pageOr404(page, all.length, perPage, at);
  const current = page;
  return {
    data: all.slice((current - 1) * perPage, current * perPage),
    meta: { total: all.length, page: current, perPage, pages },
    links: {
      self: at(current),
      first: at(1),
      last: at(pages),
      prev: current > 1 ? at(current - 1) : undefined,
      next: current < pages ? at(current + 1) : undefined,
    },
  };
}
