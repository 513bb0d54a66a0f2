// The whole text of one version on one page (/laws/<id>/<version>/text), as legislation.gov.uk
// prints a whole act: chapters and sections as headings, a contents list, and every article with
// its number in every text, our summary, its duties and penalties as markers that link to the
// article page, and the official Chinese paragraphs beside it where the text is loaded.
//
// The articles are those the rules encode in this version and, where the official text is
// loaded, every article of that text as well: an article we have not summarised is still part
// of the law, so it is printed with its official wording and said to be not summarised here.
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { formatDate, permalink } from "../domain/citation.js";
import { compareArticleNumbers } from "../domain/article-number.js";
import { LEVEL_LABELS, tierLevel, referralWords } from "../domain/penalty-arithmetic.js";
import type { Version } from "../domain/rules-schema.js";
import { versionName, versionTag } from "../domain/version-name.js";
import { appliesIn } from "../query/versions.js";
import type { LawTexts } from "../texts/load-law-texts.js";
import type { TextArticle } from "../texts/parse-law-text.js";
import { buildArticlePage } from "./article-page.js";
import { instrumentLabels } from "./instrument-view.js";
import { figureMarker, officialParagraphs, type ParagraphView } from "./official-text.js";

export interface WholeTextMarker {
  kind: "duty" | "penalty";
  label: string; // "Duty: network operator", "Penalty: refusal to correct"
  title: string; // the duty or the sanctions, in full: the marker's tooltip
  href: string; // the article page, at that duty or tier
}

export interface WholeTextArticle {
  number: string;
  id: string; // the anchor: art-37
  href?: string; // the article page; none for an article the rules do not encode
  heading?: { en: string; zh?: string };
  summary?: string;
  versionNote?: string;
  numbers: { label: string; number?: string; href?: string }[]; // the article's number in every other text ("—": not in it)
  markers: WholeTextMarker[];
  official: ParagraphView[]; // empty: the official text is not loaded, or lacks this article
  confidence?: string; // set when below high
}

export interface WholeTextGroup {
  id: string; // the anchor: part-1
  heading?: { en?: string; zh?: string }; // none: articles before any chapter
  articles: WholeTextArticle[];
}

export interface WholeTextPage {
  title: string;
  description: string;
  instrument: { id: string; title: { en: string; zh: string }; short: string; href: string; draft: boolean };
  version: { id: string; label: string; inForce: string; href: string; current: boolean; official?: string };
  otherVersions: { label: string; href: string }[];
  groups: WholeTextGroup[];
  articleCount: number;
  summarised: number; // articles the rules encode
  officialLoaded: boolean;
  officialTitle?: string;
  officialReason?: string; // when the official text is not loaded: why
}

interface Entry {
  number: string;
  provision?: ProvisionEntry;
  text?: TextArticle;
}

