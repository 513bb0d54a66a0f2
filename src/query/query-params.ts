// Query-string parsing with Zod: every route states its parameters as a schema, and the first
// problem becomes a BadQueryError naming the parameter and, where there is a closed set, the
// allowed values. Repeated parameters (?actor=a&actor=b) and comma lists (?actor=a,b) both work.
import { z } from "zod";
import { QUERY_LIMITS } from "../config.js";
import { BadQueryError, NotFoundError, type Suggestion } from "../errors.js";

const MAX_VALUES = 50; // per list parameter
const MAX_LENGTH = 200; // per value

/** What a query parameter accepts, kept for the OpenAPI document (src/api/openapi.ts). */
export const PARAM_DOCS = new WeakMap<z.ZodType, { list: boolean; item: z.ZodType }>();

/** A parameter that may be given once or several times, or as a comma-separated list. */
export function listOf<T extends z.ZodType>(item: T, max = MAX_VALUES) {
  const schema = z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))],
    )
    .pipe(z.array(item).max(max, `takes at most ${max} values`) as unknown as z.ZodType<z.output<T>[], string[]>);
  PARAM_DOCS.set(schema, { list: true, item });
  return schema;
}

/** A parameter given at most once. */
export function single<T extends z.ZodType>(inner: T) {
  const schema = z
    .union([z.string(), z.array(z.string())])
    .optional()
    .refine((v) => !Array.isArray(v), "must be given only once")
    .transform((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined))
    .pipe(inner as unknown as z.ZodType<z.output<T>, string | undefined>);
  PARAM_DOCS.set(schema, { list: false, item: inner });
  return schema;
}

export const Text = z.string().max(MAX_LENGTH, `must be at most ${MAX_LENGTH} characters`);
/** A search query: its cost grows with its length (each Chinese character pair is looked up). */
export const SearchText = z.string().max(QUERY_LIMITS.searchQuery, `must be at most ${QUERY_LIMITS.searchQuery} characters`);
/**
 * A whole number from 1 to max, written in decimal digits only: JavaScript's Number() also reads
 * 0x10, 0b11, 1e1, +3 and " 3", and each would be one more address for the same page.
 */
export function wholeNumber(max: number) {
  const message = `must be a whole number from 1 to ${max}, written in digits`;
  return z
    .string()
    .regex(/^[1-9][0-9]*$/, message)
    .transform(Number)
    .pipe(z.number().max(max, message));
}
export const Page = wholeNumber(10_000);

/**
 * The page asked for, if the list has it. A page past the end is a 404 that links to the first
 * and last pages (a list of no items still has its page 1).
 */
export function pageOr404(page: number, total: number, perPage: number, href: (page: number) => string): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (page > pages) {
    const links: Suggestion[] = [{ label: "The first page", href: href(1) }];
    if (pages > 1) links.push({ label: `The last page (${pages})`, href: href(pages) });
    throw new NotFoundError(`There is no page ${page}: this list has ${pages} page${pages === 1 ? "" : "s"} (${total} item${total === 1 ? "" : "s"}).`, links);
  }
  return { page, pages };
}
export const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  // Date.parse rolls 2021-02-29 over to 1 March: the date must read back as written.
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "must be a real date written YYYY-MM-DD");

/**
 * Parses a query string with the route's schema. The schema's keys are the parameters the route
 * takes: any other is a 400 that names it and lists them (an ignored parameter would make every
 * `?x=1`, `?x=2` … a page of its own, rendered and cached; see src/routes/README.md).
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const raw = query && typeof query === "object" ? { ...(query as Record<string, unknown>) } : {};
  if (schema instanceof z.ZodObject) {
    const known = Object.keys(schema.shape);
    const unknown = Object.keys(raw).filter((k) => !Object.hasOwn(schema.shape, k));
    if (unknown.length > 0) {
      const shown = unknown.slice(0, 5).map((k) => `"${k.length > 40 ? `${k.slice(0, 40)}…` : k}"`).join(", ");
      const takes = known.length > 0 ? "" : " This address takes no parameters."; // else the page lists them
      throw new BadQueryError(unknown[0] as string, `Unknown parameter${unknown.length > 1 ? "s" : ""} ${shown}${unknown.length > 5 ? " …" : ""}.${takes}`, known, "parameters");
    }
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const parameter = String(issue.path[0] ?? "query");
  const allowed = issue.code === "invalid_value" ? issue.values.map(String) : [];
  const given = issue.path.length > 1 ? valueAt(raw, issue.path) : raw[parameter];
  const shown = typeof given === "string" ? `"${given.length > 60 ? `${given.slice(0, 60)}…` : given}"` : "the value given";
  const message = allowed.length > 0 ? `${shown} is not an allowed value of "${parameter}".` : issue.code === "unrecognized_keys" ? `Unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}.` : `"${parameter}" ${issue.message}.`;
  throw new BadQueryError(issue.code === "unrecognized_keys" ? (issue.keys[0] ?? parameter) : parameter, message, allowed);
}

function valueAt(raw: Record<string, unknown>, path: PropertyKey[]): unknown {
  let cur: unknown = raw[String(path[0])];
  if (typeof cur === "string") cur = cur.split(",").map((s) => s.trim()).filter(Boolean);
  for (const k of path.slice(1)) cur = cur && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  return cur;
}
