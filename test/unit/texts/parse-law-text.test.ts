import { describe, expect, it } from "vitest";
import { articleText, parseLawText } from "../../../src/texts/parse-law-text.js";

const TEXT = `# 示例法

2020年1月1日 通过

<!-- INFO END -->

## 第一章 总则

第一条 为了测试，制定本法。

第二条 经营者应当履行下列义务:

（一）登记；

(二)报告；

（三）留存记录。

经营者违反前款规定的，依法处理。

## 第二章 附则

第二百八十七条之二　本条以全角空格分隔。

第二百八十八条 本法自公布之日起施行。

## 附件

不属于任何条文的附件文字。
`;

describe("parseLawText", () => {
  const parsed = parseLawText(TEXT);

  it("reads the title, the articles by the numbers the rules use, and the chapter above each", () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.title).toBe("示例法");
    expect(parsed.articles.map((a) => a.number)).toEqual(["1", "2", "287-2", "288"]);
    expect(parsed.articleByNumber.get("2")?.chapter).toBe("第一章 总则");
    expect(parsed.articleByNumber.get("287-2")?.chapter).toBe("第二章 附则");
  });

  it("splits an article into paragraphs and items, with full- and half-width item brackets", () => {
    const a = parsed.articleByNumber.get("2");
    expect(a?.paragraphs.map((p) => [p.number, p.text, p.items.map((i) => [i.number, i.text])])).toEqual([
      [1, "经营者应当履行下列义务:", [[1, "登记；"], [2, "报告；"], [3, "留存记录。"]]],
      [2, "经营者违反前款规定的，依法处理。", []],
    ]);
    expect(a?.line).toBe(11);
    expect(a?.paragraphs[0]?.items[2]?.line).toBe(17);
  });

  it("leaves text after a heading that is not an article out of every article", () => {
    expect(articleText(parsed.articleByNumber.get("288") ?? { number: "", line: 0, paragraphs: [] })).toBe("本法自公布之日起施行。");
  });

  it.each([
    ["no article", "# 空\n\n<!-- INFO END -->\n\n一、修改某条。\n", /no article found/, undefined],
    ["a duplicate article", "第一条 甲。\n\n第一条 乙。\n", /Art\. 1 .*appears twice; the first is at line 1/, 3],
    ["articles out of order", "第二条 甲。\n\n第一条 乙。\n", /Art\. 1 follows Art\. 2/, 3],
    ["an item out of sequence", "第一条 甲:\n\n（一）乙；\n\n（三）丙。\n", /item （三） where item 2 was expected/, 5],
  ])("reports %s with its line", (_name, source, message, line) => {
    const problems = parseLawText(source).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.line).toBe(line);
  });
});
