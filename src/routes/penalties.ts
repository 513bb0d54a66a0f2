// Penalties across laws: the normalised table (and its CSV), exposure per actor, side-by-side
// comparison of 2 to 6 articles, and server-rendered SVG charts.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { Catalog } from "../domain/catalog.js";
import { BEARER_LABELS, describeSanctions, formatNumber, LEVEL_LABELS, SANCTION_LABELS, sanctionsOf, tierLevel } from "../domain/penalty-arithmetic.js";
import { Bearer, SanctionKind } from "../domain/rules-schema.js";
import { BadQueryError } from "../errors.js";
import { DateParam, listOf, Page, pageOr404, parseQuery, single } from "../query/query-params.js";
import { facetParams } from "../query/facet-params.js";
import { penaltyQuerySchema } from "../query/list-queries.js";
import { exposureFor, filterPenaltyRows, PENALTY_SORTS, penaltyRows, sortPenaltyRows, type PenaltyRow } from "../query/penalty-table.js";
import { parseArticlePath } from "../query/article-path.js";
import * as f from "../view-models/format.js";
import { penaltyCharts } from "../view-models/penalty-charts.js";
import { SORT_LABELS } from "../view-models/format.js";
import { penaltyArticleChoices, suggestedPairs } from "../view-models/compare.js";
import { toCsv } from "../view-models/csv.js";
import { displayVersion } from "../query/versions.js";
import { amendmentChanges, amendmentPairs, changeBadges, instrumentsWithChanges } from "../query/amendment-changes.js";
import { articleLabel, versionName, versionTag } from "../domain/version-name.js";

const PAGE_SIZE = 50;

/** A badge for a row whose facts are below high confidence: in words, with what it means. */
export function confidenceBadge(confidence: string): { label: string; title: string } | undefined {
  if (confidence === "medium") return { label: "Partly confirmed", title: "Medium confidence: not every fact of this row has been read from the official text; check the official text before relying on it" };
  if (confidence === "low") return { label: "Unconfirmed", title: "Low confidence: this row has not been checked against the official text" };
  return undefined;
}

