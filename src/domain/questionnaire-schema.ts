// rules/questionnaire.yaml: the facts a company knows about itself ("we run an instant-messaging
// app", "we have been designated CII") and the actor types each fact makes it. The mapping is
// data, not code: /check and the register read it, the loader validates it like every rules file
// (strict schemas here; actor ids and "defined by" provisions are checked in
// src/data/check-questionnaire.ts).
import { z } from "zod";
import { Slug } from "./rules-schema.js";

/** instrument-id/pNN: the provision that says who this actor is. */
const QualifiedProvisionRef = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*\/p[1-9]\d*(-[1-9]\d*)?(-v\d{4})?$/, "must be instrument-id/pNN, e.g. cybersecurity-law/p31");

/** An actor type an answer makes the company, and the provision that defines that type. */
export const AnswerRole = z.strictObject({
  actor: Slug,
  definedBy: QualifiedProvisionRef.optional(), // required when the answer is uncertain (review: true)
});
export type AnswerRole = z.infer<typeof AnswerRole>;

export const AnswerOption = z.strictObject({
  value: Slug, // the query-string value: ?service=instant-messaging
  label: z.string().min(1), // what the form shows
  fact: z.string().min(1).optional(), // the reason in plain words, "you provide instant messaging"; required when roles are given
  roles: z.array(AnswerRole).default([]),
  // An uncertain answer ("don't know", "not designated yet"): its roles are listed as
  // "needs review" with the provision that defines them, never silently dropped, and are not
  // added to the register unless the user adds them. Default false.
  review: z.boolean().default(false),
});
export type AnswerOption = z.infer<typeof AnswerOption>;

export const Question = z.strictObject({
  id: Slug, // the query parameter
  text: z.string().min(1), // the question as asked
  hint: z.string().min(1).optional(),
  // any: tick every option that is true (checkboxes); one: a single answer (radio buttons).
  choose: z.enum(["any", "one"]),
  options: z.array(AnswerOption).min(1),
  // A follow-up: asked only when an earlier question got one of these answers (one answer that
  // covers several regulated categories: "do you hold a telecommunications licence for it?").
  // Its answers count only together with one of them. Default: asked of everyone.
  followUp: z.strictObject({ question: Slug, answers: z.array(Slug).min(1) }).optional(),
});
export type Question = z.infer<typeof Question>;

export const QuestionGroup = z.strictObject({
  id: Slug,
  title: z.string().min(1),
  questions: z.array(Question).min(1),
});
export type QuestionGroup = z.infer<typeof QuestionGroup>;

export const QuestionnaireFile = z.strictObject({
  // The actors whose duties bind every organisation (or every person) whatever it does: the
  // register lists their duties as "general" and hides them unless scope=all. An actor the user
  // selects explicitly is never general for that user.
  generalActors: z.array(Slug).min(1),
  groups: z.array(QuestionGroup).min(1),
});
export type QuestionnaireFile = z.infer<typeof QuestionnaireFile>;
