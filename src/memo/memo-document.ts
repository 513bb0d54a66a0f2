// The memo as data: what /memo shows and every export prints. It depends only on the items, the
// chosen actor and the rules, never on the clock, so the same URL always gives the same memo.
import { applicablePenalty, OUTCOME_LABELS, offersApplicable, type Outcome } from "../query/applicable-penalty.js";
import { confidenceIn, loweredConfidenceNote } from "../domain/confidence.js";
import type { Catalog, InstrumentEntry, ProvisionEntry, TierRef } from "../domain/catalog.js";
import { citeArticle, type Citations } from "../domain/citation.js";
import { BEARER_LABELS, describeSanctions, LEVEL_LABELS, referralWords, sanctionsOf, tierLevel } from "../domain/penalty-arithmetic.js";
import { Bearer, type Confidence } from "../domain/rules-schema.js";
import { tierRef, tiersEnforcing } from "../query/actor-obligations.js";
import { appliesIn } from "../query/versions.js";
import type { MemoItem } from "./memo-items.js";
import { articleLabel, versionName } from "../domain/version-name.js";
import { formatPinpointChinese } from "../domain/pinpoint.js";
import type { LawTexts } from "../texts/load-law-texts.js";
import { paragraphText } from "../texts/parse-law-text.js";
import { linkToRef } from "../view-models/article-page.js";

export interface MemoObligation {
  id: string;
  duty: string;
  conditions?: string;
  actors: string[]; // labels of the actors it names
  bindsChosenActor: boolean | undefined; // undefined when no actor was chosen
}

export interface MemoTier {
  source: string; // "CSL Art. 59 (2017)"
  permalink: string;
  level: string; // "If it refuses to correct or harm results"
  trigger: string;
  sanctions: { bearer: string; text: string }[]; // empty for a tier that only refers elsewhere
  // The articles whose sanctions apply ("依照…规定处罚"): a tier may refer and set none of its own.
  refersTo: { label: string; permalink: string }[];
  refersToReading: boolean; // the article names no law: the links are the editors' reading
}

/** The official Chinese wording of the article or paragraph an item cites, when it is loaded. */
export interface MemoQuote {
  title?: string; // the text's own title: 中华人民共和国网络安全法
  cite: string; // 第三十七条, 第二十一条第一款
  paragraphs: string[]; // each paragraph with its items on lines of their own (（一）…)
  label: string; // "Official text (中文原文), 中华人民共和国网络安全法第三十七条": printed above the quote
}

export interface MemoEntry {
  item: string; // the pinned path, as in the URL
  instrument: { id: string; title: { en: string; zh: string }; short: string };
  version: { id: string; label: string; official?: string }; // label: "2017 text" (version-name.ts)
  article: string;
  label: string; // "CSL Art. 37 (2017)": the article with its text, as version-name.ts names it
  heading: { en: string; zh?: string };
  permalink: string; // absolute
  citation: Citations;
  summary: string;
  versionNote?: string;
  confidence: Confidence;
  confidenceNote?: string;
  draft: boolean;
  obligation?: string; // the obligation the item pins, if any
  obligations: MemoObligation[];
  official?: MemoQuote; // the official text quoted, when the server has it
  otherObligations: number; // obligations of the article that bind other actors (not listed)
  ownPenalties: MemoTier[]; // this article's own sanctions (a penalty article)
  enforcedBy: MemoTier[]; // sanctions elsewhere for breaching this article, in the same text
  applicable?: MemoApplicable; // which text's penalty applies to the act the memo names, for a penalty article
}

/** Which text's penalty applies, as the article page and the API answer it (src/query/applicable-penalty.ts). */
export interface MemoApplicable {
  outcome: Outcome;
  headline: string; // "The text in force at the act applies"
  applies?: { label: string; permalink: string };
  reasons: string[];
  decidedBy: string[]; // the articles it rests on
}

export interface MemoDocument {
  title: string;
  dataVersion: string;
  asOf: string; // the date the rules are current to
  madeWith?: string; // the data version the memo URL was made with, if it says
  actor?: { id: string; label: string };
  url: string; // absolute, canonical
  items: MemoEntry[];
}

export interface MemoOptions {
  title?: string;
  actorId?: string;
  madeWith?: string;
  origin: string;
  url: string; // path and query of the canonical memo URL
  texts?: LawTexts; // the official texts: each item quotes its article or paragraph from them
  applicable?: { act: string; from?: string; decided: string }; // an act to answer "which text applies" for
}

/** The answer the article page gives for the same act (one code, src/query/applicable-penalty.ts). */
function memoApplicable(catalog: Catalog, ins: InstrumentEntry, p: ProvisionEntry, versionId: string, a: { act: string; from?: string; decided: string }, origin: string): MemoApplicable {
  const r = applicablePenalty(catalog, ins, p, a.act, a.decided, a.from, versionId);
  return {
    outcome: r.outcome,
    headline: OUTCOME_LABELS[r.outcome],
    ...(r.article ? { applies: { label: r.article.label, permalink: `${origin}${r.article.href}` } } : {}),
    reasons: r.reasons,
    decidedBy: r.decidedBy.map((d) => d.label),
  };
}