export function rowView(r: PenaltyRow) {
  return {
    id: r.id,
    instrument: r.instrumentShort,
    instrumentId: r.instrumentId,
    articleLabel: `${r.instrumentShort} ${r.numbersLabel}`,
    href: r.href,
    compareId: r.href.replace(/^\/laws\//, ""),
    label: r.label,
    heading: r.provision.data.heading.en,
    versions: r.versionIds,
    trigger: r.trigger,
    level: r.levelLabel,
    bearer: BEARER_LABELS[r.bearer],
    fine: r.fineText,
    relative: r.relativeText,
    custody: r.custodyText,
    other: r.other.join("; "),
    draft: r.draft,
    confidence: r.confidence,
    confidenceBadge: confidenceBadge(r.confidence),
    enforces: r.enforces,
  };
}

const penaltyRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const rows = penaltyRows(catalog);
  const amended = instrumentsWithChanges(catalog, rows);
  const badges = changeBadges(rows, amended);
  const Query = penaltyQuerySchema(catalog);
  const enforceLabel = (key: string) => {
    const p = catalog.provisionByKey.get(key);
    const ins = p && catalog.instrumentById.get(p.instrumentId);
    if (!p || !ins) return { label: key, href: "#" };
    const v = displayVersion(ins, p);
    return { label: articleLabel(ins, v, p.data.numbers[v] as string), href: `/laws/${ins.id}/${v}/art-${p.data.numbers[v]}` };
  };

  const CsvQuery = Query.omit({ page: true }); // the CSV is every row: it has no pages
  const select = (query: unknown, schema: typeof Query | typeof CsvQuery = Query) => {
    const q = { page: 1, ...parseQuery(schema, query) };
    const filtered = sortPenaltyRows(catalog, filterPenaltyRows(catalog, rows, { ...q, includeDrafts: q.drafts === "include" }), q.sort);
    return { q, filtered };
  };

  app.get("/penalties", async (req, reply) => {
    const { q, filtered } = select(req.query);
    const state = { instrument: q.instrument, actor: q.actor, bearer: q.bearer, sanction: q.sanction, version: q.version, at: q.at, drafts: q.drafts === "include" ? "include" : "", sort: q.sort === "max-fine" ? "" : q.sort };
    const { page, pages } = pageOr404(q.page, filtered.length, PAGE_SIZE, (n) => `/penalties${f.query({ ...state, page: n === 1 ? "" : n })}`);
    const exposure = q.actor.length === 1 ? exposureFor(catalog, rows, q.actor[0] as string, q.at ?? catalog.meta.asOf) : [];
    return reply.viewAsync("pages/penalties", {
      title: "Penalties compared",
      rows: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => ({ ...rowView(r), enforces: r.enforces.map(enforceLabel), change: badges.get(r.id) })),
      amended: amended.map((a) => ({ href: `/penalties/changes${f.query({ instrument: a.ins.id, from: a.from, to: a.to })}`, label: `${a.ins.data.short.en}: ${versionName(a.ins, a.from)} → ${versionName(a.ins, a.to)}`, count: a.changes.length })),
      total: filtered.length,
      page,
      pages,
      state,
      sort: q.sort,
      sorts: PENALTY_SORTS.map((value) => ({ value, label: SORT_LABELS[value]?.label ?? value, title: SORT_LABELS[value]?.title ?? "" })),
      charts: penaltyCharts(filtered.slice(0, 40)),
      options: {
        instrument: catalog.instruments.map((i) => ({ value: i.id, label: i.data.short.en, checked: q.instrument.includes(i.id) })),
        bearer: Bearer.options.map((b) => ({ value: b, label: BEARER_LABELS[b], checked: q.bearer.includes(b) })),
        sanction: SanctionKind.options.filter((k) => rows.some((r) => r.sanctions.some((s) => s.kind === k))).map((k) => ({ value: k, label: SANCTION_LABELS[k], checked: q.sanction.includes(k) })),
        actor: catalog.actors.map((a) => ({ value: a.id, label: a.data.label.en, depth: a.depth, selected: q.actor.includes(a.id) })),
      },
      actor: q.actor.length === 1 ? catalog.actorById.get(q.actor[0] as string)?.data.label.en : undefined,
      exposure: exposure.map((e) => ({
        ...e,
        worst: e.worst.map((w) => ({
          bearer: BEARER_LABELS[w.bearer],
          fine: w.fine ? { text: w.fine.fineMax === Infinity ? w.fine.fineText : `up to RMB ${formatNumber(w.fine.fineMax ?? 0)}`, href: w.fine.href, label: w.fine.label } : undefined,
          custody: w.custody ? { text: w.custody.custodyText, href: w.custody.href, label: w.custody.label } : undefined,
        })),
      })),
      csvHref: `/penalties.csv${f.query(state)}`, // the same filters; the CSV is every row, not a page
    });
  });

  app.get("/penalties.csv", async (req, reply) => {
    const { filtered } = select(req.query, CsvQuery);
    reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="penalties.csv"');
    return toCsv(penaltyCsvRows(filtered, app.publicOrigin));
  });

  // The figures an amendment changed, older and newer text side by side.
  const ChangesQuery = z.object({
    instrument: single(z.enum(catalog.instruments.map((i) => i.id) as [string, ...string[]]).default(amended[0]?.ins.id ?? catalog.instruments[0]?.id ?? "")),
    from: single(z.string().max(10).optional()),
    to: single(z.string().max(10).optional()),
  });
  app.get("/penalties/changes", async (req, reply) => {
    const q = parseQuery(ChangesQuery, req.query);
    const ins = catalog.instrumentById.get(q.instrument);
    if (!ins) throw new BadQueryError("instrument", "unknown instrument", catalog.instruments.map((i) => i.id));
    const pairs = amendmentPairs(ins);
    const versionIds = ins.versions.map((v) => v.id);
    if (pairs.length === 0) throw new BadQueryError("instrument", `${ins.data.short.en} has one text only; choose an instrument that has been amended`, amended.map((a) => a.ins.id));
    const [defFrom, defTo] = pairs.at(-1) as [string, string];
    const from = q.from ?? defFrom;
    const to = q.to ?? defTo;
    if (!versionIds.includes(from)) throw new BadQueryError("from", `${ins.data.short.en} has no text of ${from}`, versionIds);
    if (!versionIds.includes(to)) throw new BadQueryError("to", `${ins.data.short.en} has no text of ${to}`, versionIds);
    if (from >= to) throw new BadQueryError("to", "must be a later text than from", versionIds.filter((v) => v > from));
    const changes = amendmentChanges(ins, rows, from, to);
    return reply.viewAsync("pages/changes", {
      title: `${ins.data.short.en} penalties: ${versionName(ins, from)} → ${versionName(ins, to)}`,
      instrument: { id: ins.id, short: ins.data.short.en, title: ins.data.title.en },
      from,
      to,
      names: { from: versionName(ins, from), to: versionName(ins, to), fromTag: versionTag(ins, from), toTag: versionTag(ins, to) },
      changes: changes.map((c) => ({
        heading: c.provision.data.heading.en,
        bearer: BEARER_LABELS[c.bearer],
        status: c.status,
        summary: c.summary,
        from: { ...c.from, fineMaxText: fineMaxText(c.from.fineMax) },
        to: { ...c.to, fineMaxText: fineMaxText(c.to.fineMax) },
        compareHref: c.from.href && c.to.href ? `/penalties/compare?ids=${[c.from.href, c.to.href].map((h) => h.replace(/^\/laws\//, "")).join(",")}` : undefined,
      })),
      others: amended.filter((a) => a.ins.id !== ins.id || a.from !== from || a.to !== to).map((a) => ({ href: `/penalties/changes${f.query({ instrument: a.ins.id, from: a.from, to: a.to })}`, label: `${a.ins.data.short.en}: ${versionName(a.ins, a.from)} → ${versionName(a.ins, a.to)}` })),
    });
  });

  // Suggested comparisons for /penalties/compare without articles: curated pairs, then each
  // amended article before and after.
  const amendedPairs = amended.flatMap((a) =>
    a.changes.flatMap((c) =>
      c.from.href && c.to.href && c.from.number && c.to.number
        ? [{ title: `${a.ins.data.short.en}: ${c.provision.data.heading.en}, ${versionName(a.ins, a.from)} and ${versionName(a.ins, a.to)}`, columns: [{ id: c.from.href.replace(/^\/laws\//, ""), label: articleLabel(a.ins, a.from, c.from.number) }, { id: c.to.href.replace(/^\/laws\//, ""), label: articleLabel(a.ins, a.to, c.to.number) }] }]
        : [],
    ),
  );
  const suggestions = suggestedPairs(catalog, amendedPairs);
  const choices = penaltyArticleChoices(catalog);

  app.get("/penalties/compare", async (req, reply) => {
    const q = parseQuery(z.object({ ids: listOf(z.string().max(120)) }), req.query);
    if (q.ids.length <= 1) {
      // No article, or one ("compare with…" sent without a choice): say what the comparison
      // does and offer ways in.
      const found = q.ids[0] === undefined ? undefined : parseArticlePath(catalog, q.ids[0]);
      if (found && "error" in found) throw new BadQueryError("ids", found.error);
      const first = found ? { id: q.ids[0] as string, label: articleLabel(found.instrument, found.versionId, found.number), heading: found.provision.data.heading.en } : undefined;
      return reply.viewAsync("pages/compare-start", {
        title: "Compare penalties",
        description: "Compare the sanctions of two to six articles of Chinese law side by side, tier by tier and bearer by bearer.",
        first,
        suggestions,
        choices: choices.filter((c) => c.value !== first?.id),
      });
    }
    if (q.ids.length < 2 || q.ids.length > 6) throw new BadQueryError("ids", `Give 2 to 6 pinned articles to compare, e.g. ids=cybersecurity-law/2017-06-01/art-66,counterterrorism-law/2018-04-27/art-84 (${q.ids.length} given).`);
    const columns = q.ids.map((id) => {
      const found = parseArticlePath(catalog, id);
      if ("error" in found) throw new BadQueryError("ids", found.error);
      const { instrument, provision, versionId, number } = found;
      const tiers = provision.data.penalties.filter((t) => (t.versions ?? provision.versionIds).includes(versionId));
      return {
        id,
        label: articleLabel(instrument, versionId, number),
        href: `/laws/${instrument.id}/${versionId}/art-${number}`,
        heading: provision.data.heading.en,
        tiers: tiers.map((t) => {
          const all = sanctionsOf(t);
          return { id: t.id, level: LEVEL_LABELS[tierLevel(t)], trigger: t.trigger, byBearer: Object.fromEntries(Bearer.options.map((b) => [b, all.some((s) => s.bearer === b) ? [describeSanctions(all.filter((s) => s.bearer === b))] : []])) };
        }),
      };
    });
    const depth = Math.max(...columns.map((c) => c.tiers.length));
    const bearers = Bearer.options.filter((b) => columns.some((c) => c.tiers.some((t) => (t.byBearer[b] ?? []).length > 0)));
    return reply.viewAsync("pages/compare", { title: "Compare penalties", columns, depth, bearers: bearers.map((b) => ({ id: b, label: BEARER_LABELS[b] })) });
  });
};

function fineMaxText(n: number | undefined): string {
  if (n === undefined) return "—";
  return n === Infinity ? "no cap" : `RMB ${formatNumber(n)}`;
}

export function penaltyCsvRows(rows: readonly PenaltyRow[], origin: string): (string | number | undefined)[][] {
  const header = ["instrument", "article", "versions", "url", "tier", "level", "escalates_from", "trigger", "bearer", "fine_min_rmb", "fine_max_rmb", "fine_uncapped", "fine", "relative_amount", "custody_max_days", "custody", "other_sanctions", "enforces"];
  return [
    header,
    ...rows.map((r) => [
      r.instrumentId,
      r.number,
      r.versionIds.join(" "),
      `${origin}${r.href}`,
      r.tier.id,
      r.level,
      r.tier.escalates,
      r.trigger,
      r.bearer,
      r.fineMin,
      r.fineMax === Infinity ? undefined : r.fineMax,
      r.fineMax === Infinity ? "yes" : r.fineMax === undefined ? "" : "no",
      r.fineText,
      r.relativeText,
      r.custodyMaxDays === Infinity ? "life" : r.custodyMaxDays,
      r.custodyText,
      r.other.join("; "),
      r.enforces.join(" "),
    ]),
  ];
}

export default penaltyRoutes;
