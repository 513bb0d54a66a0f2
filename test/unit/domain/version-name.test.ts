import { describe, expect, it } from "vitest";
import { articleLabel, versionName, versionTag } from "../../../src/domain/version-name.js";

const law = (ids: string[], draft = false) => ({ data: { draft, short: { en: "CSL" } }, versions: ids.map((id) => ({ id })) });

describe("version names", () => {
  it.each([
    [["2017-06-01", "2026-01-01"], "2017-06-01", false, "2017 text"],
    [["2017-06-01", "2026-01-01"], "2026-01-01", false, "2026 text"],
    [["2016-03-25"], "2016-03-25", true, "2016 draft"],
    [["2017-01-01", "2017-11-04"], "2017-11-04", false, "4 November 2017 text"],
    [["2017-01-01", "2017-11-04"], "2017-01-01", false, "1 January 2017 text"],
  ])("%j names %s (draft: %s) %j", (ids, id, draft, name) => {
    expect(versionName(law(ids, draft), id)).toBe(name);
  });

  it("puts the text beside an article number wherever the instrument has more than one text", () => {
    expect(articleLabel(law(["2017-06-01", "2026-01-01"]), "2026-01-01", "63")).toBe("CSL Art. 63 (2026)");
    expect(articleLabel(law(["2017-06-01"]), "2017-06-01", "63")).toBe("CSL Art. 63");
    expect(versionTag(law(["2017-01-01", "2017-11-04"]), "2017-11-04")).toBe("4 November 2017");
  });
});
