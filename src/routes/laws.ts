// Instruments and their articles. Pinned article URLs (/laws/<id>/<version>/art-<n>) are
// citable forever: the version in the path fixes which text a number means. Unpinned ones
// (/laws/<id>/art-<n>) redirect only when the number means one provision in every version.
import type { FastifyPluginAsync } from "fastify";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { formatDate, permalink } from "../domain/citation.js";
import { closestMatches } from "../domain/closest-match.js";
import { compareArticleNumbers, parseArticleNumber } from "../domain/article-number.js";
import { NotFoundError, type Suggestion } from "../errors.js";
import { displayVersion, findByNumber, isCurrentText, provisionsNumbered, renamedVersion } from "../query/versions.js";
import { provisionChanges } from "../query/amendment-changes.js";
import { penaltyRows } from "../query/penalty-table.js";
import { ApplicableQuery, applicablePenalty, offersApplicable } from "../query/applicable-penalty.js";
import { applicableView } from "../view-models/applicable-view.js";
import { parseQuery } from "../query/query-params.js";
import { BEARER_LABELS } from "../domain/penalty-arithmetic.js";
import { metaDescription, query } from "../view-models/format.js";
import { buildArticlePage, sourceView } from "../view-models/article-page.js";
import { buildOfficialText } from "../view-models/official-text.js";
import { buildWholeText } from "../view-models/whole-text.js";
import { KIND_LABELS, STATUS_LABELS } from "../view-models/format.js";
import { instrumentLabels } from "../view-models/instrument-view.js";
import { NO_QUERY } from "../plugins/query-policy.js";
import { articleLabel, versionName, versionTag } from "../domain/version-name.js";
import { otherTextsOf, penaltyArticleChoices } from "../view-models/compare.js";
import { carriedMemo } from "../memo/memo-items.js";
import { MemoCarry } from "../query/memo-carry.js";

function instrumentOr404(catalog: Catalog, id: string): InstrumentEntry {
  const ins = catalog.instrumentById.get(id);
  if (ins) return ins;
  const lower = id.toLowerCase();
  const byName = catalog.instruments.filter((i) => [i.data.short.en, i.data.short.zh ?? "", i.data.title.en, i.data.title.zh, ...i.data.aliases].some((n) => n.toLowerCase() === lower));
  const ids = [...new Set([...byName.map((i) => i.id), ...closestMatches(id, catalog.instruments.map((i) => i.id), 5)])];
  throw new NotFoundError(
    `There is no instrument "${id}".`,
    [...ids.slice(0, 5).map((x) => ({ label: catalog.instrumentById.get(x)?.data.title.en ?? x, href: `/laws/${x}` })), { label: "All laws and regulations", href: "/laws" }],
  );
}

function articleSuggestions(ins: InstrumentEntry, versionId: string, number: string): Suggestion[] {
  const inVersion = ins.provisions.map((p) => p.data.numbers[versionId]).filter((n): n is string => !!n);
  const target = parseArticleNumber(number)?.main ?? 0;
  const near = [...inVersion].sort((a, b) => Math.abs((parseArticleNumber(a)?.main ?? 0) - target) - Math.abs((parseArticleNumber(b)?.main ?? 0) - target) || compareArticleNumbers(a, b)).slice(0, 4);
  const other = provisionsNumbered(ins, number).flatMap(({ provision, versions }) => versions.map((v) => ({ label: `Art. ${number} of the ${versionName(ins, v)} (in force from ${formatDate(v)}): ${provision.data.heading.en}`, href: permalink(ins.id, v, number) })));
  return [...other, ...near.sort(compareArticleNumbers).map((n) => ({ label: articleLabel(ins, versionId, n), href: permalink(ins.id, versionId, n) })), { label: `Contents of the ${ins.data.short.en}`, href: `/laws/${ins.id}/${versionId}` }];
}

function contents(ins: InstrumentEntry, versionId: string | undefined) {
  return ins.provisions
    .filter((p) => !versionId || p.data.numbers[versionId])
    .map((p) => {
      const v = versionId ?? p.versionIds.at(-1) ?? ins.currentVersion;
      const n = p.data.numbers[v] as string;
      return {
        number: n,
        href: permalink(ins.id, v, n),
        heading: p.data.heading.en,
        chapter: p.data.chapter?.en,
        numbers: ins.versions.map((ver) => ({ id: ver.id, number: p.data.numbers[ver.id] })),
        obligations: p.data.obligations.length,
        penalties: p.data.penalties.length,
        confidence: p.data.confidence,
      };
    });
}

