// findCitations: every citation in a text, with its place, on the real rules.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { findCitations } from "../../../src/search/citation-query.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const one = (text: string) => {
  const found = findCitations(catalog, text);
  expect(found, text).toHaveLength(1);
  const c = found[0] as NonNullable<(typeof found)[0]>;
  return { text: c.text, instrument: c.instrument?.id ?? `unknown: ${c.instrumentName}`, number: c.number, para: c.para, item: c.item, year: c.year, how: c.how };
};

describe("findCitations", () => {
  it.each([
    ["依照《网络安全法》第三十七条的规定", { text: "《网络安全法》第三十七条", instrument: "cybersecurity-law", number: "37" }],
    ["《中华人民共和国网络安全法》第二十一条第（三）项", { instrument: "cybersecurity-law", number: "21", item: 3 }],
    ["个人信息保护法第六十六条第二款", { instrument: "personal-information-protection-law", number: "66", para: 2 }],
    ["《刑法》第二百八十七条之二", { instrument: "criminal-law", number: "287-2" }],
    ["see Article 37 of the Cybersecurity Law.", { text: "Article 37 of the Cybersecurity Law", instrument: "cybersecurity-law", number: "37" }],
    ["CSL Art. 21(3) applies", { text: "CSL Art. 21(3)", number: "21", item: 3 }],
    ["PIPL 38 governs", { text: "PIPL 38", instrument: "personal-information-protection-law", number: "38" }],
    ["PIPL Art. 66 para. 2", { number: "66", para: 2 }],
    ["Article 21, paragraph 1, item (3) of the CSL", { number: "21", para: 1, item: 3 }],
    ["CSL Art. 64 (2017)", { text: "CSL Art. 64 (2017)", year: "2017" }],
    ["CSL (2017) Art. 64", { year: "2017" }],
    ["the 2017 CSL Art. 66", { year: "2017", number: "66" }],
    ["Art. 37 CSL", { instrument: "cybersecurity-law", number: "37" }],
    ["《电子商务法》第十条", { instrument: "unknown: 电子商务法", number: "10" }],
    ["Article 5 of the Foreign Trade Law", { instrument: "unknown: Foreign Trade Law", number: "5" }],
  ])("%s", (text, expected) => {
    expect(one(text)).toMatchObject(expected);
  });

  it('reads a bare "Art. 40" after a law named earlier in the same paragraph, and not across paragraphs', () => {
    const found = findCitations(catalog, "The PIPL sets duties. Art. 40 requires a local store.\n\nArt. 41 is elsewhere.");
    expect(found.map((c) => [c.text, c.how, c.instrument?.id])).toEqual([["Art. 40", "context", "personal-information-protection-law"]]);
  });

  it("cites the first article of a range, and reads 287-2 as 之二", () => {
    expect(findCitations(catalog, "CSL Arts. 41-43 (2017)").map((c) => c.number)).toEqual(["41"]);
    expect(findCitations(catalog, "Criminal Law Art. 287-2").map((c) => c.number)).toEqual(["287-2"]);
  });

  it('does not take "Article 5 of the contract" after a named law for that law', () => {
    expect(findCitations(catalog, "The PIPL applies. Article 5 of the contract says otherwise.")).toEqual([]);
  });

  it("finds no citation in figures, years and prose", () => {
    expect(findCitations(catalog, "PIPL 2021 introduced fines of RMB 50 million; nil 5; 5 years; CSL 5% of turnover.")).toEqual([]);
  });

  it("gives each citation its offsets in the text", () => {
    const text = "Intro. 《网络安全法》第三十七条 and CSL Art. 21.";
    for (const c of findCitations(catalog, text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
