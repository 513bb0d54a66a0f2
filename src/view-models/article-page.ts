// The citable page of one article in one version: everything a lawyer needs on one screen.
import { confidenceIn, loweredConfidenceNote } from "../domain/confidence.js";
import { qualifyRef, type Catalog, type InstrumentEntry, type ProvisionEntry } from "../domain/catalog.js";
import { citeArticle, formatDate, permalink, type Citations } from "../domain/citation.js";
import { AUTHORITY_LABELS, BEARER_LABELS, combineWords, describeCondition, describeLimits, formatAmount, LEVEL_LABELS, LEVEL_NAMES, MANAGER_GROUP_LABELS, SANCTION_LABELS, sanctionsOf, tierLevel } from "../domain/penalty-arithmetic.js";
import { formatPinpointEnglish, parseProvisionRef, pinpointAnchor, provisionOfRef } from "../domain/pinpoint.js";
import { authoritiesOf, type Concern, type GlossaryTerm, type SourceRef, type Version, type WebSource } from "../domain/rules-schema.js";
import { findSourceDocument } from "../domain/source-documents.js";
import { tierRef } from "../query/actor-obligations.js";
import { appliesIn, versionAt } from "../query/versions.js";
import { CONFIDENCE_LABELS, KIND_LABELS, THEME_LABELS } from "./format.js";
import { instrumentLabels } from "./instrument-view.js";
import { articleLabel, versionName } from "../domain/version-name.js";

export interface ProvisionLink {
  label: string; // "CSL Art. 59 (2017)"
  heading: string;
  href: string;
  note?: string;
}

export interface SanctionRow {
  bearer: string;
  kind: string;
  amount: string;
  optional: boolean;
  alternative: boolean; // one of several alternatives (或者): the row before it is the other
  note?: string;
}

export interface TierView {
  id: string;
  level: string; // "If it refuses to correct or harm results"
  trigger: string;
  para?: number;
  escalatesFrom?: string; // the level of the tier this one escalates from
  imposedBy?: string;
  aggravated: boolean;
  refersTo: ProvisionLink[];
  refersToReading: boolean; // the article names no law: the links are the editors' reading
  enforces: ProvisionLink[];
  punishes: { id: string; label: string }[]; // whom the tier punishes (actors), where the rules say
  rows: SanctionRow[];
  note?: string;
  confidence?: string;
}

export interface SourceView {
  label: string;
  title: string;
  note?: number;
  section?: string;
}

export interface ArticlePage {
  title: string;
  instrument: { id: string; title: { en: string; zh: string }; short: string; kind: string; status: string; draft: boolean; href: string };
  version: Version & { current: boolean };
  number: string;
  key: string;
  heading: { en: string; zh?: string };
  chapter?: { en: string; zh?: string };
  summary: string;
  versionNote?: string;
  elsewhere: { text: string; href?: string }[];
  obligations: { id: string; duty: string; conditions?: string; theme: string; actors: { id: string; label: string }[] }[];
  tiers: TierView[];
  enforcedBy: ProvisionLink[];
  enforces: ProvisionLink[];
  related: ProvisionLink[];
  terms: GlossaryTerm[];
  sources: SourceView[];
  web: WebSource[];
  official?: string;
  confidence: { level: string; label: string; note?: string };
  concerns: (Concern & { sourceLabel: string })[];
  cite: Citations;
  otherVersions: { id: string; label: string; href: string; number: string }[];
  jsonLd: string;
  prev?: ProvisionLink;
  next?: ProvisionLink;
}

/** A link to provision `key` as it stood at `date` (or its latest text if it did not exist then). */
export function linkToProvision(catalog: Catalog, key: string, date: string): ProvisionLink | undefined {
  const p = catalog.provisionByKey.get(key);
  const ins = p && catalog.instrumentById.get(p.instrumentId);
  if (!p || !ins) return undefined;
  const atDate = versionAt(ins, date);
  const v = atDate && p.versionIds.includes(atDate) ? atDate : (p.versionIds.filter((x) => x <= date).at(-1) ?? p.versionIds.at(-1));
  if (!v) return undefined;
  const n = p.data.numbers[v] as string;
  return {
    label: articleLabel(ins, v, n),
    heading: p.data.heading.en,
    href: permalink(ins.id, v, n),
    note: atDate && !p.versionIds.includes(atDate) ? "not in the text in force at that date" : undefined,
  };
}

