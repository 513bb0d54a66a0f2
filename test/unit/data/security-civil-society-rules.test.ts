// Facts of the criminal, security and civil-society instruments, each read from the official
// text named beside it, pinned so that a change to the rules that contradicts the text fails.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const tier = (key: string, id: string) => catalog.provisionByKey.get(key)?.data.penalties.find((t) => t.id === id);

describe("criminal thresholds as data", () => {
  // 网络诽谤解释 第二条(一): 点击、浏览次数达到五千次以上，或者被转发次数达到五百次以上.
  it("give the online-defamation interpretation's 5,000 views or 500 reposts as thresholds of Art. 2's tier", () => {
    const t = tier("online-defamation-interpretation/p2", "serious");
    expect(t?.thresholds).toEqual([
      { measure: "views", atLeast: 5000, unit: "times" },
      { measure: "reposts", atLeast: 500, unit: "times" },
    ]);
    expect(t?.refersTo).toEqual(["criminal-law/p246.1"]);
  });

  // 第七条: 个人 五万元 / 二万元, 单位 十五万元 / 五万元; 五倍以上 情节特别严重.
  it("give Art. 7's amounts per bearer, and five times them for especially serious circumstances", () => {
    expect(tier("online-defamation-interpretation/p7", "serious")?.thresholds).toEqual([
      { measure: "business-volume", bearer: "individual", atLeast: 50000, unit: "CNY" },
      { measure: "illegal-gains", bearer: "individual", atLeast: 20000, unit: "CNY" },
      { measure: "business-volume", bearer: "entity", atLeast: 150000, unit: "CNY" },
      { measure: "illegal-gains", bearer: "entity", atLeast: 50000, unit: "CNY" },
    ]);
    const worse = tier("online-defamation-interpretation/p7", "especially-serious");
    expect(worse?.escalates).toBe("serious");
    expect(worse?.thresholds?.every((x) => x.unit === "multiple" && x.atLeast === 5)).toBe(true);
  });
});
