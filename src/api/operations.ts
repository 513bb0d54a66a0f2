// The operations of /api/v1. Each takes the same filters as the page it mirrors (the query
// schemas are shared with src/routes/*), answers JSON described by src/api/schemas.ts, and
// links every item to its page (url) and its API resource (api).
import { confidenceIn } from "../domain/confidence.js";
import { z } from "zod";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { citeArticle, permalink } from "../domain/citation.js";
import { BadQueryError, NotFoundError } from "../errors.js";
import { ApplicableQuery, applicablePenalty, type ArticleLink } from "../query/applicable-penalty.js";
import { describeDifference } from "../domain/penalty-severity.js";
import { obligationsForActors } from "../query/actor-obligations.js";
import { buildRegister } from "../query/register.js";
import { checkRoleCount, registerSchemas } from "../query/register-request.js";
import { cardSteps } from "../view-models/register-export.js";
import { registerView } from "../view-models/register.js";
import { filterPenaltyRows, penaltyRows, sortPenaltyRows, type PenaltyRow } from "../query/penalty-table.js";
import { filterProvisions, sortProvisions } from "../query/provision-filter.js";
import { DateParam, listOf, SearchText, single } from "../query/query-params.js";
import { facetParams } from "../query/facet-params.js";
import { appliesIn, bindingAt, displayVersion, findByNumber } from "../query/versions.js";
import { penaltyQuerySchema, provisionQuerySchema } from "../query/list-queries.js";
import { citationTargets, parseCitationQuery } from "../search/citation-query.js";
import type { SearchIndex } from "../search/search-index.js";
import { defineOperation, pagingParams, type ApiOperation } from "./define.js";
import { paginate } from "./paging.js";
import * as S from "./schemas.js";
import { InstrumentKind, InstrumentStatus } from "../domain/rules-schema.js";
import { articleLabel, versionName } from "../domain/version-name.js";

export const API_BASE = "/api/v1";

