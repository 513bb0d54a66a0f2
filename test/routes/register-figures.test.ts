// No figure without its condition: on the real rules, every sanction the register prints (page,
// CSV, Markdown, API) sits in a ladder step that states the step in plain words and the trigger
// of its tier. Checked on the register of a CII operator that runs instant messaging, with the
// general duties, drafts and superseded rules, and on every actor's own register.
import { describe, expect, it } from "vitest";
import { REAL_RULES, useTestApp } from "../helpers/test-app.js";

const server = useTestApp(REAL_RULES);
// An amount as the register prints one: RMB figures, terms, multiples and shares of a base.
const FIGURE = /RMB|\d\s*(days?|months?|years?)\b|\d\s*×|\d+\s*%/i;
const REGISTER = "/profile?service=instant-messaging&cii=yes&scope=all&include=all";

/** The register part of a page with every well-formed ladder step taken out. */
function outsideSteps(html: string): { rest: string; steps: number; bad: string[] } {
  const end = html.indexOf('class="change-roles');
  const body = html.slice(html.indexOf('id="results"'), end < 0 ? undefined : end);
  const bad: string[] = [];
  let steps = 0;
  const rest = body.replace(/<li class="step">([\s\S]*?)<\/li>\n/g, (_m, inner: string) => {
    steps++;
    const when = /<p class="when"><strong>([^<]+)<\/strong>(?: \(<a [^>]+>[^<]+<\/a>\))?: ([^<]*\S[^<]*)<\/p>/.exec(inner);
    if (!when) bad.push(inner.slice(0, 200));
    return "";
  });
  // The summary and the compact list of general duties state the heaviest figure with the step
  // that brings it and its article: "RMB 1,000,000 (if serious, CSL Art. 69 (2026))".
  const summarised = rest
    .replace(/<td( [^>]*)?>[^<]*<span class="step">\((?:on|if|in|where|when)[^<,]*, <a [^>]+>[^<]+<\/a>\)<\/span><\/td>/gi, "<td></td>")
    .replace(/<span class="heaviest">(?:Heaviest: )?[^<]*\((?:on|if|in|where|when)[^<,]*, (?:<a [^>]+>[^<]+<\/a>|[^<)]+\)?)\)<\/span>/gi, "");
  // A duty's own words may hold a figure ("within 30 days"): that is the duty, not a sanction.
  return { rest: summarised.replace(/<p class="(duty-text|conditions|cite)">[\s\S]*?<\/p>/g, "").replace(/<li><a href="#duty-[^"]+">[^<]+<\/a>: [^<]*/g, "<li>").replace(/(<li><a href="\/laws\/[^"]+">[^<]+<\/a>: )[^<]*/g, "$1"), steps, bad };
}

