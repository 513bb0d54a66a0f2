// One register request: the query string of /profile, its exports and /api/v1/register →
// the role set (picked actors plus the roles the questionnaire answers bring), the answers, and
// the filters. An unknown actor or answer is a 400 naming the parameter and its allowed values.
import { z } from "zod";
import { QUERY_LIMITS } from "../config.js";
import { BadQueryError } from "../errors.js";
import type { Catalog } from "../domain/catalog.js";
import { answerParams, deriveRoles, hasAnswers, pickAnswers, type Answers, type DerivedRoles } from "./questionnaire.js";
import { MemoCarry } from "./memo-carry.js";
import { DateParam, listOf, parseQuery, single } from "./query-params.js";
import { registerFilterParams, type RegisterFilter } from "./register.js";

export const GROUP_BY = ["instrument", "theme"] as const;

export interface RegisterRequest {
  actor: string[]; // the actor parameter as given
  answers: Answers;
  derived?: DerivedRoles; // when any question was answered
  actorIds: string[]; // the role set: picked actors, then the roles the answers bring
  filter: RegisterFilter;
  group: (typeof GROUP_BY)[number];
  memo: string[]; // the memo carried without JavaScript (?memo=…), unresolved; pages only
}

/** The query schemas: /profile (roles and answers), /actors/<id> (one fixed role), the API (roles). */
export function registerSchemas(catalog: Catalog): RegisterSchemas {
  const cached = SCHEMAS.get(catalog);
  if (cached) return cached;
  const schemas = makeSchemas(catalog);
  SCHEMAS.set(catalog, schemas);
  return schemas;
}

type RegisterSchemas = ReturnType<typeof makeSchemas>;
const SCHEMAS = new WeakMap<Catalog, RegisterSchemas>();

function makeSchemas(catalog: Catalog) {
  const actorIds = catalog.actors.map((a) => a.id) as [string, ...string[]];
  const filters = { ...registerFilterParams(catalog), group: single(z.enum(GROUP_BY).default("instrument").describe("contents by instrument (default) or by theme")) };
  const actor = listOf(z.enum(actorIds).describe("an actor id, e.g. cii-operator"), QUERY_LIMITS.roles);
  return {
    profile: z.object({ actor, ...answerParams(catalog), ...filters, memo: MemoCarry }),
    single: z.object({ ...filters, memo: MemoCarry }),
    api: z.object({ actor, ...registerFilterParams(catalog) }),
    // /profile/changes: the register's parameters and the two dates compared.
    changes: z.object({ actor, ...answerParams(catalog), ...filters, memo: MemoCarry, from: single(DateParam.optional().describe("the earlier date, YYYY-MM-DD")), to: single(DateParam.optional().describe("the later date, YYYY-MM-DD; default: the data's as-of date")) }),
  };
}

export function parseRegisterRequest(catalog: Catalog, raw: unknown, fixedActor?: string): RegisterRequest {
  const schemas = registerSchemas(catalog);
  const q = parseQuery(fixedActor ? schemas.single : schemas.profile, raw) as Record<string, unknown> & RegisterFilter & { group: RegisterRequest["group"]; actor?: string[]; memo?: string[] };
  const actor = fixedActor ? [] : (q.actor ?? []);
  const answers = fixedActor ? {} : pickAnswers(catalog, q);
  const derived = hasAnswers(answers) ? deriveRoles(catalog, answers) : undefined;
  const actorIds = fixedActor ? [fixedActor] : [...new Set([...actor, ...(derived?.roles.map((r) => r.actor) ?? [])])];
  checkRoleCount(actorIds.length);
  const filter: RegisterFilter = { scope: q.scope, instrument: q.instrument, theme: q.theme, penalty: q.penalty, at: q.at, include: q.include, sort: q.sort };
  return { actor, answers, derived, actorIds, filter, group: q.group, memo: q.memo ?? [] };
}

/** The register's cost grows with its role set: at most QUERY_LIMITS.roles (src/config.ts says why). */
export function checkRoleCount(count: number): void {
  const max = QUERY_LIMITS.roles;
  if (count > max) throw new BadQueryError("actor", `A register holds at most ${max} roles, counting the actor ids given and the roles the answers bring (${count} given).`);
}

/** /profile/changes: the register request and the two dates (from defaults to a year before to). */
export function parseChangesRequest(catalog: Catalog, raw: unknown): { req: RegisterRequest; from?: string; to?: string } {
  const q = parseQuery(registerSchemas(catalog).changes, raw) as { from?: string; to?: string };
  const rest = Object.fromEntries(Object.entries((raw ?? {}) as Record<string, unknown>).filter(([k]) => k !== "from" && k !== "to"));
  return { req: parseRegisterRequest(catalog, rest), from: q.from, to: q.to };
}