const lawRoutes: FastifyPluginAsync = async (app) => {
  const catalog = app.catalog;
  const penalties = penaltyRows(catalog);
  const compareChoices = penaltyArticleChoices(catalog);

  app.get("/laws", NO_QUERY, async (_req, reply) => {
    const rows = catalog.instruments.map((i) => ({
      ...instrumentLabels(i),
      issuer: i.data.issuer.en,
      date: i.data.dates.inForce ?? i.data.dates.adopted ?? i.data.dates.drafted ?? i.versions[0]?.id,
      provisions: i.provisions.length,
      versions: i.versions.length,
    }));
    return reply.viewAsync("pages/laws", { title: "Laws and regulations", rows, asOf: catalog.meta.asOf });
  });

  app.get<{ Params: { id: string } }>("/laws/:id", NO_QUERY, async (req, reply) => {
    const ins = instrumentOr404(catalog, req.params.id);
    return reply.viewAsync("pages/law", lawPage(catalog, ins, undefined));
  });

  // /laws/<id>/<version> (contents of one version) or /laws/<id>/art-<n> (unpinned article).
  app.get<{ Params: { id: string; segment: string } }>("/laws/:id/:segment", NO_QUERY, async (req, reply) => {
    const ins = instrumentOr404(catalog, req.params.id);
    const { segment } = req.params;
    if (segment.startsWith("art-")) {
      const number = segment.slice(4);
      const found = provisionsNumbered(ins, number);
      if (found.length === 0) throw new NotFoundError(`The ${ins.data.title.en} has no encoded Art. ${number}.`, articleSuggestions(ins, ins.currentVersion, number));
      const only = found[0];
      const sameEverywhere = found.length === 1 && only && only.provision.versionIds.every((v) => only.provision.data.numbers[v] === number);
      if (sameEverywhere && only) {
        const v = displayVersion(ins, only.provision);
        return reply.redirect(permalink(ins.id, v, number), 302);
      }
      const options = found.flatMap(({ provision, versions }) =>
        versions.map((v) => {
          const others = ins.versions.filter((x) => x.id !== v).map((x) => ({ label: versionName(ins, x.id), number: provision.data.numbers[x.id], id: x.id }));
          return { href: permalink(ins.id, v, number), versionLabel: versionName(ins, v), versionId: v, heading: provision.data.heading.en, others };
        }),
      );
      return reply.viewAsync("pages/disambiguation", { title: `${ins.data.short.en} Art. ${number}: which text?`, instrument: { id: ins.id, title: ins.data.title.en, short: ins.data.short.en }, number, options });
    }
    if (ins.versions.some((v) => v.id === segment)) return reply.viewAsync("pages/law", lawPage(catalog, ins, segment));
    const renamed = renamedVersion(ins, segment);
    if (renamed) return reply.redirect(`/laws/${ins.id}/${renamed}`, 301);
    throw new NotFoundError(`The ${ins.data.title.en} has no version "${segment}" and this is not an article address (art-<number>).`, [
      ...ins.versions.map((v) => ({ label: `${versionName(ins, v.id)} (in force from ${formatDate(v.id)})`, href: `/laws/${ins.id}/${v.id}` })),
    ]);
  });

  // The whole text of one version on one page. A static segment, so it wins over :article.
  app.get<{ Params: { id: string; version: string } }>("/laws/:id/:version/text", NO_QUERY, async (req, reply) => {
    const ins = instrumentOr404(catalog, req.params.id);
    const { version } = req.params;
    const renamed = renamedVersion(ins, version);
    if (renamed) return reply.redirect(`/laws/${ins.id}/${renamed}/text`, 301);
    if (!ins.versions.some((v) => v.id === version)) {
      throw new NotFoundError(
        `The ${ins.data.title.en} has no version "${version}". Versions are named by the date the text came into force.`,
        ins.versions.map((v) => ({ label: `The whole ${versionName(ins, v.id)} (in force from ${formatDate(v.id)})`, href: `/laws/${ins.id}/${v.id}/text` })),
      );
    }
    const page = buildWholeText(catalog, ins, version, app.lawTexts, app.publicOrigin);
    return reply.viewAsync("pages/whole-text", { title: page.title, description: page.description, page });
  });

  const ArticleQuery = ApplicableQuery.extend({ memo: MemoCarry });
  app.get<{ Params: { id: string; version: string; article: string } }>("/laws/:id/:version/:article", async (req, reply) => {
    const ins = instrumentOr404(catalog, req.params.id);
    const { version, article } = req.params;
    // A version once published under another id keeps its pinned links: they move here for good.
    const renamed = renamedVersion(ins, version);
    if (renamed) return reply.redirect(`/laws/${ins.id}/${renamed}/${encodeURIComponent(article)}${req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : ""}`, 301);
    if (!ins.versions.some((v) => v.id === version)) {
      throw new NotFoundError(
        `The ${ins.data.title.en} has no version "${version}". Versions are named by the date the text came into force.`,
        ins.versions.map((v) => ({ label: `${versionName(ins, v.id)} (in force from ${formatDate(v.id)})`, href: article.startsWith("art-") ? `/laws/${ins.id}/${v.id}/${article}` : `/laws/${ins.id}/${v.id}` })),
      );
    }
    const number = article.startsWith("art-") ? article.slice(4) : "";
    if (!parseArticleNumber(number)) throw new NotFoundError(`"${article}" is not an article address: use art-<number>, e.g. art-37 or art-287-2.`, articleSuggestions(ins, version, "1"));
    const p = findByNumber(ins, version, number);
    if (!p) throw new NotFoundError(`Art. ${number} of the ${ins.data.title.en} (text in force from ${formatDate(version)}) is not encoded here.`, articleSuggestions(ins, version, number));
    const penaltyChanges = provisionChanges(ins, penalties, p).map((c) => ({
      bearer: BEARER_LABELS[c.bearer],
      summary: c.summary,
      href: `/penalties/changes${query({ instrument: ins.id, from: c.from.versionId, to: c.to.versionId })}`,
    }));
    const q = parseQuery(ArticleQuery, req.query);
    const applicable = offersApplicable(ins, p)
      ? { act: q.act ?? "", from: q.from ?? "", decided: q.decided ?? "", answer: q.act ? applicableView(catalog, applicablePenalty(catalog, ins, p, q.act, q.decided ?? catalog.meta.asOf, q.from, version)) : undefined }
      : undefined;
    // ?memo=…: the memo being built without JavaScript, which this page's "Add to memo" adds to.
    const memo = carriedMemo(catalog, q.memo);
    const page = buildArticlePage(catalog, ins, p, version, app.publicOrigin);
    const officialText = buildOfficialText(ins, p, version, app.lawTexts, page.official);
    const self = `${ins.id}/${version}/art-${number}`;
    // The article's other texts are offered once, in their own group, not again among the rest.
    const others = p.data.penalties.length ? otherTextsOf(catalog, p, version) : [];
    const compareWith = p.data.penalties.length ? { id: self, label: articleLabel(ins, version, number), others, choices: compareChoices.filter((c) => c.value !== self && !others.some((o) => o.value === c.value)) } : undefined;
    return reply.viewAsync("pages/article", { title: "", description: metaDescription(page.summary), origin: app.publicOrigin, page, officialText, penaltyChanges, applicable, compareWith, memoCarry: memo.join(",") });
  });
};

