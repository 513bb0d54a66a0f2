// The questionnaire's answers → the actor types they make a company, each with its reason in
// plain words. The mapping is rules/questionnaire.yaml (catalog.questionnaire); this module only
// reads it. Uncertain answers ("don't know") never drop a role: it comes back as needs review.
import { z } from "zod";
import type { Catalog } from "../domain/catalog.js";
import type { AnswerOption, Question } from "../domain/questionnaire-schema.js";
import { listOf, single } from "./query-params.js";

/** Question id → the values given (one at most for a "one" question). */
export type Answers = Record<string, string[]>;

export interface RoleReason {
  question: string;
  answer: string; // the option's value
  fact: string; // "you provide instant messaging"
}

export interface DerivedRole {
  actor: string;
  reasons: RoleReason[];
  kindOf: string[]; // the broader actor types it is a kind of, nearest first, general ones left out
  definedBy?: string; // instrument/pNN
}

export interface DerivedRoles {
  roles: DerivedRole[]; // what the answers make the company
  review: DerivedRole[]; // what uncertain answers would make it (never also in roles)
  answered: { question: Question; options: AnswerOption[] }[]; // in questionnaire order
}

export function questions(catalog: Catalog): Question[] {
  return catalog.questionnaire.groups.flatMap((g) => g.questions);
}

/** The query-string fields of the questionnaire: one per question, closed sets of values. */
export function answerParams(catalog: Catalog): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const q of questions(catalog)) {
    const values = q.options.map((o) => o.value) as [string, ...string[]];
    const item = z.enum(values).describe(q.text);
    shape[q.id] = q.choose === "any" ? listOf(item) : single(item.optional());
  }
  return shape;
}

/** The answers present in a parsed query, questionnaire order, empty ones dropped. */
export function pickAnswers(catalog: Catalog, parsed: Record<string, unknown>): Answers {
  const out: Answers = {};
  for (const q of questions(catalog)) {
    const v = parsed[q.id];
    if (typeof v === "string") out[q.id] = [v];
    else if (Array.isArray(v) && v.length > 0) out[q.id] = v as string[];
  }
  return out;
}

export function hasAnswers(answers: Answers): boolean {
  return Object.values(answers).some((v) => v.length > 0);
}

/**
 * The broader types an actor is a kind of, following first parents and stopping at the general
 * actors (company, organisation, anyone …): instant-messaging-provider → [internet-service-provider,
 * network-operator].
 */
export function kindOfChain(catalog: Catalog, actorId: string): string[] {
  const general = new Set(catalog.questionnaire.generalActors);
  const out: string[] = [];
  for (let p = catalog.actorById.get(actorId)?.data.parents[0]; p && !general.has(p) && !out.includes(p); p = catalog.actorById.get(p)?.data.parents[0]) out.push(p);
  return out;
}

export function deriveRoles(catalog: Catalog, answers: Answers): DerivedRoles {
  const certain = new Map<string, DerivedRole>();
  const uncertain = new Map<string, DerivedRole>();
  const answered: DerivedRoles["answered"] = [];
  for (const q of questions(catalog)) {
    const given = answers[q.id] ?? [];
    // A follow-up counts only with the answer it follows up ("a telecoms licence" for cloud).
    if (q.followUp && !q.followUp.answers.some((a) => (answers[q.followUp?.question ?? ""] ?? []).includes(a))) continue;
    const options = q.options.filter((o) => given.includes(o.value));
    if (options.length === 0) continue;
    answered.push({ question: q, options });
    for (const o of options) {
      for (const r of o.roles) {
        const into = o.review ? uncertain : certain;
        const role = into.get(r.actor) ?? { actor: r.actor, reasons: [], kindOf: kindOfChain(catalog, r.actor), definedBy: r.definedBy };
        role.definedBy ??= r.definedBy;
        role.reasons.push({ question: q.id, answer: o.value, fact: o.fact ?? o.label });
        into.set(r.actor, role);
      }
    }
  }
  for (const id of certain.keys()) uncertain.delete(id);
  return { roles: [...certain.values()], review: [...uncertain.values()], answered };
}