/** A link to a pinpointed reference (p22.1, other-law/p18.2) as it stood at `date`: "CSL Art. 22 para. 1 (2017 text)". */
export function linkToRef(catalog: Catalog, instrumentId: string, ref: string, date: string): ProvisionLink | undefined {
  const link = linkToProvision(catalog, qualifyRef(instrumentId, provisionOfRef(ref)), date);
  const pin = parseProvisionRef(ref);
  if (!link || pin?.para === undefined) return link;
  const m = /^(.*) Art\. (\S+)(.*)$/.exec(link.label);
  if (!m) return link;
  return { ...link, label: `${m[1]} ${formatPinpointEnglish(m[2] as string, pin)}${m[3]}`, href: `${link.href}${pinpointAnchor(pin)}` };
}

export function sourceView(s: SourceRef): SourceView {
  const doc = findSourceDocument(s.doc);
  return { label: doc?.short ?? s.doc, title: doc ? `${doc.author}, ${doc.title} (${doc.date})` : s.doc, note: s.note, section: s.section };
}

export function buildArticlePage(catalog: Catalog, ins: InstrumentEntry, p: ProvisionEntry, versionId: string, origin: string): ArticlePage {
  const version = ins.versions.find((v) => v.id === versionId) as Version;
  const number = p.data.numbers[versionId] as string;
  const d = p.data;
  const elsewhere: ArticlePage["elsewhere"] = [];
  for (const v of ins.versions) {
    if (v.id === versionId) continue;
    const n = d.numbers[v.id];
    if (n === undefined) elsewhere.push({ text: `Not in the ${versionName(ins, v.id)} (from ${formatDate(v.id)})` });
    else if (n !== number) elsewhere.push({ text: `Art. ${n} ${v.id > versionId ? "since" : "in the text in force from"} ${formatDate(v.id)} (${versionName(ins, v.id)})`, href: permalink(ins.id, v.id, n) });
  }
  const tiers = d.penalties
    .filter((t) => appliesIn(t.versions, p, versionId))
    .map((t): TierView => {
      const ref = tierRef(p, t, versionId);
      const from = t.escalates ? d.penalties.find((x) => x.id === t.escalates) : undefined;
      let lastChoice: number | undefined;
      return {
        id: ref.tier.id,
        level: LEVEL_LABELS[tierLevel(t)],
        trigger: t.trigger,
        para: t.para,
        escalatesFrom: from ? LEVEL_NAMES[tierLevel(from)] : undefined,
        imposedBy: t.imposedBy ? authoritiesOf(t.imposedBy).map((a) => AUTHORITY_LABELS[a]).join(" or the ") : undefined,
        aggravated: t.aggravated === true,
        note: t.note,
        confidence: t.confidence === undefined ? undefined : confidenceIn(ins.versions, versionId, t.confidence),
        refersTo: (t.refersTo ?? []).map((r) => linkToRef(catalog, ins.id, r, versionId)).filter((l): l is ProvisionLink => !!l),
        refersToReading: t.refersToBy === "reading",
        enforces: (t.enforces ?? []).map((r) => linkToRef(catalog, ins.id, r, versionId)).filter((l): l is ProvisionLink => !!l),
        punishes: (t.punishes ?? []).map((a) => ({ id: a, label: catalog.actorById.get(a)?.data.label.en ?? a })),
        rows: sanctionsOf(t).map((s) => {
          const alternative = s.choice !== undefined && s.choice === lastChoice;
          lastChoice = s.choice;
          const who = s.bearer === "managers" ? ` (${MANAGER_GROUP_LABELS[s.who ?? "persons-in-charge-and-others"]})` : "";
          const amount = [formatAmount(s), describeCondition(s.if), combineWords(s), ...describeLimits(s)].filter(Boolean).join(", ");
          return { bearer: `${BEARER_LABELS[s.bearer]}${who}`, kind: SANCTION_LABELS[s.kind], amount, optional: s.optional ?? false, alternative, note: s.note };
        }),
      };
    });
  const enforcedBy = p.enforcedBy
    .filter((k) => {
      // Only penalty articles whose tiers enforce this provision in the text in force then.
      const q = catalog.provisionByKey.get(k);
      const qi = q && catalog.instrumentById.get(q.instrumentId);
      const qv = qi && versionAt(qi, versionId);
      return !!q && !!qv && q.data.penalties.some((t) => appliesIn(t.versions, q, qv) && (t.enforces ?? []).some((r) => qualifyRef(q.instrumentId, provisionOfRef(r)) === p.key));
    })
    .map((k) => linkToProvision(catalog, k, versionId))
    .filter((l): l is ProvisionLink => !!l);
  const cite = citeArticle(ins, versionId, number);
  const position = ins.provisions.filter((x) => x.data.numbers[versionId]);
  const idx = position.indexOf(p);
  const neighbour = (q: ProvisionEntry | undefined) => (q ? linkToProvision(catalog, q.key, versionId) : undefined);
  const official = version.official ?? ins.data.official[0]?.url;
  return {
    title: `${articleLabel(ins, versionId, number)}: ${d.heading.en}`,
    instrument: { ...instrumentLabels(ins), href: `/laws/${ins.id}` },
    version: { ...version, label: versionName(ins, versionId), current: version.id === ins.currentVersion },
    number,
    key: p.key,
    heading: d.heading,
    chapter: d.chapter,
    summary: d.summary,
    versionNote: d.versionNotes?.[versionId],
    elsewhere,
    obligations: d.obligations
      .filter((o) => appliesIn(o.versions, p, versionId))
      .map((o) => ({ id: o.id, duty: o.duty, conditions: o.conditions, theme: THEME_LABELS[o.theme], actors: o.actors.map((a) => ({ id: a, label: catalog.actorById.get(a)?.data.label.en ?? a })) })),
    tiers,
    enforcedBy,
    enforces: [...new Set(tiers.flatMap((t) => t.enforces.map((e) => e.href)))].map((href) => tiers.flatMap((t) => t.enforces).find((e) => e.href === href) as ProvisionLink),
    related: p.related.map((k) => linkToProvision(catalog, k, versionId)).filter((l): l is ProvisionLink => !!l),
    terms: d.terms.map((t) => catalog.termById.get(t)).filter((t): t is GlossaryTerm => !!t),
    sources: d.sources.map(sourceView),
    web: d.web,
    official,
    confidence: { level: confidenceIn(ins.versions, versionId, d.confidence), label: CONFIDENCE_LABELS[confidenceIn(ins.versions, versionId, d.confidence)], note: loweredConfidenceNote(ins.versions, versionId, d.confidence) ?? d.confidenceNote },
    concerns: d.concerns.map((c) => ({ ...c, sourceLabel: `${sourceView(c.source).label}${c.source.note ? `, n. ${c.source.note}` : ""}` })),
    cite,
    otherVersions: ins.versions.filter((v) => d.numbers[v.id]).map((v) => ({ id: v.id, label: versionName(ins, v.id), href: permalink(ins.id, v.id, d.numbers[v.id] as string), number: d.numbers[v.id] as string })),
    jsonLd: JSON.stringify({
      "@context": "https://schema.org",
      "@type": "Legislation",
      name: `${ins.data.title.en}, Art. ${number}`,
      alternateName: cite.chinese,
      legislationIdentifier: `${ins.id}/${versionId}/art-${number}`,
      url: `${origin}${cite.permalink}`,
      inLanguage: "en",
      legislationType: KIND_LABELS[ins.data.kind],
      legislationDate: version.adopted ?? ins.data.dates.adopted,
      legislationLegalForce: ins.data.draft ? "NotInForce" : version.id === ins.currentVersion && ins.data.status === "in-force" ? "InForce" : "NotInForce",
      isPartOf: { "@type": "Legislation", name: ins.data.title.en, alternateName: ins.data.title.zh, legislationPassedBy: { "@type": "Organization", name: ins.data.issuer.en } },
      ...(official ? { sameAs: official } : {}),
    }).replace(/</g, "\\u003c"),
    prev: neighbour(position[idx - 1]),
    next: neighbour(position[idx + 1]),
  };
}