function lawPage(catalog: Catalog, ins: InstrumentEntry, versionId: string | undefined) {
  const d = ins.data;
  return {
    title: d.title.en,
    description: metaDescription(`${d.title.en} (${d.title.zh}): ${d.summary}`),
    ins: d,
    kind: KIND_LABELS[d.kind],
    status: STATUS_LABELS[d.status],
    versions: ins.versions.map((v) => ({ ...v, label: versionName(ins, v.id), tag: versionTag(ins, v.id), current: isCurrentText(ins, v.id, catalog.meta.asOf), selected: v.id === versionId })),
    versionId,
    currentVersion: ins.currentVersion,
    replacedBy: d.replacedBy ? { text: catalog.instrumentById.get(d.replacedBy)?.data.title.en ?? d.replacedBy, href: catalog.instrumentById.has(d.replacedBy) ? `/laws/${d.replacedBy}` : undefined } : undefined,
    interprets: (d.interprets ?? []).map((x) => ({ text: catalog.instrumentById.get(x)?.data.title.en ?? x, href: catalog.instrumentById.has(x) ? `/laws/${x}` : undefined })),
    sources: d.sources.map(sourceView),
    concerns: d.concerns.map((c) => ({ ...c, sourceLabel: sourceView(c.source).label })),
    contents: contents(ins, versionId),
    multiVersion: ins.versions.length > 1,
    // The whole text on one page: of this version, or of the current text on the instrument's page.
    wholeText: { href: `/laws/${ins.id}/${versionId ?? ins.currentVersion}/text`, label: versionName(ins, versionId ?? ins.currentVersion) },
  };
}

export default lawRoutes;
