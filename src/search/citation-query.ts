// Recognises citations typed as queries: "CSL 37", "cybersecurity law art. 37", "Art 37 CSL",
// "网络安全法第三十七条", "网络安全法第37条", "Criminal Law 287-2", "第二百八十七条之二".
import { parseChineseArticle } from "../domain/article-number.js";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { provisionsNumbered } from "../query/versions.js";

export interface CitationHit {
  instrument: InstrumentEntry;
  number: string;
  candidates: { provision: ProvisionEntry; versions: string[] }[]; // earliest meaning first
}

function namesOf(ins: InstrumentEntry): string[] {
  const d = ins.data;
  const zhShort = d.title.zh.replace(/^中华人民共和国/, "");
  return [d.short.en, d.short.zh ?? "", d.title.en, d.title.zh, zhShort, ins.id.replace(/-/g, " "), d.title.en.replace(/ of the People's Republic of China$/, ""), ...d.aliases]
    .map((n) => n.toLowerCase().replace(/[《》]/g, "").trim())
    .filter((n) => n.length >= 2);
}

export function parseCitationQuery(catalog: Catalog, query: string): CitationHit[] {
  const q = query.toLowerCase().replace(/[《》]/g, "").replace(/\s+/g, " ").trim();
  const zhNumber = parseChineseArticle(q);
  const latin = /(?:^|\s|art(?:icle)?s?\.?\s*)(\d{1,4}(?:-\d{1,2})?)(?:\s|$|\()/.exec(` ${q.replace(/[()]/g, " ")} `);
  const number = zhNumber ?? latin?.[1];
  if (!number) return [];

  // The instrument named in the query: the longest name that occurs in it.
  let best: { ins: InstrumentEntry; length: number } | undefined;
  for (const ins of catalog.instruments) {
    for (const name of namesOf(ins)) {
      const re = /^[a-z0-9 ]+$/.test(name) ? new RegExp(`(^|[^a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z0-9]|$)`) : undefined;
      const found = re ? re.test(q) : q.includes(name);
      if (found && (!best || name.length > best.length)) best = { ins, length: name.length };
    }
  }
  const rest = best ? "" : q.replace(/第.*条(之.*)?/, "").replace(/art(icle)?\.?/g, "").replace(number, "").trim();
  // A bare number is a citation only when nothing else was typed and it is unusual enough
  // to name one provision (287-2 does; 37 alone does not).
  const pool = best ? [best.ins] : rest === "" && (number.includes("-") || zhNumber) ? catalog.instruments : [];
  const hits: CitationHit[] = [];
  for (const ins of pool) {
    const candidates = provisionsNumbered(ins, number).sort((a, b) => (a.versions[0] ?? "").localeCompare(b.versions[0] ?? ""));
    if (candidates.length) hits.push({ instrument: ins, number, candidates });
  }
  return hits;
}

/** One article a citation can mean: an instrument's text that numbers it so. */
export interface CitationTarget {
  instrument: InstrumentEntry;
  provision: ProvisionEntry;
  versionId: string;
  number: string;
  /** Its number in the current text when that differs; null when it is not in the current text. */
  now?: string | null;
}

export function citationTargets(hits: readonly CitationHit[]): CitationTarget[] {
  return hits.flatMap((h) =>
    h.candidates.flatMap(({ provision, versions }) =>
      versions.map((versionId) => {
        const current = provision.data.numbers[h.instrument.currentVersion];
        return { instrument: h.instrument, provision, versionId, number: h.number, now: current === h.number ? undefined : (current ?? null) };
      }),
    ),
  );
}
