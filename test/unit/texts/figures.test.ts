import { describe, expect, it } from "vitest";
import { findFigures, parseChineseQuantity, referencedArticles } from "../../../src/texts/figures.js";

describe("parseChineseQuantity", () => {
  it.each([
    ["五万", 50000],
    ["一百万", 1000000],
    ["五千万", 50000000],
    ["十五", 15],
    ["一千零五", 1005],
    ["二十", 20],
    ["两千", 2000],
    ["50万", 500000],
    ["1,000", 1000],
    ["一亿", 100000000],
  ])("%s = %d", (text, value) => expect(parseChineseQuantity(text)).toBe(value));
});

describe("findFigures", () => {
  const one = (text: string) => {
    const f = findFigures(text);
    expect(f).toHaveLength(1);
    const { unit, min, max, below, text: written } = f[0] as NonNullable<(typeof f)[0]>;
    return { unit, min, max, below, text: written };
  };
  it.each([
    ["处五万元以上五十万元以下罚款", { unit: "CNY", min: 50000, max: 500000, text: "五万元以上五十万元以下" }],
    ["处五万以上五十万元以下罚款", { unit: "CNY", min: 50000, max: 500000, text: "五万以上五十万元以下" }],
    ["处一百万元以下罚款", { unit: "CNY", max: 1000000, text: "一百万元以下" }],
    ["处五十万元以上罚款", { unit: "CNY", min: 500000, text: "五十万元以上" }],
    ["处十五日以下拘留", { unit: "days", max: 15, text: "十五日以下" }],
    ["处三个月以上六个月以下", { unit: "months", min: 3, max: 6, text: "三个月以上六个月以下" }],
    ["处十年以上有期徒刑", { unit: "years", min: 10, text: "十年以上" }],
    ["期限为三年至五年", { unit: "years", min: 3, max: 5, text: "三年至五年" }],
    ["决定自处罚完毕之日起六个月至三年以内不准其出境", { unit: "months", min: 6, max: 36, text: "六个月至三年" }],
    ["五年内不得担任", { unit: "years", min: 5, max: 5, text: "五年" }],
    ["处违法所得一倍以上十倍以下罚款", { unit: "multiple", min: 1, max: 10, text: "一倍以上十倍以下" }],
    ["上一年度营业额百分之五以下罚款", { unit: "percent", max: 5, text: "百分之五以下" }],
    ["违法所得不足十万元的", { unit: "CNY", below: 100000, text: "不足十万元" }],
    ["不超过三十日", { unit: "days", max: 30, text: "不超过三十日" }],
  ])("%s", (text, expected) => expect(one(text)).toEqual({ min: undefined, max: undefined, below: undefined, ...expected }));

  it("reads no figure in a date or in 上一年度", () => {
    expect(findFigures("本法自二〇一七年六月一日起施行，按上一年度营业额计算")).toEqual([]);
  });

  it("gives each figure its place in the text", () => {
    const text = "处一万元以上十万元以下罚款，对主管人员处五千元以下罚款";
    expect(findFigures(text).map((f) => text.slice(f.start, f.end))).toEqual(["一万元以上十万元以下", "五千元以下"]);
  });
});

describe("referencedArticles", () => {
  it("reads the articles and paragraphs of its own law that an article names", () => {
    expect(referencedArticles("违反本法第二十二条第一款、第二款和第四十八条第一款规定")).toEqual([
      { number: "22", paragraphs: [1, 2] },
      { number: "48", paragraphs: [1] },
    ]);
  });
  it("expands a span 第四十一条至第四十三条 and reads 之二", () => {
    expect(referencedArticles("违反本法第四十一条至第四十三条、第二百八十七条之二规定").map((r) => r.number)).toEqual(["41", "42", "43", "287-2"]);
  });
  it("ignores other laws, 前款 and the rule applied (依照本法第…条)", () => {
    expect(referencedArticles("违反《其他法》第五条和前款规定的，依照本法第四十七条规定的标准处罚")).toEqual([]);
  });
  it("reads 本条例 in regulations", () => {
    expect(referencedArticles("违反本条例第三十四条规定").map((r) => r.number)).toEqual(["34"]);
  });
});
