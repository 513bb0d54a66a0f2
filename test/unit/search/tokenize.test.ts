import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { indexTokenize, queryTokenize } from "../../../src/search/tokenize.js";

describe("the tokenizer", () => {
  it.each([
    ["Real-name registration", ["real-name", "registration"]],
    ["CSL Art. 287-2", ["csl", "art", "287-2"]],
    ["实名", ["实名"]],
    ["网络运营者", ["网络", "络运", "运营", "营者"]],
    ["名", ["名"]],
    ["CII 关键信息", ["cii", "关键", "键信", "信息"]],
  ])("reads the query %j as %j", (text, tokens) => {
    expect(queryTokenize(text)).toEqual(tokens);
  });

  it("indexes single characters as well as bigrams", () => {
    expect(indexTokenize("实名制")).toEqual(["实", "名", "制", "实名", "名制"]);
  });

  it("finds Chinese text where MiniSearch's default tokenizer finds nothing", () => {
    const docs = [{ id: 1, text: "网络运营者应当要求用户提供真实身份信息" }];
    const plain = new MiniSearch({ fields: ["text"] });
    plain.addAll(docs);
    expect(plain.search("真实身份")).toHaveLength(0);
    const ours = new MiniSearch({ fields: ["text"], tokenize: indexTokenize, searchOptions: { tokenize: queryTokenize } });
    ours.addAll(docs);
    expect(ours.search("真实身份").map((r) => r.id)).toEqual([1]);
    expect(ours.search("身").map((r) => r.id)).toEqual([1]);
  });
});
