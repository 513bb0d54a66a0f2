// findStatedFigures: the figures a memo states, in English and Chinese.
import { describe, expect, it } from "vitest";
import { findStatedFigures } from "../../../src/citations/stated-figures.js";

describe("findStatedFigures", () => {
  it.each([
    ["a fine of up to RMB 1 million", { unit: "CNY", max: 1000000 }],
    ["RMB 10,000-100,000", { unit: "CNY", min: 10000, max: 100000 }],
    ["RMB 50,000 to 500,000", { unit: "CNY", min: 50000, max: 500000 }],
    ["RMB 1-10 million", { unit: "CNY", min: 1000000, max: 10000000 }],
    ["100,000 yuan or more", { unit: "CNY", min: 100000 }],
    ["a fine of RMB 500,000", { unit: "CNY", min: 500000, max: 500000 }],
    ["1 to 10 times the illegal gains", { unit: "multiple", min: 1, max: 10 }],
    ["up to 5% of turnover", { unit: "percent", max: 5 }],
    ["five per cent", { unit: "percent", min: 5, max: 5 }],
    ["detention of up to 15 days", { unit: "days", max: 15 }],
    ["5 to 15 days", { unit: "days", min: 5, max: 15 }],
    ["处五万元以上五十万元以下罚款", { unit: "CNY", min: 50000, max: 500000 }],
    ["上一年度营业额百分之五以下", { unit: "percent", max: 5 }],
    ["违法所得一倍以上十倍以下", { unit: "multiple", min: 1, max: 10 }],
    ["处50万元罚款", { unit: "CNY", min: 500000, max: 500000 }],
  ])("%s", (text, expected) => {
    const found = findStatedFigures(text);
    expect(found).toHaveLength(1);
    const f = found[0];
    expect({ unit: f?.unit, min: f?.min, max: f?.max }).toEqual({ min: undefined, max: undefined, ...expected });
  });

  it("reads no figure in article numbers and dates", () => {
    expect(findStatedFigures("CSL Art. 21(3), in force on 1 June 2017 (2016年11月7日)")).toEqual([]);
  });
});
