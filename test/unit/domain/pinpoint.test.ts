import { describe, expect, it } from "vitest";
import { formatPinpointChinese, formatPinpointEnglish, parseProvisionRef, pinpointAnchor, provisionOfRef } from "../../../src/domain/pinpoint.js";

describe("pinpoints", () => {
  it.each([
    ["p22", { provision: "p22" }],
    ["p22.1", { provision: "p22", para: 1 }],
    ["p21.1.3", { provision: "p21", para: 1, item: 3 }],
    ["counterterrorism-law/p18.2", { instrument: "counterterrorism-law", provision: "p18", para: 2 }],
    ["p20-v2026.2", { provision: "p20-v2026", para: 2 }],
    ["p287-2", { provision: "p287-2" }],
  ])("reads %s", (ref, parsed) => {
    expect(parseProvisionRef(ref)).toEqual(parsed);
  });

  it.each(["p0", "p22.", "p22.0", "p22.1.2.3", "22", "P22", "law/p22.x"])("refuses %s", (ref) => {
    expect(parseProvisionRef(ref)).toBeUndefined();
  });

  it("drops the pinpoint to name the provision", () => {
    expect(provisionOfRef("counterterrorism-law/p18.2")).toBe("counterterrorism-law/p18");
    expect(provisionOfRef("p20-v2026")).toBe("p20-v2026");
  });

  it.each([
    ["22", {}, undefined, "Art. 22", "第二十二条", ""],
    ["22", { para: 1 }, undefined, "Art. 22 para. 1", "第二十二条第一款", "#para-1"],
    ["21", { para: 1, item: 3 }, undefined, "Art. 21 para. 1(3)", "第二十一条第一款第（三）项", "#para-1-item-3"],
    ["21", { para: 1, item: 3 }, 1, "Art. 21(3)", "第二十一条第（三）项", "#para-1-item-3"],
    ["287-2", { para: 2 }, 3, "Art. 287-2 para. 2", "第二百八十七条之二第二款", "#para-2"],
  ])("cites Art. %s %j in both styles and anchors it", (number, pin, count, en, zh, anchor) => {
    expect(formatPinpointEnglish(number, pin, count)).toBe(en);
    expect(formatPinpointChinese(number, pin, count)).toBe(zh);
    expect(pinpointAnchor(pin)).toBe(anchor);
  });
});
