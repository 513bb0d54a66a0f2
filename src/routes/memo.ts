// The compliance memo: /memo and its exports (.md, .html for Word, .csv, .json). Everything is
// in the URL (items, actor, title, data version), so a memo link is the memo.
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { z } from "zod";
import { BadQueryError } from "../errors.js";
import { buildMemo, type MemoDocument } from "../memo/memo-document.js";
import { memoCsvRows, memoLead, memoMarkdown } from "../memo/memo-export.js";
import { MAX_MEMO_ITEMS, resolveAddition, resolveMemoItems, type MemoItem } from "../memo/memo-items.js";
import { listOf, parseQuery, single, Text } from "../query/query-params.js";
import { toCsv } from "../view-models/csv.js";

export interface MemoState {
  items: readonly string[];
  actor?: string;
  title?: string;
  data?: string;
}

/** The canonical memo URL: items as a readable comma list, then the other settings. */
export function memoHref(state: MemoState, path = "/memo"): string {
  const parts: string[] = [];
  if (state.items.length) parts.push(`items=${state.items.map((i) => encodeURIComponent(i).replace(/%2F/g, "/")).join(",")}`);
  if (state.actor) parts.push(`actor=${encodeURIComponent(state.actor)}`);
  if (state.title) parts.push(`title=${encodeURIComponent(state.title)}`);
  if (state.data) parts.push(`data=${encodeURIComponent(state.data)}`);
  return parts.length ? `${path}?${parts.join("&")}` : path;
}

const memoRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const Query = z.object({
    items: listOf(z.string().max(200, "must be at most 200 characters")), // how many: resolveMemoItems
    add: single(Text.optional()),
    actor: single(z.enum(catalog.actors.map((a) => a.id) as [string, ...string[]]).optional()),
    title: single(Text.optional()),
    data: single(z.string().regex(/^[0-9A-Za-z.-]{1,20}$/, "must be a data version such as 2026.11.25").optional()),
  });

  const read = (query: unknown) => {
    const q = parseQuery(Query, query);
    const items = resolveMemoItems(catalog, q.items);
    const state: MemoState = { items: items.map((i) => i.path), actor: q.actor, title: q.title, data: q.data };
    return { q, items, state };
  };
  const memoOf = (items: MemoItem[], state: MemoState): MemoDocument =>
    buildMemo(catalog, items, { title: state.title, actorId: state.actor, madeWith: state.data, origin: app.publicOrigin, url: memoHref(state) });
  const nonEmpty = (items: MemoItem[]) => {
    if (items.length === 0) throw new BadQueryError("items", "The memo is empty: give one or more pinned article paths, e.g. items=cybersecurity-law/2017-06-01/art-37,counterterrorism-law/2018-04-27/art-84.");
  };

  // The exports: one memo, four renderings, each a pure function of the URL.
  const EXPORTS: Record<string, { type: string; render: (memo: MemoDocument, reply: FastifyReply) => unknown }> = {
    md: { type: "text/markdown", render: (memo) => memoMarkdown(memo) },
    html: { type: "text/html", render: (memo, reply) => reply.viewAsync("exports/memo-word", { memo, lead: memoLead(memo) }) },
    csv: { type: "text/csv", render: (memo) => toCsv(memoCsvRows(memo)) },
    json: { type: "application/json", render: (memo) => memo },
  };
  app.get("/memo", async (req, reply) => {
    const { q, items, state } = read(req.query);
    if (q.add !== undefined) {
      // "Add to memo" (a plain form or link): resolve, append, and redirect to the canonical URL.
      const added = resolveAddition(catalog, q.add);
      if ("error" in added) throw new BadQueryError("add", added.error, added.choices);
      const paths = state.items.includes(added.path) ? state.items : [...state.items, added.path];
      if (paths.length > MAX_MEMO_ITEMS) throw new BadQueryError("add", `A memo holds at most ${MAX_MEMO_ITEMS} items.`);
      return reply.redirect(`${memoHref({ ...state, items: paths, data: state.data ?? catalog.meta.dataVersion })}#item-${paths.indexOf(added.path) + 1}`, 303);
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
      memo,
      lead: memoLead(memo),
      state,
      stale: !!state.data && state.data !== catalog.meta.dataVersion,
      controls: state.items.map((_, i) => ({
        up: i > 0 ? move(i, i - 1) : undefined,
        down: i < state.items.length - 1 ? move(i, i + 1) : undefined,
        remove: memoHref({ ...state, items: state.items.filter((__, j) => j !== i) }),
      })),
      exports: Object.keys(EXPORTS).map((ext) => ({ ext, href: memoHref(state, `/memo.${ext}`) })),
      actors: catalog.actors.map((a) => ({ id: a.id, label: a.data.label.en, depth: a.depth, selected: a.id === state.actor })),
      itemsValue: state.items.join(","),
    });
  });

  for (const [ext, { type, render }] of Object.entries(EXPORTS)) {
    app.get(`/memo.${ext}`, async (req, reply) => {
      const { items, state } = read(req.query);
      nonEmpty(items);
      reply.type(`${type}; charset=utf-8`).header("content-disposition", `inline; filename="memo.${ext}"`);
      return render(memoOf(items, state), reply);
    });
  }
};

export default memoRoutes;
