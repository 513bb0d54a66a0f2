// Cross-checks of rules/questionnaire.yaml against the rest of the rules: every actor an answer
// names exists, every "defined by" provision exists, ids and values are unique, an uncertain
// answer names the provision that defines each role it lists, and no question takes the name of
// a parameter the register already uses.
import { suggest } from "../domain/closest-match.js";
import type { QuestionnaireFile } from "../domain/questionnaire-schema.js";
import type { RulesProblem } from "./problems.js";
import { problemAt, type YamlFile } from "./yaml-file.js";

/** Query parameters of /profile and /check that a question id must not shadow. */
export const RESERVED_PARAMETERS = ["actor", "scope", "instrument", "theme", "penalty", "at", "include", "sort", "group", "format"] as const;

export function checkQuestionnaire(
  q: QuestionnaireFile,
  file: YamlFile,
  actorIds: ReadonlySet<string>,
  provisionKeys: ReadonlySet<string>,
  unloaded: ReadonlyMap<string, string> = new Map(), // instruments whose file did not load: pointers into them are not checked
): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const at = (path: ReadonlyArray<PropertyKey>, message: string) => problems.push(problemAt(file, path, message));
  const actor = (id: string, path: ReadonlyArray<PropertyKey>) => {
    if (!actorIds.has(id)) at(path, `unknown actor "${id}"${suggest(id, actorIds)}`);
  };
  q.generalActors.forEach((id, i) => actor(id, ["generalActors", i]));
  const groupIds = new Set<string>();
  const questionIds = new Set<string>();
  q.groups.forEach((g, gi) => {
    if (groupIds.has(g.id)) at(["groups", gi, "id"], `duplicate group id "${g.id}"`);
    groupIds.add(g.id);
    g.questions.forEach((question, qi) => {
      const qp = ["groups", gi, "questions", qi] as const;
      if (questionIds.has(question.id)) at([...qp, "id"], `duplicate question id "${question.id}"`);
      questionIds.add(question.id);
      if ((RESERVED_PARAMETERS as readonly string[]).includes(question.id)) at([...qp, "id"], `"${question.id}" is a parameter of the register already; choose another id`);
      if (question.followUp) {
        // A follow-up names an earlier question and answers it has: the form asks in order.
        const parent = q.groups.flatMap((x) => x.questions).find((x) => x.id === question.followUp?.question);
        if (!parent || !questionIds.has(parent.id) || parent === question) at([...qp, "followUp", "question"], `no earlier question "${question.followUp.question}"${suggest(question.followUp.question, questionIds)}`);
        else
          question.followUp.answers.forEach((a, ai) => {
            if (!parent.options.some((o) => o.value === a)) at([...qp, "followUp", "answers", ai], `question "${parent.id}" has no answer "${a}"${suggest(a, parent.options.map((o) => o.value))}`);
          });
      }
      const values = new Set<string>();
      question.options.forEach((o, oi) => {
        const op = [...qp, "options", oi] as const;
        if (values.has(o.value)) at([...op, "value"], `duplicate answer "${o.value}"`);
        values.add(o.value);
        if (o.roles.length > 0 && !o.fact) at([...op, "fact"], "is required when the answer brings roles: it is the reason the user reads");
        if (o.review && o.roles.length === 0) at([...op, "roles"], "an uncertain answer (review: true) must list the roles that would follow");
        o.roles.forEach((r, ri) => {
          actor(r.actor, [...op, "roles", ri, "actor"]);
          if (r.definedBy && !provisionKeys.has(r.definedBy) && !unloaded.has(r.definedBy.split("/")[0] ?? "")) at([...op, "roles", ri, "definedBy"], `no provision "${r.definedBy}"${suggest(r.definedBy, provisionKeys)}`);
          if (o.review && !r.definedBy) at([...op, "roles", ri, "definedBy"], "is required for an uncertain answer: the user must see which provision defines the role");
        });
      });
    });
  });
  return problems;
}