export function apiOperations(catalog: Catalog, search: SearchIndex, origin: string): ApiOperation[] {
  const abs = (path: string) => `${origin}${path}`;
  const insApi = (id: string) => abs(`${API_BASE}/instruments/${id}`);
  const provisionApi = (ins: string, v: string, n: string) => abs(`${API_BASE}/provisions/${ins}/${v}/art-${n}`);
  const actorApi = (id: string) => abs(`${API_BASE}/actors/${id}`);

  const instrumentOr404 = (id: string): InstrumentEntry => {
    const ins = catalog.instrumentById.get(id);
    if (!ins) throw new NotFoundError(`There is no instrument "${id}".`, catalog.instruments.slice(0, 8).map((i) => ({ label: i.data.short.en, href: `${API_BASE}/instruments/${i.id}` })));
    return ins;
  };

  const versionOr404 = (ins: InstrumentEntry, version: string) => {
    if (ins.versions.some((v) => v.id === version)) return;
    throw new NotFoundError(`The ${ins.data.short.en} has no version "${version}".`, ins.versions.map((v) => ({ label: versionName(ins, v.id), href: `${API_BASE}/instruments/${ins.id}/versions/${v.id}` })));
  };

  const instrumentSummary = (ins: InstrumentEntry) => ({
    id: ins.id,
    title: ins.data.title,
    short: ins.data.short,
    kind: ins.data.kind,
    status: ins.data.status,
    draft: ins.data.draft,
    issuer: ins.data.issuer,
    currentVersion: ins.currentVersion,
    versions: ins.versions.map((v) => ({
      ...v,
      label: versionName(ins, v.id), // the one name of a text (version-name.ts), not the rules file's label
      current: v.id === ins.currentVersion,
      provisions: ins.provisions.filter((p) => p.versionIds.includes(v.id)).length,
      url: abs(`/laws/${ins.id}/${v.id}`),
      api: abs(`${API_BASE}/instruments/${ins.id}/versions/${v.id}`),
    })),
    url: abs(`/laws/${ins.id}`),
    api: insApi(ins.id),
  });

  const provisionSummary = (p: ProvisionEntry) => {
    const ins = catalog.instrumentById.get(p.instrumentId) as InstrumentEntry;
    const v = displayVersion(ins, p);
    const n = p.data.numbers[v] as string;
    return {
      key: p.key,
      instrument: p.instrumentId,
      numbers: p.data.numbers as Record<string, string>,
      versions: p.versionIds,
      heading: p.data.heading,
      themes: [...new Set(p.data.obligations.map((o) => o.theme))],
      confidence: confidenceIn(ins.versions, v, p.data.confidence),
      url: abs(permalink(ins.id, v, n)),
      api: provisionApi(ins.id, v, n),
    };
  };

  const actorSummary = (id: string) => {
    const a = catalog.actorById.get(id);
    if (!a) throw new NotFoundError(`There is no actor "${id}".`, catalog.actors.filter((x) => x.depth <= 1).map((x) => ({ label: x.data.label.en, href: `${API_BASE}/actors/${x.id}` })));
    return {
      id: a.id,
      label: a.data.label,
      description: a.data.description,
      aliases: a.data.aliases,
      parents: a.data.parents,
      children: a.children,
      ancestors: [...a.lineage.keys()].slice(1),
      depth: a.depth,
      url: abs(`/actors/${a.id}`),
      api: actorApi(a.id),
    };
  };

  const penaltyJson = (r: PenaltyRow) => ({
    id: r.id,
    instrument: r.instrumentId,
    provision: r.provision.key,
    article: r.number,
    versions: r.versionIds,
    url: abs(r.href),
    tier: r.tier.id,
    level: r.level,
    escalates: r.tier.escalates ?? null,
    paragraph: r.tier.para ?? null,
    imposedBy: r.tier.imposedBy ?? null,
    aggravated: r.tier.aggravated === true,
    refersTo: r.tier.refersTo ?? [],
    trigger: r.trigger,
    bearer: r.bearer,
    fineMin: r.fineMin ?? null,
    fineMax: r.fineMax === undefined || r.fineMax === Infinity ? null : r.fineMax,
    fineUncapped: r.fineMax === Infinity,
    fine: r.fineText,
    relativeAmount: r.relativeText,
    custodyMaxDays: r.custodyMaxDays === undefined || r.custodyMaxDays === Infinity ? null : r.custodyMaxDays,
    custodyLife: r.custodyMaxDays === Infinity,
    custody: r.custodyText,
    other: r.other,
    enforces: r.enforces,
    sanctions: r.sanctions,
    confidence: r.confidence,
  });

  const rows = penaltyRows(catalog);
  const ProvisionQuery = provisionQuerySchema(catalog).omit({ page: true, size: true }).extend(pagingParams);
  const PenaltyQuery = penaltyQuerySchema(catalog).omit({ page: true }).extend(pagingParams);
  const facets = facetParams(catalog);

  return [
    defineOperation({
      path: API_BASE,
      operationId: "getIndex",
      tag: "About",
      summary: "What the API offers, and the data version it serves",
      response: S.ApiIndex,
      handler: () => ({
        title: catalog.meta.title,
        dataVersion: catalog.meta.dataVersion,
        asOf: catalog.meta.asOf,
        openapi: abs(`${API_BASE}/openapi.json`),
        docs: abs("/api/docs"),
        resources: Object.fromEntries(["instruments", "provisions", "actors", "penalties", "search", "glossary"].map((r) => [r, abs(`${API_BASE}/${r}`)])),
      }),
    }),
    defineOperation({
      path: `${API_BASE}/instruments`,
      operationId: "listInstruments",
      tag: "Instruments",
      summary: "Laws, regulations, interpretations and drafts, core laws first",
      query: z.object({ kind: listOf(InstrumentKind), status: listOf(InstrumentStatus), ...pagingParams }),
      response: S.InstrumentPage,
      examples: [`${API_BASE}/instruments`, `${API_BASE}/instruments?kind=law`],
      handler: ({ query, url }) => {
        const list = catalog.instruments.filter((i) => (!query.kind.length || query.kind.includes(i.data.kind)) && (!query.status.length || query.status.includes(i.data.status)));
        return paginate(list.map(instrumentSummary), query.page, query.per_page, url);
      },
    }),
    defineOperation({
      path: `${API_BASE}/instruments/{id}`,
      operationId: "getInstrument",
      tag: "Instruments",
      summary: "One instrument: its versions, dates, official sources and every encoded article",
      params: z.object({ id: z.string().describe("instrument id, e.g. cybersecurity-law") }),
      response: S.InstrumentDetail,
      examples: [`${API_BASE}/instruments/cybersecurity-law`],
      handler: ({ params }) => {
        const ins = instrumentOr404(params.id);
        return { ...instrumentSummary(ins), aliases: ins.data.aliases, summary: ins.data.summary, statusNote: ins.data.statusNote, dates: ins.data.dates, official: ins.data.official, provisions: ins.provisions.map(provisionSummary) };
      },
    }),
    defineOperation({
      path: `${API_BASE}/instruments/{id}/versions/{version}`,
      operationId: "getVersion",
      tag: "Instruments",
      summary: "One text of an instrument and the articles in it, in article order",
      params: z.object({ id: z.string(), version: z.string().describe("the date the text came into force, YYYY-MM-DD") }),
      query: z.object({ ...pagingParams }),
      response: S.ProvisionPage,
      examples: [`${API_BASE}/instruments/cybersecurity-law/versions/2017-06-01`],
      handler: ({ params, query, url }) => {
        const ins = instrumentOr404(params.id);
        versionOr404(ins, params.version);
        const inIt = ins.provisions.filter((p) => p.versionIds.includes(params.version));
        return paginate(
          inIt.map((p) => ({ ...provisionSummary(p), url: abs(permalink(ins.id, params.version, p.data.numbers[params.version] as string)), api: provisionApi(ins.id, params.version, p.data.numbers[params.version] as string) })),
          query.page,
          query.per_page,
          url,
        );
      },
    }),
    defineOperation({
      path: `${API_BASE}/provisions`,
      operationId: "listProvisions",
      tag: "Provisions",
      summary: "Articles across every instrument, with the filters of /provisions",
      description: "Filtering by actor includes the actor's narrower types (network operator finds CII operator duties).",
      query: ProvisionQuery,
      response: S.ProvisionPage,
      examples: [`${API_BASE}/provisions?instrument=cybersecurity-law&theme=data-localisation`, `${API_BASE}/provisions?actor=cii-operator&sort=max-fine`],
      handler: ({ query, url }) => {
        const { page, per_page, sort, ...filter } = query;
        return paginate(sortProvisions(catalog, filterProvisions(catalog, filter), sort).map(provisionSummary), page, per_page, url);
      },
    }),
    defineOperation({
      path: `${API_BASE}/provisions/{instrument}/{version}/{article}`,
      operationId: "getProvision",
      tag: "Provisions",
      summary: "One article as it stands in one text: the pinned, citable resource",
      params: z.object({ instrument: z.string(), version: z.string(), article: z.string().describe("art-<number>, e.g. art-37 or art-287-2") }),
      response: S.ProvisionDetail,
      examples: [`${API_BASE}/provisions/cybersecurity-law/2017-06-01/art-37`],
      handler: ({ params }) => {
        const ins = instrumentOr404(params.instrument);
        versionOr404(ins, params.version);
        const number = params.article.replace(/^art-/, "");
        const p = params.article.startsWith("art-") ? findByNumber(ins, params.version, number) : undefined;
        if (!p) throw new NotFoundError(`${params.article} of the ${ins.data.short.en} (${params.version}) is not encoded. Articles are addressed art-<number>.`, [{ label: `Articles of the ${ins.data.short.en} in this text`, href: `${API_BASE}/instruments/${ins.id}/versions/${params.version}` }]);
        const v = params.version;
        const d = p.data;
        return {
          ...provisionSummary(p),
          url: abs(permalink(ins.id, v, number)),
          api: provisionApi(ins.id, v, number),
          version: v,
          number,
          citation: { ...citeArticle(ins, v, number), permalink: abs(permalink(ins.id, v, number)) },
          chapter: d.chapter,
          summary: d.summary.trim(),
          versionNote: d.versionNotes?.[v],
          obligations: d.obligations.filter((o) => appliesIn(o.versions, p, v)),
          penalties: d.penalties.filter((t) => appliesIn(t.versions, p, v)),
          enforces: p.enforces,
          enforcedBy: p.enforcedBy,
          related: p.related,
          terms: d.terms,
          sources: d.sources,
          web: d.web,
          confidenceNote: d.confidenceNote,
          concerns: d.concerns,
          otherVersions: p.versionIds.filter((x) => x !== v).map((x) => ({ version: x, number: d.numbers[x] as string, url: abs(permalink(ins.id, x, d.numbers[x] as string)), api: provisionApi(ins.id, x, d.numbers[x] as string) })),
        };
      },
    }),
    defineOperation({
      path: `${API_BASE}/provisions/{instrument}/{version}/{article}/applicable-penalty`,
      operationId: "getApplicablePenalty",
      tag: "Provisions",
      summary: "Which text's penalty applies to an act, given when it was committed and when it is decided",
      description: "Administrative penalties follow Administrative Penalty Law Art. 37, criminal ones Criminal Law Art. 12: the text in force at the act, unless the text in force at the decision is lighter. The conduct is followed where an amendment moved it to another article; the two ladders are compared step by step and bearer by bearer, every kind of sanction; the answer is cannot-tell where a text has an unread paragraph, a tier is below high confidence, or one sanction is heavier and another lighter. `from` gives the first day of a continuing act.",
      params: z.object({ instrument: z.string(), version: z.string(), article: z.string().describe("art-<number>, e.g. art-59") }),
      query: ApplicableQuery,
      response: S.ApplicablePenalty,
      examples: [`${API_BASE}/provisions/cybersecurity-law/2017-06-01/art-59/applicable-penalty?act=2025-06-01&decided=2026-03-01`],
      handler: ({ params, query }) => {
        const ins = instrumentOr404(params.instrument);
        versionOr404(ins, params.version);
        const number = params.article.replace(/^art-/, "");
        const p = params.article.startsWith("art-") ? findByNumber(ins, params.version, number) : undefined;
        if (!p) throw new NotFoundError(`${params.article} of the ${ins.data.short.en} (${params.version}) is not encoded. Articles are addressed art-<number>.`, [{ label: `Articles of the ${ins.data.short.en} in this text`, href: `${API_BASE}/instruments/${ins.id}/versions/${params.version}` }]);
        if (p.data.penalties.length === 0) {
          // A duty article sets no penalty: the question belongs to the articles that punish its breach.
          const by = p.enforcedBy.map((k) => catalog.provisionByKey.get(k)).filter((q): q is NonNullable<typeof q> => !!q && q.versionIds.includes(params.version));
          throw new NotFoundError(
            `${params.article} of the ${ins.data.short.en} (${params.version}) sets no penalty: ask which text applies on the article that punishes its breach.`,
            by.map((q) => ({ label: `Art. ${q.data.numbers[params.version]}`, href: `${API_BASE}/provisions/${ins.id}/${params.version}/art-${q.data.numbers[params.version]}/applicable-penalty` })),
          );
        }
        if (!query.act) throw new BadQueryError("act", `"act" is required: the date the act was committed, written YYYY-MM-DD.`);
        const a = applicablePenalty(catalog, ins, p, query.act, query.decided ?? catalog.meta.asOf, query.from, params.version);
        const link = (l: ArticleLink) => ({ label: l.label, url: abs(l.href), version: l.version, number: l.number });
        return {
          regime: a.regime,
          actDate: a.actDate,
          actStart: a.actStart ?? null,
          decisionDate: a.decisionDate,
          actVersion: a.actVersion ?? null,
          decisionVersion: a.decisionVersion ?? null,
          outcome: a.outcome,
          applies: a.applies ?? null,
          article: a.article ? link(a.article) : null,
          severity: a.severity ?? null,
          appliesUrl: a.article ? abs(a.article.href) : null,
          reason: a.reason,
          reasons: a.reasons,
          rule: { label: a.rule.label, url: a.rule.href ? abs(a.rule.href) : null },
          decidedBy: a.decidedBy.map((r) => ({ label: r.label, url: r.href ? abs(r.href) : null })),
          comparisons: a.comparisons.map((c) => ({
            conduct: c.conduct,
            earlier: { version: c.earlier.version, articles: c.earlier.articles.map(link) },
            later: { version: c.later.version, articles: c.later.articles.map(link) },
            outcome: c.outcome,
            severity: c.severity ?? null,
            differences: c.differences.map(describeDifference),
          })),
          alsoPunishedBy: a.alsoPunishedBy.map(link),
        };
      },
    }),
    defineOperation({
      path: `${API_BASE}/actors`,
      operationId: "listActors",
      tag: "Actors",
      summary: "Who can be bound, as a hierarchy (depth-first order)",
      query: z.object({ ...pagingParams }),
      response: S.ActorPage,
      examples: [`${API_BASE}/actors`],
      handler: ({ query, url }) => paginate(catalog.actors.map((a) => actorSummary(a.id)), query.page, query.per_page, url),
    }),
    defineOperation({
      path: `${API_BASE}/actors/{id}`,
      operationId: "getActor",
      tag: "Actors",
      summary: "One actor and every obligation that binds it, inherited ones included, at a date",
      params: z.object({ id: z.string().describe("actor id, e.g. cii-operator") }),
      query: z.object({
        at: single(DateParam.optional().describe("the date the law is read at, YYYY-MM-DD; default: the data's as-of date")),
        include: single(z.enum(["binding", "all"]).default("binding").describe("all: also drafts and rules no longer in force, marked binding: false")),
      }),
      response: S.ActorDetail,
      examples: [`${API_BASE}/actors/cii-operator`, `${API_BASE}/actors/cii-operator?at=2020-01-01`],
      handler: ({ params, query }) => {
        const summary = actorSummary(params.id);
        const at = query.at ?? catalog.meta.asOf;
        const obligations = obligationsForActors(catalog, [params.id], at, { includeNonBinding: query.include === "all" }).map((b) => {
          const reason = b.reasons[0];
          const ins = catalog.instrumentById.get(b.provision.instrumentId) as InstrumentEntry;
          return {
            key: b.key,
            provision: b.provision.key,
            instrument: b.provision.instrumentId,
            version: b.versionId,
            number: b.number,
            duty: b.obligation.duty,
            conditions: b.obligation.conditions,
            theme: b.obligation.theme,
            boundAs: reason?.bound ?? params.id,
            chain: reason?.chain ?? [params.id],
            binding: bindingAt(ins, at),
            penaltyTiers: b.tiers.map((t) => t.key),
            url: abs(permalink(ins.id, b.versionId, b.number)),
          };
        });
        return { ...summary, at, obligations };
      },
    }),
    defineOperation({
      path: `${API_BASE}/register`,
      operationId: "getRegister",
      tag: "Actors",
      summary: "The compliance register of a role set: the rows of /profile, with the same filters and order",
      description: "Every duty that binds the roles (inherited ones included), once, with every reason, and its penalty ladder: each tier with the trigger that brings it, criminal exposure last. scope=all adds the general duties that bind every organisation.",
      query: registerSchemas(catalog).api.extend(pagingParams),
      response: S.RegisterPage,
      examples: [`${API_BASE}/register?actor=cii-operator`, `${API_BASE}/register?actor=cii-operator&sort=exposure&penalty=yes`],
      handler: ({ query, url }) => {
        const { page, per_page, actor, ...filter } = query;
        if (actor.length === 0) throw new BadQueryError("actor", "A register needs at least one role: give actor=… (repeat it or separate ids with commas).", catalog.actors.map((a) => a.id));
        checkRoleCount(actor.length);
        const reg = buildRegister(catalog, actor, filter);
        const v = registerView(catalog, reg, { basePath: "/profile", actor, answers: {}, filter, group: "instrument" }, undefined, origin);
        const link = (l: { label: string; href: string }) => ({ label: l.label, url: abs(l.href) });
        const rows = v.cards.map((c) => ({
          key: c.key,
          instrument: c.instrumentId,
          version: c.versionId,
          article: c.number,
          heading: c.heading,
          duty: c.duty,
          conditions: c.conditions,
          theme: c.themeId,
          general: c.general,
          roles: c.roles,
          reasons: c.reasons,
          tiers: cardSteps(c).map((s) => ({ article: link(s.article), when: s.when, trigger: s.trigger, criminal: s.criminal, entity: s.entity, managers: s.managers, individual: s.individual, official: s.official, refersTo: s.refersTo.map(link) })),
          generalLiability: c.generalLiability.map(link),
          memoItem: c.memoItem,
          url: c.permalink,
        }));
        return {
          ...paginate(rows, page, per_page, url),
          roles: actor.map((id) => ({ id, label: catalog.actorById.get(id)?.data.label.en ?? id })),
          at: reg.date,
          dataVersion: catalog.meta.dataVersion,
          summary: { specific: reg.specificCount, general: reg.generalCount, instruments: reg.instrumentCount, withPenalty: reg.withPenaltyCount },
        };
      },
    }),
    defineOperation({
      path: `${API_BASE}/penalties`,
      operationId: "listPenalties",
      tag: "Penalties",
      summary: "Every sanction tier per bearer, with the filters and sorts of /penalties",
      description: "Amounts are exact figures from the rules. fineMax is null when the fine has no cap (fineUncapped: true) or no fixed amount.",
      query: PenaltyQuery,
      response: S.PenaltyPage,
      examples: [`${API_BASE}/penalties?instrument=counterterrorism-law&sort=max-fine`, `${API_BASE}/penalties?actor=telecom-operator&bearer=managers`],
      handler: ({ query, url }) => {
        const { page, per_page, sort, drafts, ...f } = query;
        const list = sortPenaltyRows(catalog, filterPenaltyRows(catalog, rows, { ...f, includeDrafts: drafts === "include" }), sort);
        return paginate(list.map(penaltyJson), page, per_page, url);
      },
    }),
    defineOperation({
      path: `${API_BASE}/search`,
      operationId: "search",
      tag: "Search",
      summary: "Full-text search in English or Chinese, with citation recognition",
      description: "A citation (\"CSL 37\", \"网络安全法第三十七条\", \"287-2\") is returned in citations, with every text that numbers the article so.",
      query: z.object({
        q: single(SearchText.min(1, "must not be empty").describe("what to search for")),
        instrument: facets.instrument,
        actor: facets.actor,
        version: facets.version,
        ...pagingParams,
      }),
      response: S.SearchPage,
      examples: [`${API_BASE}/search?q=real+name`, `${API_BASE}/search?q=${encodeURIComponent("实名")}`, `${API_BASE}/search?q=CSL+37`],
      handler: ({ query, url }) => {
        const filter = { instrument: query.instrument, actor: query.actor, version: query.version, theme: [], sanction: [], bearer: [], status: [], kind: [] };
        const filtered = query.instrument.length + query.actor.length + query.version.length > 0;
        const allowed = filtered ? new Set(filterProvisions(catalog, filter).map((p) => p.key)) : undefined;
        const hits = search.rank(query.q, allowed).hits; // every word first (a glossary name standing in for its words)
        const results = hits.flatMap((h) => {
          const p = catalog.provisionByKey.get(h.key);
          if (!p) return [];
          const s = provisionSummary(p);
          const ins = catalog.instrumentById.get(p.instrumentId) as InstrumentEntry;
          const v = displayVersion(ins, p);
          return [{ key: h.key, score: Math.round(h.score * 1000) / 1000, label: articleLabel(ins, v, p.data.numbers[v] as string), heading: p.data.heading.en, url: s.url, api: s.api, matched: h.terms, fields: h.fields, matchesAll: h.complete }];
        });
        const citations = citationTargets(parseCitationQuery(catalog, query.q)).map(({ instrument: ins, provision, versionId: v, number, now }) => ({
          label: articleLabel(ins, v, number),
          heading: provision.data.heading.en,
          url: abs(permalink(ins.id, v, number)),
          api: provisionApi(ins.id, v, number),
          note: now === undefined ? undefined : now ? `Art. ${now} in the text in force from ${ins.currentVersion}` : "not in the current text",
        }));
        return { ...paginate(results, query.page, query.per_page, url), query: query.q, citations, expansions: search.expand(query.q).map((t) => ({ id: t.id, en: t.en, zh: t.zh })) };
      },
    }),
    defineOperation({
      path: `${API_BASE}/glossary`,
      operationId: "listGlossary",
      tag: "Glossary",
      summary: "Terms in English and Chinese with abbreviations, as search expands them",
      query: z.object({ ...pagingParams }),
      response: S.GlossaryPage,
      examples: [`${API_BASE}/glossary`],
      handler: ({ query, url }) => paginate(catalog.glossary, query.page, query.per_page, url),
    }),
  ];
}
