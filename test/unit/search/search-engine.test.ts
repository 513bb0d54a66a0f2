// The search runs its own query loop over MiniSearch's index, for speed. These tests hold it to
// MiniSearch's own answers: the same hits, scores, matched terms and fields, in the same order,
// as three MiniSearch searches merged the way search-index.ts always has.
import MiniSearch, { type SearchResult } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { QueryEngine } from "../../../src/search/engine.js";
import { FuzzyVocabulary } from "../../../src/search/fuzzy.js";
import { buildSearchIndex, documentFor, MINISEARCH_OPTIONS, queryTerms, SUGGEST_FUZZY, type SearchDoc, type SearchHit, type SearchIndex } from "../../../src/search/search-index.js";
import { indexTokenize, stem } from "../../../src/search/tokenize.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
let index: SearchIndex;
let reference: Reference;
type Reference = (query: string, allowed?: ReadonlySet<string>) => SearchHit[];

/** The search as it was written with MiniSearch's search(): exact, synonyms, partial, merged. */
function referenceSearch(catalog: Catalog, index: SearchIndex): Reference {
  const mini = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
  mini.addAll(catalog.provisions.map((p) => documentFor(catalog, p)));
  return (query, allowed) => {
    const expansions = index.expand(query).flatMap((t) => [t.en, t.zh, ...t.aliases.slice(0, 6)]);
    const filter = allowed ? (r: SearchResult) => allowed.has(r.id as string) : undefined;
    const exact: SearchResult[] = mini.search({ queries: [query], combineWith: "AND" } as never, { filter });
    const synonyms: SearchResult[] = expansions.length
      ? mini.search({ combineWith: "OR", queries: expansions.map((e) => ({ queries: [e], combineWith: "AND" as const })) } as never, { filter })
      : [];
    const partial = mini.search(query, { filter });
    const merged = new Map<string, SearchResult>();
    const add = (list: SearchResult[], weight: number) => {
      for (const r of list) {
        const seen = merged.get(r.id as string);
        if (seen) {
          seen.score += r.score * weight;
          seen.queryTerms = [...new Set([...seen.queryTerms, ...r.queryTerms])];
          for (const [term, fields] of Object.entries(r.match)) seen.match[term] = [...new Set([...(seen.match[term] ?? []), ...fields])];
        } else merged.set(r.id as string, { ...r, score: r.score * weight, match: { ...r.match } });
      }
    };
    add(exact, 1);
    add(synonyms, 0.6);
    add(partial, 0.5);
    return [...merged.values()]
      .sort((a, b) => b.score - a.score)
      .map((r) => ({ key: r.id as string, score: r.score, terms: r.queryTerms, fields: [...new Set(Object.values(r.match).flat())] }));
  };
}

beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
  index = buildSearchIndex(catalog);
  reference = referenceSearch(catalog, index);
});

const QUERIES = [
  // the regression table's
  "实名", "real name", "real identity", "真实身份", "decryption", "technical interfaces decryption", "解密", "data localisation", "important data",
  "personal information abroad", "关键信息基础设施", "critical information infrastructure", "subversion", "颠覆国家政权",
  "refuse network security management duty", "拒不履行信息网络安全管理义务", "false information", "编造虚假信息",
  "overseas NGO representative office registration", "境外非政府组织 代表机构 登记", "temporary activities", "professional supervisory unit",
  "terrorism extremism definition", "恐怖主义", "map servers in China", "sexual harassment", "性骚扰", "standard of proof",
  "search results paid listing", "app store", "espionage definition", "network shutdown temporary restriction",
  "decryptoin", "subversoin", "harrassment", "CII 数据 境内存储", "CII data export", "数据出境",
  // prefixes, numbers, repeats, single characters, odd input
  "da", "in", "a", "x", "inform", "regsitration", "personal informaton", "CSL 37", "37", "287-2", "Criminal Law 287-2", "fines over 500000",
  "data data", "network network security", "网络安全法", "网络安全法第三十七条", "法", "网", "zebra", "", "  ", "!!!", "PI", "ISP", "telco",
  "real-identity information", "Überwachung", "ネットワーク", "internationalisationinternationalisation",
  // stop words and the glossary synonyms of issue 16
  "encryption keys", "servers in the mainland", "the of and", "decryption support for the police", "technical support to the police", "VPN",
];

describe("the search engine", () => {
  it.each(QUERIES)("answers %j exactly as MiniSearch's own searches do", (query) => {
    expect(index.search(query)).toEqual(reference(query));
  });

  it("answers exactly as MiniSearch's own searches do within a facet filter", () => {
    for (const instrument of ["cybersecurity-law", "criminal-law", "counterterrorism-law"]) {
      const allowed = new Set(catalog.provisions.filter((p) => p.instrumentId === instrument).map((p) => p.key));
      for (const query of QUERIES) expect(index.search(query, allowed)).toEqual(reference(query, allowed));
    }
  });

  it("keeps MiniSearch's order among equal scores (every provision twice)", () => {
    const twice = { ...catalog, provisions: catalog.provisions.flatMap((p) => [p, { ...p, key: `${p.key}-copy` }]) };
    const twiceIndex = buildSearchIndex(twice);
    const twiceReference = referenceSearch(twice, twiceIndex);
    for (const query of QUERIES.slice(0, 20)) expect(twiceIndex.search(query)).toEqual(twiceReference(query));
  });
});