export function buildWholeText(catalog: Catalog, ins: InstrumentEntry, versionId: string, texts: LawTexts, origin: string): WholeTextPage {
  const version = ins.versions.find((v) => v.id === versionId) as Version;
  const loaded = texts.status(ins.id, versionId) === "loaded" ? texts.text(ins.id, versionId) : undefined;
  const byNumber = new Map<string, Entry>();
  for (const p of ins.provisions) {
    const n = p.data.numbers[versionId];
    if (n !== undefined) byNumber.set(n, { number: n, provision: p });
  }
  for (const a of loaded?.parsed.articles ?? []) {
    const e = byNumber.get(a.number);
    if (e) e.text = a;
    else byNumber.set(a.number, { number: a.number, text: a });
  }
  const entries = [...byNumber.values()].sort((a, b) => compareArticleNumbers(a.number, b.number));

  const groups: (WholeTextGroup & { textChapter?: string })[] = [];
  for (const e of entries) {
    const rulesChapter = e.provision?.data.chapter;
    const textChapter = e.text?.chapter;
    const current = groups.at(-1);
    const same =
      current !== undefined &&
      (rulesChapter ? current.heading?.en === rulesChapter.en || (!current.heading?.en && !!textChapter && current.textChapter === textChapter) : textChapter ? current.textChapter === textChapter : true);
    if (same && current) {
      if (rulesChapter && !current.heading?.en) current.heading = { en: rulesChapter.en, zh: rulesChapter.zh ?? current.heading?.zh };
      current.textChapter ??= textChapter;
      current.articles.push(articleView(catalog, ins, versionId, e, origin));
      continue;
    }
    const heading = rulesChapter ? { en: rulesChapter.en, zh: rulesChapter.zh ?? textChapter } : textChapter ? { zh: textChapter } : undefined;
    groups.push({ id: `part-${groups.length + 1}`, heading, textChapter, articles: [articleView(catalog, ins, versionId, e, origin)] });
  }

  const label = versionName(ins, versionId);
  const articleCount = entries.length;
  return {
    title: `${ins.data.title.en}: the whole ${label}`,
    description: `The whole ${label} of the ${ins.data.title.en} (${ins.data.title.zh}), in force from ${formatDate(versionId)}: ${articleCount} articles, each with its summary${loaded ? " and its official Chinese text" : ""}.`,
    instrument: { ...instrumentLabels(ins), href: `/laws/${ins.id}`, draft: ins.data.draft },
    version: { id: versionId, label, inForce: formatDate(versionId), href: `/laws/${ins.id}/${versionId}`, current: versionId === ins.currentVersion, official: version.official ?? ins.data.official[0]?.url },
    otherVersions: ins.versions.filter((v) => v.id !== versionId).map((v) => ({ label: versionName(ins, v.id), href: `/laws/${ins.id}/${v.id}/text` })),
    groups: groups.map(({ textChapter: _, ...g }) => g),
    articleCount,
    summarised: entries.filter((e) => e.provision).length,
    officialLoaded: loaded !== undefined,
    officialTitle: loaded?.parsed.title,
    officialReason: loaded ? undefined : texts.status(ins.id, versionId) === "not-configured" ? "The official Chinese text is not loaded on this server: each article shows our summary." : "No official Chinese text of this version is loaded on this server: each article shows our summary.",
  };
}

function articleView(catalog: Catalog, ins: InstrumentEntry, versionId: string, e: Entry, origin: string): WholeTextArticle {
  const id = `art-${e.number}`;
  const official = e.text ? officialParagraphs(e.number, e.text, figureMarker(e.provision, versionId).segmentsOf, `${id}-`) : [];
  const p = e.provision;
  if (!p) return { number: e.number, id, numbers: [], markers: [], official };
  const page = buildArticlePage(catalog, ins, p, versionId, origin);
  const href = permalink(ins.id, versionId, e.number);
  const markers: WholeTextMarker[] = [
    ...page.obligations.map((o) => ({ kind: "duty" as const, label: `Duty: ${o.actors.map((a) => a.label).join(", ")}`, title: o.duty, href: `${href}#obligation-${o.id}` })),
    ...p.data.penalties
      .filter((t) => appliesIn(t.versions, p, versionId))
      .map((t) => {
        const view = page.tiers.find((x) => x.id === t.id);
        const rows = view?.rows.map((r) => `${r.bearer}: ${r.kind}${r.amount ? ` ${r.amount}` : ""}`) ?? [];
        const refers = view?.refersTo.map((r) => r.label) ?? [];
        const title = [t.trigger, ...rows, ...(refers.length ? [`${referralWords(t.refersToBy === "reading").lead} ${refers.join(", ")}${referralWords(t.refersToBy === "reading").tail}`] : [])].join(" · ");
        return { kind: "penalty" as const, label: `Penalty: ${LEVEL_LABELS[tierLevel(t)].replace(/^./, (c) => c.toLowerCase())}`, title, href: `${href}#tier-${t.id}` };
      }),
  ];
  return {
    number: e.number,
    id,
    href,
    heading: p.data.heading,
    summary: p.data.summary,
    versionNote: p.data.versionNotes?.[versionId],
    numbers: ins.versions
      .filter((v) => v.id !== versionId)
      .map((v) => {
        const n = p.data.numbers[v.id];
        return { label: versionTag(ins, v.id), number: n, href: n ? permalink(ins.id, v.id, n) : undefined };
      }),
    markers,
    official,
    confidence: p.data.confidence === "high" ? undefined : p.data.confidence,
  };
}