/** A tier as the memo prints it; `ref` is pinned to the one text it is quoted from. */
function tierView(catalog: Catalog, ref: TierRef, origin: string): MemoTier {
  const ins = catalog.instrumentById.get(ref.provision.instrumentId);
  const v = ref.versionIds.at(-1) as string;
  const n = ref.provision.data.numbers[v] as string;
  return {
    source: ins ? articleLabel(ins, v, n) : `${ref.provision.instrumentId} Art. ${n}`,
    permalink: `${origin}/laws/${ref.provision.instrumentId}/${v}/art-${n}`,
    trigger: ref.tier.trigger,
    level: LEVEL_LABELS[tierLevel(ref.tier)],
    sanctions: Bearer.options.flatMap((b) => {
      const list = sanctionsOf(ref.tier).filter((s) => s.bearer === b);
      return list.length ? [{ bearer: BEARER_LABELS[b], text: describeSanctions(list, { notes: true }) }] : [];
    }),
    refersTo: (ref.tier.refersTo ?? []).flatMap((r) => {
      const l = linkToRef(catalog, ref.provision.instrumentId, r, v);
      return l ? [{ label: l.label, permalink: `${origin}${l.href}` }] : [];
    }),
    refersToReading: ref.tier.refersToBy === "reading",
  };
}

/** "Punished under PIPL Art. 66 (2021); DSL Art. 46": what a tier that refers elsewhere says. */
export function referenceText(t: MemoTier): string {
  const w = referralWords(t.refersToReading);
  return `${w.lead} ${t.refersTo.map((r) => r.label).join("; ")}${w.tail}`;
}

/** The wording an item cites: its obligation's paragraph when it names one, else the whole article. */
function quoteOf(texts: LawTexts | undefined, it: MemoItem): MemoQuote | undefined {
  const article = texts?.article(it.instrument.id, it.versionId, it.number);
  if (!texts || !article) return undefined;
  const count = article.paragraphs.length;
  const para = it.obligation?.para !== undefined ? article.paragraphs.find((x) => x.number === it.obligation?.para) : undefined;
  const pin = para ? { para: para.number } : {};
  const title = texts.text(it.instrument.id, it.versionId)?.parsed.title;
  const cite = formatPinpointChinese(it.number, pin, count);
  return { title, cite, paragraphs: (para ? [para] : article.paragraphs).map(paragraphText), label: `Official text (中文原文), ${title ?? ""}${cite}` };
}

export function buildMemo(catalog: Catalog, items: readonly MemoItem[], o: MemoOptions): MemoDocument {
  const actor = o.actorId ? catalog.actorById.get(o.actorId) : undefined;
  const entries = items.map((it): MemoEntry => {
    const { instrument: ins, provision: p, versionId, number } = it;
    const version = ins.versions.find((v) => v.id === versionId);
    const inVersion = p.data.obligations.filter((ob) => appliesIn(ob.versions, p, versionId) && (!it.obligation || ob.id === it.obligation.id));
    const binds = (actors: readonly string[]) => (actor ? actors.some((a) => actor.lineage.has(a)) : undefined);
    const listed = actor ? inVersion.filter((ob) => binds(ob.actors)) : inVersion;
    // Sanctions for breaching the duties listed, from the penalty articles of the same text: only
    // tiers that punish a bearer of those duties (the chosen actor, when there is one).
    const enforcing = listed.length
      ? [...new Map(listed.flatMap((ob) => tiersEnforcing(catalog, p, versionId, { para: ob.para, item: ob.item, id: ob.id, actors: ob.actors }, actor ? [actor.id] : undefined)).map((t) => [t.key, t])).values()]
      : tiersEnforcing(catalog, p, versionId);
    return {
      item: it.path,
      instrument: { id: ins.id, title: ins.data.title, short: ins.data.short.en },
      version: { id: versionId, label: versionName(ins, versionId), official: version?.official ?? ins.data.official[0]?.url },
      article: number,
      label: articleLabel(ins, versionId, number),
      heading: p.data.heading,
      permalink: `${o.origin}/laws/${ins.id}/${versionId}/art-${number}`,
      citation: citeArticle(ins, versionId, number),
      summary: p.data.summary.trim(),
      versionNote: p.data.versionNotes?.[versionId],
      confidence: confidenceIn(ins.versions, versionId, p.data.confidence),
      confidenceNote: loweredConfidenceNote(ins.versions, versionId, p.data.confidence) ?? p.data.confidenceNote,
      draft: ins.data.draft,
      obligation: it.obligation?.id,
      obligations: listed.map((ob) => ({
        id: ob.id,
        duty: ob.duty,
        conditions: ob.conditions,
        actors: ob.actors.map((a) => catalog.actorById.get(a)?.data.label.en ?? a),
        bindsChosenActor: binds(ob.actors),
      })),
      official: quoteOf(o.texts, it),
      otherObligations: inVersion.length - listed.length,
      ownPenalties: p.data.penalties.filter((t) => appliesIn(t.versions, p, versionId)).map((t) => tierView(catalog, tierRef(p, t, versionId), o.origin)),
      enforcedBy: enforcing.map((t) => tierView(catalog, t, o.origin)),
      ...(o.applicable && offersApplicable(ins, p) ? { applicable: memoApplicable(catalog, ins, p, versionId, o.applicable, o.origin) } : {}),
    };
  });
  return {
    title: o.title?.trim() || "Compliance memo",
    dataVersion: catalog.meta.dataVersion,
    asOf: catalog.meta.asOf,
    madeWith: o.madeWith,
    actor: actor ? { id: actor.id, label: actor.data.label.en } : undefined,
    url: `${o.origin}${o.url}`,
    items: entries,
  };
}
