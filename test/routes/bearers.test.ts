// A penalty reaches a duty only through its bearer: on fixture rules where CSL Art. 59's fines on
// refusal punish CII operators only, a network operator's duty under Art. 21 does not show them,
// and a CII operator's does; the article page, the register, its API and the memo agree.
import { describe, expect, it } from "vitest";
import { narrowBearerRules } from "../helpers/fixture-variants.js";
import { useTestApp, visibleText } from "../helpers/test-app.js";

describe("a tier shown only to the bearers it punishes", async () => {
  const t = useTestApp(await narrowBearerRules());
  const dutyOf = async (actor: string) => {
    const rows = (await t.get(`/api/v1/register?actor=${actor}&at=2020-01-01`)).json().data as { key: string; tiers: { trigger: string }[] }[];
    return rows.find((r) => r.key === "cybersecurity-law/p21#protect");
  };

  it("leaves the CII operators' fine out of a network operator's register", async () => {
    const duty = await dutyOf("network-operator");
    expect(duty?.tiers.map((s) => s.trigger)).toEqual(["A network operator fails the duties of Art. 21."]);
  });

  it("shows it in a CII operator's register, under the same duty", async () => {
    const duty = await dutyOf("cii-operator");
    expect(duty?.tiers.map((s) => s.trigger)).toEqual(["A network operator fails the duties of Art. 21.", "It refuses to correct or harm results."]);
  });

  it("does the same in the memo of a chosen actor", async () => {
    const memo = (actor: string) => t.get(`/memo.json?items=cybersecurity-law/2017-06-01/art-21&actor=${actor}`);
    const triggers = async (actor: string) => ((await memo(actor)).json().items[0].enforcedBy as { trigger: string }[]).map((x) => x.trigger);
    expect(await triggers("network-operator")).toEqual(["A network operator fails the duties of Art. 21."]);
    expect(await triggers("cii-operator")).toEqual(["A network operator fails the duties of Art. 21.", "It refuses to correct or harm results."]);
  });

  it("still names the penalty article on the duty's page, which names no role, and lists the tier there", async () => {
    expect(visibleText((await t.get("/laws/cybersecurity-law/2017-06-01/art-21")).body)).toContain("Enforced by CSL Art. 59 (2017)");
    expect(visibleText((await t.get("/laws/cybersecurity-law/2017-06-01/art-59")).body)).toMatch(/It refuses to correct or harm results\. Punishes: Critical information infrastructure operator ?\./);
  });
});
