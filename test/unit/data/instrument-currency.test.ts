// Pins the later versions and the repeal dates added for issue 14 section 2: no superseded
// text is shown as current, and replaced instruments stop being binding on their repeal date.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog, InstrumentEntry } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { bindingAt, isCurrentText, renamedVersion, versionAt } from "../../../src/query/versions.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const instrument = (id: string): InstrumentEntry => {
  const ins = catalog.instrumentById.get(id);
  if (!ins) throw new Error(`no instrument ${id}`);
  return ins;
};
const numbers = (key: string) => {
  const p = catalog.provisionByKey.get(key);
  if (!p) throw new Error(`no provision ${key}`);
  return p.data.numbers;
};

describe("later versions", () => {
  // MOJ Order No. 142: promulgated 2018-12-05, in force 2019-01-15, revised Arts. 3 and 4.
  it("shows the law-firm Measures as amended by MOJ Order 142 as current, not the 2016 text", () => {
    const ins = instrument("law-firm-measures");
    expect(ins.versions.map((v) => v.id)).toEqual(["2016-11-01", "2019-01-15"]);
    expect(versionAt(ins, "2018-12-31")).toBe("2016-11-01");
    expect(versionAt(ins, "2019-01-15")).toBe("2019-01-15");
    expect(isCurrentText(ins, "2016-11-01", "2026-12-01")).toBe(false);
    expect(isCurrentText(ins, "2019-01-15", "2026-12-01")).toBe(true);
    expect(ins.data.dates.amendments.at(-1)).toMatchObject({ inForce: "2019-01-15", version: "2019-01-15" });
    expect(numbers("law-firm-measures/p4")["2019-01-15"]).toBe("4");
  });

  // The adopted wording of Order No. 142 has not been read: the 2018 draft's wording is not law.
  it("keeps the 2016 Party-organisation duties of Art. 4 out of the 2019 text, and gives none from the draft", () => {
    const p = catalog.provisionByKey.get("law-firm-measures/p4")?.data;
    const in2019 = p?.obligations.filter((o) => o.versions === undefined || o.versions.includes("2019-01-15")).map((o) => o.id);
    expect(in2019).toEqual([]);
    expect(p?.unread).toEqual({ "2019-01-15": [1] });
    expect(p?.confidence).toBe("low");
  });

  it("gives the private-network audio-visual provisions their 2021 amended text", () => {
    const ins = instrument("private-network-audiovisual-provisions");
    expect(ins.currentVersion).toBe("2021-03-23");
    expect(isCurrentText(ins, "2016-06-01", "2026-12-01")).toBe(false);
    // Arts. 16 and 21 could not be read in either version.
    expect(catalog.provisionByKey.get("private-network-audiovisual-provisions/p16")?.data.unread).toEqual({
      "2016-06-01": [1],
      "2021-03-23": [1],
    });
  });

  // CAC, issued 2022-06-14, in force 2022-08-01; renumbered, so Arts. 7 and 8 of 2016 are not carried over.
  it("gives the 2022 mobile-app revision a version of its own, in force 2022-08-01", () => {
    const ins = instrument("mobile-app-provisions");
    expect(ins.data.status).toBe("in-force");
    expect(ins.currentVersion).toBe("2022-08-01");
    expect(versionAt(ins, "2022-07-31")).toBe("2016-08-01");
    expect(bindingAt(ins, "2026-12-01")).toBe(true);
    expect(numbers("mobile-app-provisions/p7")).toEqual({ "2016-08-01": "7" });
    expect(numbers("mobile-app-provisions/p2")).toEqual({ "2016-08-01": "2", "2022-08-01": "2" });
  });
});

describe("repealed and replaced instruments", () => {
  // No express repeal of the 2015 account-name rules has been established: no repeal date is asserted.
  it("gives the account-name rules no repeal date, and a status that says their standing is unconfirmed", () => {
    const ins = instrument("account-name-regulations");
    expect([ins.data.dates.repealed, ins.data.status]).toEqual([undefined, "unknown"]);
    expect(bindingAt(ins, "2015-02-28")).toBe(false);
    expect(bindingAt(ins, "2018-06-01")).toBe(true);
  });

  it("treats the 2015 Party-groups trial regulations as binding in 2018 but not after the 2019 revision", () => {
    const ins = instrument("party-groups-regulations");
    expect(bindingAt(ins, "2018-06-01")).toBe(true);
    expect(bindingAt(ins, "2019-04-16")).toBe(false);
  });
});

describe("corrected dates", () => {
  // 国资发研究〔2008〕1号 is dated 29 December 2007.
  it("dates the central-SOE CSR guidelines 2007-12-29 and redirects the former id", () => {
    const ins = instrument("central-soe-csr-guidelines");
    expect(ins.versions.map((v) => v.id)).toEqual(["2007-12-29"]);
    expect(ins.data.dates.promulgated).toBe("2007-12-29");
    expect(renamedVersion(ins, "2008-01-04")).toBe("2007-12-29");
  });
});

describe("penalties not read from the article are not shown", () => {
  it("lists no penalty for Xinjiang Measures Arts. 49, 50 and 54, whose text could not be read", () => {
    for (const n of ["p49", "p50", "p54"]) {
      const p = catalog.provisionByKey.get(`xinjiang-counterterrorism-measures/${n}`)?.data;
      expect(p?.penalties).toEqual([]);
      expect(p?.confidence).toBe("low");
    }
  });

  it("no longer files the Internet-sovereignty concern under National Security Law Art. 25", () => {
    const nsl = catalog.provisionByKey.get("national-security-law/p25")?.data;
    expect(nsl?.concerns.some((c) => c.text.includes("sovereignty"))).toBe(false);
    const csl = catalog.provisionByKey.get("cybersecurity-law/p1")?.data;
    expect(csl?.concerns.some((c) => c.text.includes("Internet sovereignty"))).toBe(true);
  });
});
