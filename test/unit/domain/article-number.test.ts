import { describe, expect, it } from "vitest";
import { compareArticleNumbers, formatChineseArticle, fromChineseNumeral, parseArticleNumber, parseChineseArticle, toChineseNumeral } from "../../../src/domain/article-number.js";

describe("article numbers", () => {
  it("sort as numbers, sub-articles after their main article", () => {
    const shuffled = ["287-2", "120-6", "288", "105", "286-1", "287", "253-1", "120-3", "287-1", "37", "9"];
    expect([...shuffled].sort(compareArticleNumbers)).toEqual(["9", "37", "105", "120-3", "120-6", "253-1", "286-1", "287", "287-1", "287-2", "288"]);
  });

  it.each([
    ["37", { main: 37, sub: 0 }],
    ["287-2", { main: 287, sub: 2 }],
    [" 5 ", { main: 5, sub: 0 }],
  ])("parses %s", (text, expected) => {
    expect(parseArticleNumber(text)).toEqual(expected);
  });

  it.each(["", "0", "37a", "-2", "287-", "1-2-3"])("rejects %j", (text) => {
    expect(parseArticleNumber(text)).toBeUndefined();
  });

  it.each([
    [1, "一"],
    [10, "十"],
    [12, "十二"],
    [37, "三十七"],
    [105, "一百零五"],
    [110, "一百一十"],
    [287, "二百八十七"],
    [1010, "一千零一十"],
  ])("writes %i as %s", (n, zh) => {
    expect(toChineseNumeral(n)).toBe(zh);
    expect(fromChineseNumeral(zh)).toBe(n);
  });

  it.each([
    ["37", "第三十七条"],
    ["287-2", "第二百八十七条之二"],
    ["120-6", "第一百二十条之六"],
  ])("formats %s as %s", (n, zh) => {
    expect(formatChineseArticle(n)).toBe(zh);
  });

  it.each([
    ["网络安全法第三十七条", "37"],
    ["网络安全法第37条", "37"],
    ["第二百八十七条之二", "287-2"],
    ["刑法第 291 条之一", "291-1"],
    ["没有条文", undefined],
  ])("reads %s", (text, n) => {
    expect(parseChineseArticle(text)).toBe(n);
  });
});