describe("FuzzyVocabulary", () => {
  it("finds the terms, distances and order SearchableMap.fuzzyGet finds", () => {
    const tree = new SearchableMap<number>();
    for (const p of catalog.provisions) for (const term of indexTokenize(Object.values(documentFor(catalog, p)).join(" "))) tree.set(stem(term), 1);
    const vocabulary = new FuzzyVocabulary([...tree.keys()].reverse());
    const terms = [...tree.keys()];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const queries = ["", "a", "实名", "x".repeat(40), "abcdefghijklmnopqrstuvwxyzabcdef", "abcdefghijklmnopqrstuvwxyzabcdefg"];
    for (let i = 0; i < 150; i++) {
      const t = terms[Math.floor(random() * terms.length)] as string;
      const at = Math.floor(random() * t.length);
      const edit = random();
      queries.push(edit < 0.3 ? t.slice(0, at) + t.slice(at + 1) : edit < 0.6 ? `${t.slice(0, at)}e${t.slice(at)}` : edit < 0.8 ? `${t.slice(0, at)}q${t.slice(at + 1)}` : t);
    }
    for (const [i, q] of queries.entries()) {
      for (const distance of i % 5 === 0 ? [1, 2, 3] : [1, 2]) {
        expect(vocabulary.get(q, distance), `${q} ±${distance}`).toEqual([...tree.fuzzyGet(q, distance)].map(([term, [, d]]) => [term, d]));
      }
    }
  });
});

describe("QueryEngine.termsWithPrefix", () => {
  it("lists the terms SearchableMap.atPrefix lists, in its order", () => {
    const docs = catalog.provisions.map((p) => documentFor(catalog, p));
    const engine = QueryEngine.build(MINISEARCH_OPTIONS, docs);
    const mini = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
    mini.addAll(docs);
    const tree = (mini as unknown as { _index: SearchableMap<unknown> })._index;
    const prefixes = new Set(["", "a", "in", "inf", "informat", "zz", "2", "28", "实", "实名", "-"]);
    for (const term of tree.keys()) for (const n of [1, 2, 3]) prefixes.add(term.slice(0, n));
    for (const prefix of prefixes) expect(engine.termsWithPrefix(prefix), prefix).toEqual([...tree.atPrefix(prefix).keys()]);
  });
});

describe("QueryEngine.suggest", () => {
  // "Did you mean" runs where a search found nothing: misspellings, unknown words, odd input.
  const SUGGEST = [...QUERIES, "netwrk securty", "persnal", "relgion", "extremis", "cybersecurity la", "数据 出", "37 network", "2017 data", "inform inform"];
  let engine: QueryEngine;
  let mini: MiniSearch<SearchDoc>;
  beforeAll(() => {
    const docs = catalog.provisions.map((p) => documentFor(catalog, p));
    engine = QueryEngine.build(MINISEARCH_OPTIONS, docs);
    mini = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
    mini.addAll(docs);
  });

  it.each(SUGGEST)("suggests for %j what MiniSearch's autoSuggest suggests", (query) => {
    expect(engine.suggest(queryTerms(query), SUGGEST_FUZZY)).toEqual(mini.autoSuggest(query, { fuzzy: SUGGEST_FUZZY }));
  });

  it("is what the index offers: the first five suggestions", () => {
    const expected = mini.autoSuggest("decryptoin keys", { fuzzy: SUGGEST_FUZZY });
    expect(expected.length).toBeGreaterThan(0);
    expect(index.suggest("decryptoin keys")).toEqual(expected.slice(0, 5).map((x) => x.suggestion));
  });
});

describe("index fields", () => {
  const tokenize = MINISEARCH_OPTIONS.tokenize as (text: string, field?: string) => string[];
  const names = "Critical information infrastructure operator 关键信息基础设施运营者 CII operator critical infrastructure operator 关基运营者";

  it("counts each word of an article's actor and glossary-term names once, however many aliases repeat it", () => {
    for (const field of ["actors", "terms"]) {
      const tokens = tokenize(names, field);
      expect(tokens.filter((t) => t === "operator")).toHaveLength(1);
      expect(new Set(tokens).size).toBe(tokens.length);
    }
  });

  it("keeps repeated words in our own summaries and duties", () => {
    expect(tokenize(names, "summary").filter((t) => t === "operator")).toHaveLength(3);
  });
});
