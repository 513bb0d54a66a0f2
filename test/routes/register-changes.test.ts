// What changed for a role set: /profile/changes between any two dates and the register's own
// Atom feed, on the fixture rules (the CSL of 2017 and of 2026). Their figures are those of
// /penalties/changes; the register says at the top that its law changed in the last 12 months.
import { describe, expect, it } from "vitest";
import { useTestApp, visibleText } from "../helpers/test-app.js";

const t = useTestApp();
const summaries = (html: string) => [...html.matchAll(/<strong>([^<]*since [^<]*)<\/strong>/g)].map((m) => m[1]).sort();

describe("/profile/changes", () => {
  it("lists the duties renumbered, by their stable obligation ID, and the penalty changes of /penalties/changes for the CII operator", async () => {
    const res = await t.get("/profile/changes?actor=cii-operator&from=2017-06-01&to=2026-01-01");
    expect(res.statusCode).toBe(200);
    const text = visibleText(res.body);
    expect(text).toContain("Duties renumbered (3)");
    expect(text).toContain("CSL Art. 39 (2026) (was CSL Art. 37 (2017)): Store data in China. cybersecurity-law/p37#store-in-china");
    const penalties = (await t.get("/penalties/changes?instrument=cybersecurity-law&from=2017-06-01&to=2026-01-01")).body;
    // The same article × bearer pairs and the same words: "max fine ×5 since 2026-01-01" …
    expect(summaries(res.body)).toEqual(summaries(penalties));
    expect(summaries(res.body)).toContain("max fine ×5 since 2026-01-01");
  });

  it("says so when nothing changed, and refuses a from that is not before to", async () => {
    expect(visibleText((await t.get("/profile/changes?actor=cii-operator&from=2026-02-01&to=2026-03-01")).body)).toContain("Nothing changed for these roles between these dates.");
    const bad = await t.get("/profile/changes?actor=cii-operator&from=2026-03-01&to=2026-02-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Parameter: <code>to</code>");
    expect((await t.get("/profile/changes?actor=cii-operator&from=yesterday")).statusCode).toBe(400);
    expect((await t.get("/profile/changes?from=2017-06-01")).statusCode).toBe(400);
  });
});

describe("/profile.atom", () => {
  it("is a feed of the amendments that changed this register, each linking to its changes", async () => {
    const res = await t.get("/profile.atom?actor=cii-operator");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/atom\+xml/);
    const entries = [...res.body.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
    expect(entries).toHaveLength(1);
    const e = entries[0] as string;
    expect(e).toContain("<title>CSL: 2017 text → 2026 text</title>");
    expect(e).toContain("<updated>2026-01-01T00:00:00Z</updated>");
    expect(e).toContain('href="http://test.local/profile/changes?actor=cii-operator&amp;from=2025-12-31&amp;to=2026-01-01"');
    expect(e).toContain("3 duties renumbered; max fine ×5 since 2026-01-01 (CSL Art. 61 (2026), entity)");
  });
});

describe("the register", () => {
  it("says at the top that its law changed in the 12 months before its date, with a link to the changes", async () => {
    const html = (await t.get("/profile?actor=cii-operator")).body;
    const banner = /<p class="banner recent-change">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(visibleText(banner)).toContain("The CSL changed: its 2026 text is in force from 1 January 2026. What changed for these roles");
    expect(banner).toContain('href="/profile/changes?actor=cii-operator&amp;from=2017-06-01&amp;to=2026-01-01"');
    expect(html.indexOf("recent-change")).toBeLessThan(html.indexOf('<article class="duty'));
    // A register read two years on no longer announces it.
    expect((await t.get("/profile?actor=cii-operator&at=2027-06-01")).body).not.toContain("recent-change");
  });
});
