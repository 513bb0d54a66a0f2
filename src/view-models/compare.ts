// The ways into the side-by-side penalty comparison: the penalty articles to compare a page's
// article with, and suggested pairs for /penalties/compare when no article is named.
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import { articleLabel } from "../domain/version-name.js";
import { appliesIn, displayVersion } from "../query/versions.js";

export interface CompareChoice {
  value: string; // a pinned article path: instrument/version/art-n
  label: string; // "CTL Art. 84 (2018) · Refusing technical support …"
}

const pinned = (ins: InstrumentEntry, p: ProvisionEntry, v: string) => `${ins.id}/${v}/art-${p.data.numbers[v]}`;
const choice = (ins: InstrumentEntry, p: ProvisionEntry, v: string): CompareChoice => ({ value: pinned(ins, p, v), label: `${articleLabel(ins, v, p.data.numbers[v] as string)} · ${p.data.heading.en}` });

/** Every article that sets a sanction, in the text it is shown in, drafts last. */
export function penaltyArticleChoices(catalog: Catalog): CompareChoice[] {
  const out: CompareChoice[] = [];
  for (const ins of [...catalog.instruments].sort((a, b) => Number(a.data.draft) - Number(b.data.draft))) {
    for (const p of ins.provisions) if (p.data.penalties.length) out.push(choice(ins, p, displayVersion(ins, p)));
  }
  return out;
}

/** The same penalty article in the instrument's other texts, where its sanctions apply there. */
export function otherTextsOf(catalog: Catalog, p: ProvisionEntry, versionId: string): CompareChoice[] {
  const ins = catalog.instrumentById.get(p.instrumentId);
  if (!ins) return [];
  return p.versionIds.filter((v) => v !== versionId && p.data.penalties.some((t) => appliesIn(t.versions, p, v))).map((v) => choice(ins, p, v));
}

export interface SuggestedPair {
  title: string;
  note: string;
  href: string;
  labels: string[];
}

// Pairs a researcher often wants side by side: [lineage key, which text] for each column.
const CURATED: { title: string; note: string; columns: [string, "first" | "last"][] }[] = [
  {
    title: "Technical support to the police",
    note: "A network operator that refuses technical support to public security and state security organs, under the Cybersecurity Law, against a telecom operator or internet service provider that refuses technical interfaces and decryption, under the Counterterrorism Law.",
    columns: [["cybersecurity-law/p69", "first"], ["counterterrorism-law/p84", "last"]],
  },
  {
    title: "Personal information: administrative fine or crime",
    note: "The Cybersecurity Law's fines for infringing personal information against the Criminal Law's crime of infringing citizens' personal information.",
    columns: [["cybersecurity-law/p64", "first"], ["criminal-law/p253-1", "last"]],
  },
  {
    title: "Data stored abroad, and technical support refused",
    note: "A CII operator that stores data abroad, under the Cybersecurity Law, against the Counterterrorism Law's sanctions for refusing technical support.",
    columns: [["cybersecurity-law/p66", "first"], ["counterterrorism-law/p84", "last"]],
  },
];

/**
 * Suggested comparisons: the curated pairs the rules hold, then each amended penalty article
 * before and after its amendment (`amendedPairs`: pinned paths, older first).
 */
export function suggestedPairs(catalog: Catalog, amendedPairs: readonly { title: string; columns: { id: string; label: string }[] }[]): SuggestedPair[] {
  const out: SuggestedPair[] = [];
  for (const c of CURATED) {
    const columns = c.columns.map(([key, which]) => {
      const p = catalog.provisionByKey.get(key);
      const ins = p && catalog.instrumentById.get(p.instrumentId);
      const versions = p?.versionIds.filter((v) => p.data.penalties.some((t) => appliesIn(t.versions, p, v))) ?? [];
      const v = which === "first" ? versions[0] : versions.at(-1);
      return p && ins && v ? { id: pinned(ins, p, v), label: articleLabel(ins, v, p.data.numbers[v] as string) } : undefined;
    });
    if (columns.every((x) => x !== undefined)) out.push({ title: c.title, note: c.note, href: `/penalties/compare?ids=${columns.map((x) => x.id).join(",")}`, labels: columns.map((x) => x.label) });
  }
  const seen = new Set(out.map((x) => x.href));
  for (const a of amendedPairs) {
    const href = `/penalties/compare?ids=${a.columns.map((c) => c.id).join(",")}`;
    if (seen.has(href) || seen.size >= CURATED.length + 3) continue;
    seen.add(href);
    out.push({ title: a.title, note: "The same article before and after the amendment, tier by tier.", href, labels: a.columns.map((c) => c.label) });
  }
  return out;
}
