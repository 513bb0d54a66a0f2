// The questionnaire as a form (every question with its answers, checked as in the URL) and,
// when answers are given, what they make the company: roles with reasons, and the roles that
// need review with the provision that defines them.
import type { Catalog } from "../domain/catalog.js";
import type { Answers, DerivedRoles } from "../query/questionnaire.js";
import { articleLabel } from "../domain/version-name.js";
import { query } from "./format.js";
import { actorLabel } from "./obligation-view.js";
import { roleReason } from "./register.js";

export interface QuestionnaireView {
  groups: {
    id: string;
    title: string;
    questions: { id: string; text: string; hint?: string; choose: "any" | "one"; options: { value: string; label: string; checked: boolean; review: boolean }[] }[];
  }[];
  answered: boolean;
  roles: { id: string; label: string; href: string; reasons: string[] }[];
  review: { id: string; label: string; href: string; reasons: string[]; definedBy?: { label: string; href: string } }[];
  registerHref?: string; // the register for these answers
}

export function questionnaireView(catalog: Catalog, answers: Answers, derived: DerivedRoles | undefined): QuestionnaireView {
  const defined = (ref?: string) => {
    const p = ref ? catalog.provisionByKey.get(ref) : undefined;
    const ins = p && catalog.instrumentById.get(p.instrumentId);
    if (!p || !ins) return undefined;
    const v = p.versionIds.includes(ins.currentVersion) ? ins.currentVersion : (p.versionIds.at(-1) as string);
    return { label: articleLabel(ins, v, p.data.numbers[v] as string), href: `/laws/${ins.id}/${v}/art-${p.data.numbers[v]}` };
  };
  const role = (r: DerivedRoles["roles"][number]) => ({ id: r.actor, label: actorLabel(catalog, r.actor), href: `/actors/${r.actor}`, reasons: r.reasons.map((x) => roleReason(catalog, x.fact, r.actor, r.kindOf)) });
  return {
    groups: catalog.questionnaire.groups.map((g) => ({
      id: g.id,
      title: g.title,
      questions: g.questions.map((q) => ({
        id: q.id,
        text: q.text,
        hint: q.hint,
        choose: q.choose,
        options: q.options.map((o) => ({ value: o.value, label: o.label, checked: (answers[q.id] ?? []).includes(o.value), review: o.review })),
      })),
    })),
    answered: derived !== undefined,
    roles: (derived?.roles ?? []).map(role),
    review: (derived?.review ?? []).map((r) => ({ ...role(r), definedBy: defined(r.definedBy) })),
    registerHref: derived && derived.roles.length ? `/profile${query(answers)}#results` : undefined,
  };
}
