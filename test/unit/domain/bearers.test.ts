import { describe, expect, it } from "vitest";
import { punishesBearer, type IsA } from "../../../src/domain/bearers.js";
import { parseProvisionRef, provisionOfRef } from "../../../src/domain/pinpoint.js";

// network-operator ⊃ cii-operator; state-organ and contractor stand apart.
const parents: Record<string, string[]> = { "cii-operator": ["network-operator"], "network-operator": [], "state-organ": [], contractor: [] };
const isA: IsA = (x, y) => x === y || (parents[x] ?? []).some((p) => isA(p, y));

describe("a penalty reaches a duty only through its bearer", () => {
  it.each([
    { punishes: ["network-operator"], bearers: ["network-operator"], roles: undefined, reaches: true },
    { punishes: ["cii-operator"], bearers: ["network-operator"], roles: undefined, reaches: true }, // a kind of the bearer
    { punishes: ["network-operator"], bearers: ["cii-operator"], roles: undefined, reaches: true },
    { punishes: ["state-organ"], bearers: ["contractor"], roles: undefined, reaches: false }, // DSL Art. 49 and the contractor of Art. 40
    { punishes: ["cii-operator"], bearers: ["network-operator"], roles: ["network-operator"], reaches: false }, // a plain operator is not fined as a CII operator
    { punishes: ["cii-operator"], bearers: ["network-operator"], roles: ["cii-operator"], reaches: true },
    { punishes: ["network-operator"], bearers: ["network-operator"], roles: ["cii-operator"], reaches: true },
    { punishes: ["state-organ"], bearers: ["state-organ", "contractor"], roles: ["contractor"], reaches: false },
    { punishes: undefined, bearers: ["contractor"], roles: ["contractor"], reaches: true }, // not yet re-read: the duty's own bearers
  ])("punishes $punishes, duty of $bearers, roles $roles → $reaches", ({ punishes, bearers, roles, reaches }) => {
    expect(punishesBearer(punishes, bearers, isA, roles)).toBe(reaches);
  });
});

describe("a penalty link can name one obligation of an article", () => {
  it("parses p19#buy-secure-and-trusted", () => {
    expect(parseProvisionRef("p19#buy-secure-and-trusted")).toEqual({ provision: "p19", obligation: "buy-secure-and-trusted" });
    expect(parseProvisionRef("data-security-law/p40#contractor-duty")).toEqual({ instrument: "data-security-law", provision: "p40", obligation: "contractor-duty" });
    expect(provisionOfRef("data-security-law/p40#contractor-duty")).toBe("data-security-law/p40");
  });
  it("refuses an obligation after a paragraph, or one that is not a slug", () => {
    expect(parseProvisionRef("p19.1#x")).toBeUndefined();
    expect(parseProvisionRef("p19#X_Y")).toBeUndefined();
  });
});
