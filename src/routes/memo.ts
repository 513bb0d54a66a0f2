// The compliance memo: /memo and its exports (.docx, .md, .html for pasting into Word, .csv,
// .json). Everything is in the URL (items, actor, title, data version), so a memo link is the memo.
import { ApplicableQuery } from "../query/applicable-penalty.js";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { z } from "zod";
import { BadQueryError } from "../errors.js";
import { buildMemo, type MemoDocument } from "../memo/memo-document.js";
import { cleanTitle, downloadDisposition, memoCsvRows, memoLead, memoMarkdown } from "../memo/memo-export.js";
import { MAX_MEMO_ITEMS, resolveAddition, resolveMemoItems, type MemoItem } from "../memo/memo-items.js";
import { listOf, parseQuery, single, Text } from "../query/query-params.js";
import { citationOptions } from "../view-models/citation-options.js";
import { toCsv } from "../view-models/csv.js";
import { officeFile } from "../view-models/office-files.js";

export interface MemoState {
  items: readonly string[];
  actor?: string;
  title?: string;
  data?: string;
  act?: string; // which text's penalty applies to an act of this date (its last day) …
  from?: string; // … that began on this date …
  decided?: string; // … decided on this date
}

/** The canonical memo URL: items as a readable comma list, then the other settings. */
export function memoHref(state: MemoState, path = "/memo"): string {
  const parts: string[] = [];
  if (state.items.length) parts.push(`items=${state.items.map((i) => encodeURIComponent(i).replace(/%2F/g, "/")).join(",")}`);
  if (state.actor) parts.push(`actor=${encodeURIComponent(state.actor)}`);
  if (state.title) parts.push(`title=${encodeURIComponent(state.title)}`);
  if (state.data) parts.push(`data=${encodeURIComponent(state.data)}`);
  for (const k of ["act", "from", "decided"] as const) if (state[k]) parts.push(`${k}=${state[k]}`);
  return parts.length ? `${path}?${parts.join("&")}` : path;
}

/** The memo with one more item, pointing at it: the item's place if it is already there. */
function withItem(state: MemoState, path: string, data: string): string {
  const items = state.items.includes(path) ? state.items : [...state.items, path];
  return `${memoHref({ ...state, items, data: state.data ?? data })}#item-${items.indexOf(path) + 1}`;
}

const EXPORT_NAMES: Record<string, string> = { docx: "Word (.docx)", md: "Markdown", csv: "CSV", html: "HTML to paste", json: "JSON" };

const memoRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const Query = z.object({
    items: listOf(z.string().max(200, "must be at most 200 characters")), // how many: resolveMemoItems
    add: single(Text.optional()),
    actor: single(z.enum(catalog.actors.map((a) => a.id) as [string, ...string[]]).optional()),
    title: single(Text.optional()),
    data: single(z.string().regex(/^[0-9A-Za-z.-]{1,20}$/, "must be a data version such as 2026.11.25").optional()),
    ...ApplicableQuery.shape, // act, from, decided: which text's penalty applies, for every penalty article
  });

  const read = (query: unknown) => {
    const q = parseQuery(Query, query);
    const items = resolveMemoItems(catalog, q.items);
    const state: MemoState = { items: items.map((i) => i.path), actor: q.actor, title: q.title ? cleanTitle(q.title) || undefined : undefined, data: q.data, act: q.act, from: q.act ? q.from : undefined, decided: q.act ? q.decided : undefined };
    return { q, items, state };
  };
  const memoOf = (items: MemoItem[], state: MemoState): MemoDocument =>
    buildMemo(catalog, items, { title: state.title, actorId: state.actor, madeWith: state.data, origin: app.publicOrigin, url: memoHref(state), texts: app.lawTexts, ...(state.act ? { applicable: { act: state.act, from: state.from, decided: state.decided ?? catalog.meta.asOf } } : {}) });
  const nonEmpty = (items: MemoItem[]) => {
    if (items.length === 0) throw new BadQueryError("items", "The memo is empty: give one or more pinned article paths, e.g. items=cybersecurity-law/2017-06-01/art-37,counterterrorism-law/2018-04-27/art-84.");
  };

  // A .docx of 50 articles takes ~0.2 s of CPU to write, in a worker thread
  // (src/view-models/office-files.ts), and the page cache keeps text only: the last few are kept
  // here, by canonical memo URL (the bytes depend on nothing else).
  const docxCache = new Map<string, Buffer>();
  const cachedDocx = async (memo: MemoDocument): Promise<Buffer> => {
    const hit = docxCache.get(memo.url);
    if (hit) return hit;
    const bytes = await officeFile({ kind: "memo.docx", input: memo });
    docxCache.set(memo.url, bytes);
    if (docxCache.size > 64) docxCache.delete(docxCache.keys().next().value as string);
    return bytes;
  };

  // The exports: one memo, five renderings, each a pure function of the URL. Those a lawyer
  // keeps (Word, Markdown, CSV) download under a name made from the memo's title.
  const EXPORTS: Record<string, { type: string; download: boolean; render: (memo: MemoDocument, reply: FastifyReply) => unknown }> = {
    docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", download: true, render: (memo) => cachedDocx(memo) },
    md: { type: "text/markdown; charset=utf-8", download: true, render: (memo) => memoMarkdown(memo) },
    csv: { type: "text/csv; charset=utf-8", download: true, render: (memo) => toCsv(memoCsvRows(memo)) },
    html: { type: "text/html; charset=utf-8", download: false, render: (memo, reply) => reply.viewAsync("exports/memo-word", { memo, lead: memoLead(memo) }) },
    json: { type: "application/json; charset=utf-8", download: false, render: (memo) => memo },
  };
  app.get("/memo", async (req, reply) => {
    const { q, items, state } = read(req.query);
    let addition: { input: string; question: string; options: (ReturnType<typeof citationOptions>[number] & { addHref: string })[] } | undefined;
    if (q.add !== undefined) {
      // "Add to memo" (a plain form or link): resolve, append, and redirect to the canonical URL.
      const added = resolveAddition(catalog, q.add);
      if (!("error" in added)) {
        if (!state.items.includes(added.path) && state.items.length >= MAX_MEMO_ITEMS) throw new BadQueryError("add", `A memo holds at most ${MAX_MEMO_ITEMS} items.`);
        return reply.redirect(withItem(state, added.path, catalog.meta.dataVersion), 303);
      }
      if (!added.targets) throw new BadQueryError("add", added.error);
      // A citation that names different articles in different texts: the memo page asks which,
      // each choice a link that adds it.
      addition = { input: q.add, question: added.error, options: citationOptions(added.targets).map((o) => ({ ...o, addHref: withItem(state, o.path, catalog.meta.dataVersion) })) };
    }
    const memo = memoOf(items, state);
    const move = (from: number, to: number) => {
      const next = [...state.items];
      const [it] = next.splice(from, 1);
      next.splice(to, 0, it as string);
      return memoHref({ ...state, items: next });
    };
    return reply.viewAsync("pages/memo", {
      title: memo.title,
      description: "A compliance memo: pinned articles of Chinese internet and security law, with their duties, sanctions and citations.",
      memo,
      lead: memoLead(memo),
      state,
      addition,
      stale: !!state.data && state.data !== catalog.meta.dataVersion,
      controls: state.items.map((_, i) => ({
        up: i > 0 ? move(i, i - 1) : undefined,
        down: i < state.items.length - 1 ? move(i, i + 1) : undefined,
        remove: memoHref({ ...state, items: state.items.filter((__, j) => j !== i) }),
      })),
      exports: Object.keys(EXPORTS).map((ext) => ({ ext, name: EXPORT_NAMES[ext], href: memoHref(state, `/memo.${ext}`) })),
      actors: catalog.actors.map((a) => ({ id: a.id, label: a.data.label.en, depth: a.depth, selected: a.id === state.actor })),
      itemsValue: state.items.join(","),
      memoCarry: state.items.join(","),
    });
  });

  for (const [ext, { type, download, render }] of Object.entries(EXPORTS)) {
    app.get(`/memo.${ext}`, async (req, reply) => {
      const { items, state } = read(req.query);
      nonEmpty(items);
      const memo = memoOf(items, state);
      reply.type(type).header("content-disposition", downloadDisposition(memo.title, ext, download ? "attachment" : "inline"));
      return render(memo, reply);
    });
  }
};

export default memoRoutes;
