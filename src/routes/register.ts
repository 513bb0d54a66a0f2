// The compliance register: /check (the questionnaire: what is my company?), /profile (the
// register of duties for a role set, with filters, contents and the penalty ladder of each duty)
// and its hand-over formats /profile.csv, /profile.md and /profile.html (Word-ready).
// /actors/<id> shows the same register for one role (src/routes/actors.ts).
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { BadQueryError } from "../errors.js";
import { carriedMemo } from "../memo/memo-items.js";
import { parseQuery } from "../query/query-params.js";
import { answerParams, deriveRoles, hasAnswers, pickAnswers } from "../query/questionnaire.js";
import { buildRegister } from "../query/register.js";
import { parseChangesRequest, parseRegisterRequest, type RegisterRequest } from "../query/register-request.js";
import { penaltyRows } from "../query/penalty-table.js";
import { registerAmendments, registerChanges } from "../query/register-changes.js";
import { atomFeed } from "../view-models/atom.js";
import { changeSummary, lawChangesView } from "../view-models/register-changes.js";
import { toCsv } from "../view-models/csv.js";
import { questionnaireView } from "../view-models/questionnaire-view.js";
import { cardSteps, exportFileName, headerLines, registerCsvRows, registerMarkdown } from "../view-models/register-export.js";
import { registerHref, registerView, type RegisterState, type RegisterView } from "../view-models/register.js";
import { officeFile as writeOffice } from "../view-models/office-files.js";
import { z } from "zod";

const registerRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const origin = app.publicOrigin;
  const CheckQuery = z.object(answerParams(catalog));

  const view = (req: RegisterRequest): RegisterView => {
    const memo = carriedMemo(catalog, req.memo);
    const state: RegisterState = { basePath: "/profile", actor: req.actor, answers: req.answers, filter: req.filter, group: req.group, memo };
    return registerView(catalog, buildRegister(catalog, req.actorIds, req.filter), state, req.derived, origin);
  };

  const questionnairePage = (reply: FastifyReply, answers: Record<string, string[]>, note?: string, memo: readonly string[] = []) => {
    const derived = hasAnswers(answers) ? deriveRoles(catalog, answers) : undefined;
    return reply.viewAsync("pages/check", { title: "What is your company?", questionnaire: questionnaireView(catalog, answers, derived), note, memoCarry: memo.join(",") });
  };

  app.get("/check", async (req, reply) => questionnairePage(reply, pickAnswers(catalog, parseQuery(CheckQuery, req.query))));

  app.get("/profile", async (req, reply) => {
    const r = parseRegisterRequest(catalog, req.query);
    // No role yet: the questions that find the roles, never an empty register.
    if (r.actorIds.length === 0) {
      const memo = carriedMemo(catalog, r.memo);
      return questionnairePage(reply, r.answers, hasAnswers(r.answers) ? "Your answers do not make your company any of the roles the rules name. Check the roles that need review below, or pick roles yourself." : undefined, memo);
    }
    const v = view(r);
    return reply.viewAsync("pages/profile", { title: "Compliance register", v, memoCarry: v.memoCarry, questionnaire: questionnaireView(catalog, r.answers, r.derived), picker: catalog.actors.map((a) => ({ id: a.id, label: a.data.label, depth: a.depth, checked: r.actor.includes(a.id) })) });
  });

  // What changed for these roles between two dates (default: the year before the as-of date).
  const rows = penaltyRows(catalog);
  app.get("/profile/changes", async (req, reply) => {
    const { req: r, from: fromQ, to: toQ } = parseChangesRequest(catalog, req.query);
    if (r.actorIds.length === 0) return noRoles();
    const to = toQ ?? r.filter.at ?? catalog.meta.asOf;
    const from = fromQ ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    if (from >= to) throw new BadQueryError("to", "must be a later date than from", [`a date after ${from}`]);
    const v = view(r);
    const changes = registerChanges(catalog, rows, r.actorIds, r.filter, from, to);
    const own = (path: string) => registerHref(v.state, { memo: undefined, at: undefined }, path);
    return reply.viewAsync("pages/profile-changes", { title: `What changed for these roles: ${from} to ${to}`, v, from, to, laws: lawChangesView(catalog, changes), hidden: v.form.hidden.filter((h) => h.name !== "memo"), registerHref: own("/profile"), feedHref: own("/profile.atom") });
  });

  // A feed per register: each amendment of its laws that changed its duties or their penalties.
  app.get("/profile.atom", async (req, reply) => {
    const r = parseRegisterRequest(catalog, req.query);
    if (r.actorIds.length === 0) return noRoles();
    const v = view(r);
    const own = (path: string, extra: Record<string, string> = {}) => registerHref(v.state, { memo: undefined, ...extra }, path);
    const events = registerAmendments(catalog, rows, r.actorIds, r.filter).map(({ ins, from, to, changes }) => {
      const law = lawChangesView(catalog, { from, to, laws: [changes] })[0];
      return { id: `${own("/profile.atom")}#${ins.id}/${to}`, instrumentId: ins.id, kind: "amended" as const, date: to, title: `${ins.data.short.en}: ${law?.texts ?? to}`, summary: law ? changeSummary(law) : "", href: own("/profile/changes", { from: dayBefore(to), to }) };
    });
    reply.header("cache-control", "public, max-age=300");
    const updated = events[0]?.date ?? catalog.meta.asOf;
    return reply.type("application/atom+xml; charset=utf-8").send(atomFeed(events, { id: own("/profile.atom"), title: `${v.title}: what changed`, alternate: own("/profile"), updated, origin }));
  });

  // Hand-over formats: same parameters, same rows. An empty role set has nothing to hand over.
  const exportOf = (req: { query: unknown }) => {
    const r = parseRegisterRequest(catalog, req.query);
    if (r.actorIds.length === 0) return undefined;
    return view(r);
  };
  const noRoles = (): never => {
    throw new BadQueryError("actor", "A register needs at least one role: give actor=… or answers from /check that bring a role.", catalog.actors.map((a) => a.id));
  };

  // Every export downloads under a name that says the roles and the date.
  const download = (reply: FastifyReply, v: RegisterView, type: string, ext: string) => reply.type(type).header("content-disposition", `attachment; filename="${exportFileName(v, ext)}"`);
  app.get("/profile.csv", async (req, reply) => {
    const v = exportOf(req);
    if (!v) return noRoles();
    download(reply, v, "text/csv; charset=utf-8", "csv");
    return toCsv(registerCsvRows(v));
  });
  app.get("/profile.md", async (req, reply) => {
    const v = exportOf(req);
    if (!v) return noRoles();
    download(reply, v, "text/markdown; charset=utf-8", "md");
    return registerMarkdown(v, origin);
  });
  app.get("/profile.html", async (req, reply) => {
    const v = exportOf(req);
    if (!v) return noRoles();
    download(reply, v, "text/html; charset=utf-8", "html");
    return reply.viewAsync("exports/register-word", { v, origin, header: headerLines(v), steps: cardSteps });
  });
  // The office formats are written in a worker thread (src/view-models/office-files.ts): up to
  // ~0.4 s of CPU for a 50-role register. The last few are kept, by their canonical address (the
  // same register, the same bytes; the rules do not change while the server runs).
  const office = new Map<string, Promise<Buffer>>();
  const officeFile = (key: string, make: () => Promise<Buffer>): Promise<Buffer> => {
    let file = office.get(key);
    if (!file) {
      file = make();
      file.catch(() => office.delete(key));
      office.set(key, file);
      if (office.size > 16) office.delete(office.keys().next().value as string);
    }
    return file;
  };
  app.get("/profile.xlsx", async (req, reply) => {
    const v = exportOf(req);
    if (!v) return noRoles();
    download(reply, v, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    return officeFile(v.exports.xlsx, () => writeOffice({ kind: "register.xlsx", input: v, origin }));
  });
  app.get("/profile.docx", async (req, reply) => {
    const v = exportOf(req);
    if (!v) return noRoles();
    download(reply, v, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    return officeFile(v.exports.docx, () => writeOffice({ kind: "register.docx", input: v, origin }));
  });
};

export default registerRoutes;

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