describe("no penalty figure without its tier's trigger", () => {
  it("on the register page", async () => {
    const res = await server.get(REGISTER);
    expect(res.statusCode).toBe(200);
    const { rest, steps, bad } = outsideSteps(res.body);
    expect(steps).toBeGreaterThan(100);
    expect(bad).toEqual([]);
    // Outside the steps: duties, reasons and links, and never a sanction amount.
    const text = rest.replace(/<[^>]+>/g, " ");
    expect(text.match(new RegExp(`.{0,60}(${FIGURE.source}).{0,60}`, "gi")) ?? []).toEqual([]);
  });

  it("on every actor's register", async () => {
    const ids = (JSON.parse((await server.get("/api/v1/actors?per_page=200")).body) as { data: { id: string }[] }).data.map((a) => a.id);
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) {
      const { rest, bad } = outsideSteps((await server.get(`/actors/${id}?scope=all`)).body);
      expect(bad, id).toEqual([]);
      expect(FIGURE.test(rest.replace(/<[^>]+>/g, " ")), id).toBe(false);
    }
  });

  it("in the CSV, the Markdown and the API", async () => {
    const csv = (await server.get(REGISTER.replace("/profile", "/profile.csv"))).body;
    const lines = csv.split("\r\n");
    const header = (lines[0] as string).replace(/^\uFEFF/, "").split(",");
    const tiers = header.filter((h) => /^tier\d+_when$/.test(h)).map((h) => h.replace("_when", ""));
    expect(tiers.length).toBeGreaterThan(2);
    const api = JSON.parse((await server.get(`/api/v1/register?actor=cii-operator&actor=instant-messaging-provider&scope=all&include=all&per_page=200`)).body) as { data: { tiers: { when: string; trigger: string; entity: string[]; managers: string[]; individual: string[]; official: string[] }[] }[] };
    let sanctioned = 0;
    for (const d of api.data)
      for (const t of d.tiers) {
        if ([...t.entity, ...t.managers, ...t.individual, ...t.official].length === 0) continue;
        sanctioned++;
        expect(t.when.length * t.trigger.trim().length, JSON.stringify(t)).toBeGreaterThan(0);
      }
    expect(sanctioned).toBeGreaterThan(100);
    // Markdown: a sanction line is always a sub-item of a step line that states its trigger.
    const md = (await server.get(REGISTER.replace("/profile", "/profile.md"))).body.split("\n");
    let checked = 0;
    md.forEach((line, i) => {
      if (!/^ {2}- (Entity|Managers|Individual|Officials):/.test(line)) return;
      checked++;
      let j = i - 1;
      while (j >= 0 && /^ {2}- /.test(md[j] as string)) j--;
      expect(md[j], `line ${i + 1}: ${line}`).toMatch(/^- \*\*[^*]+\*\* \(\[[^\]]+\]\(http[^)]+\)\): \S/);
    });
    expect(checked).toBeGreaterThan(100);
  });

  it("says once when no penalty article is linked, and names the law's general liability articles", async () => {
    const html = (await server.get("/actors/network-operator")).body;
    const start = html.indexOf("<article", html.indexOf('id="duty-cybersecurity-law-p40-'));
    const card = html.slice(start, html.indexOf("</article>", start));
    expect(card.match(/No penalty article is linked/g)).toHaveLength(1);
    expect(card).toContain('General liability: <a href="/laws/cybersecurity-law/2026-01-01/art-72">CSL Art. 72 (2026)</a>, <a href="/laws/cybersecurity-law/2026-01-01/art-76">CSL Art. 76 (2026)</a>.');
  });

  it("follows a referral drawn by reading (CSL 2026 Art. 71 → PIPL Art. 66) only for a role that PIPL Art. 66 punishes, and says it is a reading", async () => {
    const cardOf = (html: string) => {
      const at = html.indexOf('id="duty-cybersecurity-law-p42-secure-pi"');
      return html.slice(at, html.indexOf("</article>", at));
    };
    // A CII operator is a personal-information handler: the PIPL ladder follows, marked as our reading.
    const cii = cardOf((await server.get("/actors/cii-operator")).body);
    expect(cii).toContain('The laws that punish this conduct today include <a href="/laws/personal-information-protection-law/');
    expect(cii).toMatch(/Penalty: <a href="\/laws\/personal-information-protection-law\/[^"]+">PIPL Art\. 66<\/a> <span class="referred">\(a law that punishes this conduct today: <a href="[^"]+">CSL Art\. 71 \(2026\)<\/a> leaves it to the relevant laws without naming one; this link is our reading\)/);
    expect(cii).toContain("<strong>If serious</strong>");
    const api = JSON.parse((await server.get("/api/v1/register?actor=cii-operator&sort=exposure&instrument=cybersecurity-law&per_page=200")).body) as { data: { key: string; tiers: { article: { label: string } }[] }[] };
    expect(api.data.find((d) => d.key === "cybersecurity-law/p42#secure-pi")?.tiers.map((t) => t.article.label)).toContain("PIPL Art. 66");
    // A network operator as such is not one: the reading is named, its ladder is not shown.
    const op = cardOf((await server.get("/actors/network-operator")).body);
    expect(op).toContain("The laws that punish this conduct today include");
    expect(op).not.toMatch(/Penalty: <a href="\/laws\/personal-information-protection-law\//);
  });
});
