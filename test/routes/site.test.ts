import { describe, expect, it } from "vitest";
import { movedConductRules } from "../helpers/fixture-variants.js";
import { useTestApp, visibleText } from "../helpers/test-app.js";

const server = useTestApp();

const get = server.get;
const text = visibleText;

describe("home and lists", () => {
  it("shows what is covered, the actor picker and the data date", async () => {
    const res = await get("/");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    const t = text(res.body);
    expect(t).toContain("Cybersecurity Law of the People's Republic of China");
    expect(t).toContain("Rules as of 1 June 2026");
    expect(res.body).toContain('name="actor"');
    expect(res.body).toContain('lang="zh-Hans"');
  });

  it("lists the actor tree with inherited obligation counts", async () => {
    const t = text((await get("/actors")).body);
    expect(t).toMatch(/Critical information infrastructure operator 关键信息基础设施运营者 3 obligations/);
    expect(t).toMatch(/Network operator 网络运营者 2 obligations/);
  });

  it("lists instruments with their kind and labels drafts", async () => {
    const t = text((await get("/laws")).body);
    expect(t).toContain("Foundations Management Regulations (revised draft)");
    expect(t).toMatch(/Administrative regulation Draft/);
  });
});

describe("actor pages", () => {
  it("shows duties inherited from ancestors with the reason they apply", async () => {
    const res = await get("/actors/cii-operator");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Binds every network operator; a critical information infrastructure operator is one");
    expect(t).toContain("Binds a critical information infrastructure operator directly");
    expect(t).toContain("Store data in China.");
  });

  it("links each duty to the pinned article and its penalty ladder, each figure after its trigger", async () => {
    const res = await get("/actors/network-operator");
    expect(res.body).toContain('href="/laws/cybersecurity-law/2026-01-01/art-23"');
    expect(res.body).toContain('href="/laws/cybersecurity-law/2026-01-01/art-61"');
    expect(text(res.body)).toMatch(/It refuses to correct or harm results \(2026 text\)\. Entity Fine RMB 10,000–500,000/);
  });

  it("shows the law as at an earlier date: old numbers and old fines", async () => {
    const res = await get("/actors/network-operator?at=2020-01-01");
    expect(res.body).toContain('href="/laws/cybersecurity-law/2017-06-01/art-21"');
    const t = text(res.body);
    // The ladder in order: what the first violation costs, then what refusing to correct brings.
    expect(t).toMatch(/On first violation : A network operator fails the duties of Art\. 21\. Entity Order to correct; Warning (?:1 more step: if it refuses to correct or harm results )?If it refuses to correct or harm results : It refuses to correct or harm results\. Entity Fine RMB 10,000–100,000.* Managers The directly responsible person in charge: Fine RMB 5,000–50,000/);
  });

  it("leaves drafts out unless asked, then labels them", async () => {
    expect(text((await get("/actors/company")).body)).not.toContain("Set up a Party organisation");
    const all = text((await get("/actors/company?include=all")).body);
    expect(all).toContain("Set up a Party organisation");
    expect(all).toContain("Draft, not law");
  });

  it("groups by theme when asked", async () => {
    const t = text((await get("/actors/cii-operator?group=theme")).body);
    expect(t.indexOf("Data localisation")).toBeLessThan(t.indexOf("Security protection"));
  });

  it("answers an unknown actor with 404 and the closest matches", async () => {
    const res = await get("/actors/cii");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/actors/cii-operator"');
  });

  it("finds an actor mistyped by alias", async () => {
    const res = await get("/actors/telco");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/actors/telecom-operator"');
  });

  it("answers a malformed query with 400 naming the parameter and allowed values", async () => {
    const res = await get("/actors/cii-operator?group=colour");
    expect(res.statusCode).toBe(400);
    const t = text(res.body);
    expect(t).toContain("group");
    expect(t).toContain("instrument");
    expect(t).toContain("theme");
  });

  it("rejects an impossible date", async () => {
    const res = await get("/actors/cii-operator?at=2020-13-45");
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain("YYYY-MM-DD");
  });

  it("rejects a day the month does not have, rather than rolling it over", async () => {
    for (const at of ["2021-02-29", "2020-02-30", "2020-04-31"]) {
      const res = await get(`/actors/cii-operator?at=${at}`);
      expect(res.statusCode, at).toBe(400);
      expect(res.body).toContain("<code>at</code>");
    }
    expect((await get("/actors/cii-operator?at=2024-02-29")).statusCode).toBe(200);
  });

  it("links to the actor list when no actor name is close", async () => {
    const res = await get("/actors/zzzzzzzzzz");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/actors">All actors</a>');
  });
});

describe("company profile", () => {
  it("gives the deduplicated union of several roles at a reproducible URL", async () => {
    const res = await get("/profile?actor=cii-operator&actor=telecom-operator&actor=financial-institution");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Compliance register: Critical information infrastructure operator + Telecommunications operator + Financial institution");
    expect(t).toContain("6 duties specific to your roles");
    // One card (the summary's list of the heaviest duties names it too).
    expect(res.body.match(/<p class="duty-text">Run the tiered protection scheme\.<\/p>/g)?.length).toBe(1);
    expect(t).toContain("Provide technical interfaces and decryption support.");
    expect(res.body).toMatch(/name="actor" value="cii-operator" checked/);
  });

  it("accepts a comma list too", async () => {
    const a = text((await get("/profile?actor=cii-operator,telecom-operator")).body);
    expect(a).toContain("Compliance register: Critical information infrastructure operator + Telecommunications operator");
  });

  it("rejects an unknown actor with the allowed values", async () => {
    const res = await get("/profile?actor=martian");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("cii-operator");
  });
});

describe("article pages", () => {
  it("shows one article in one version, with its other number and citations", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Art. 37 · Data localisation");
    expect(t).toContain("Art. 39 since 1 January 2026");
    expect(t).toContain("《中华人民共和国网络安全法》（2017年6月1日起施行文本）第三十七条");
    expect(t).toContain("CSL art. 37 (2017 text)");
    expect(t).toContain("Cybersecurity Law of the People's Republic of China (promulgated by the Standing Committee of the National People's Congress, Nov. 7, 2016, effective June 1, 2017) art. 37");
    expect(res.body).toContain('value="http://test.local/laws/cybersecurity-law/2017-06-01/art-37"');
    expect(res.body).toContain('"@type":"Legislation"');
  });

  it("links the penalty that enforces it in that version", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(res.body).toContain('href="/laws/cybersecurity-law/2017-06-01/art-66"');
  });

  it("shows the sanctions table with open bounds and discretionary sanctions", async () => {
    const t = text((await get("/laws/counterterrorism-law/2016-01-01/art-84")).body);
    expect(t).toContain("≥ RMB 500,000 (no cap)");
    expect(t).toContain("Administrative detention (may be imposed) 5–15 days");
  });

  it("escapes data from the rules", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(res.body).not.toContain("<script>alert(1)</script>");
    expect(res.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("disambiguates a number that means different provisions in different texts", async () => {
    const res = await get("/laws/cybersecurity-law/art-39");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Art. 39 of the 2017 text");
    expect(t).toContain("Art. 39 of the 2026 text");
    expect(t).toContain("Art. 41 in the 2026 text");
  });

  it("disambiguates a number whose provision moved, even if only one text has it", async () => {
    const res = await get("/laws/cybersecurity-law/art-37");
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain("Art. 39 in the 2026 text");
  });

  it("redirects an unpinned number only when it means the same everywhere", async () => {
    const res = await get("/laws/counterterrorism-law/art-84");
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/laws/counterterrorism-law/2016-01-01/art-84");
  });

  it("answers an unknown article with 404 and nearby articles", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-38");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/laws/cybersecurity-law/2017-06-01/art-37"');
  });

  it("answers an unknown version with 404 listing the versions", async () => {
    const res = await get("/laws/cybersecurity-law/2019-01-01/art-37");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/laws/cybersecurity-law/2017-06-01/art-37"');
  });

  it("answers an unknown instrument with 404, matching by short name", async () => {
    const res = await get("/laws/CSL");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/laws/cybersecurity-law"');
  });
});

describe("penalty ladders and which text applies", () => {
  it("prints each tier's step and trigger, the managers' group and alternatives joined by 'or'", async () => {
    const t = visibleText((await get("/laws/cybersecurity-law/2017-06-01/art-59")).body);
    expect(t).toMatch(/On first violation: A network operator fails the duties of Art\. 21\./);
    expect(t).toMatch(/If it refuses to correct or harm results \(one step up from: first violation\): It refuses to correct or harm results\./);
    expect(t).toContain("Imposed by the competent department.");
    expect(t).toContain("the directly responsible person in charge");
    expect(t).toMatch(/or Closure of website/);
  });

  it("shows both ladders side by side where the data cannot decide", async () => {
    const page = await get("/laws/cybersecurity-law/2017-06-01/art-59?act=2025-06-01&decided=2026-03-01");
    const t = visibleText(page.body);
    expect(t).toMatch(/The data cannot decide it\./);
    expect(t).toMatch(/heavier in some respects and lighter in others/);
    expect(page.body).toMatch(/<section class="compare-ladders"/);
    expect(t).toMatch(/At the act: the text in force from 1 June 2017: CSL Art\. 59 \(2017\)/);
    expect(t).toMatch(/At the decision: the text in force from 1 January 2026: CSL Art\. 61 \(2026\)/);
  });

  it("names the parameter of a malformed act date", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-59?act=2025-13-01");
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain("Parameter: act");
  });

  it("gives the same answer in the API", async () => {
    const mixed = (await get("/api/v1/provisions/cybersecurity-law/2017-06-01/art-59/applicable-penalty?act=2025-06-01&decided=2026-03-01")).json();
    expect(mixed).toMatchObject({ outcome: "cannot-tell", applies: null, article: null, severity: "mixed" });
    const page = visibleText((await get("/laws/cybersecurity-law/2017-06-01/art-59?act=2025-06-01&decided=2026-03-01")).body);
    for (const r of mixed.reasons as string[]) expect(page).toContain(r);
    const duty = await get("/api/v1/provisions/cybersecurity-law/2017-06-01/art-21/applicable-penalty?act=2025-06-01");
    expect(duty.statusCode).toBe(404); // a duty article sets no penalty: the answer points at the one that does
    expect(duty.json().detail).toMatch(/sets no penalty/);
    expect(JSON.stringify(duty.json())).toContain("/api/v1/provisions/cybersecurity-law/2017-06-01/art-59/applicable-penalty");
    const missing = await get("/api/v1/provisions/cybersecurity-law/2017-06-01/art-59/applicable-penalty");
    expect(missing.statusCode).toBe(400);
    expect(missing.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});

describe("which text's penalty applies, where an amendment moved the conduct to another article", async () => {
  const moved = useTestApp(await movedConductRules());
  const get = moved.get;
  it("answers which text's penalty applies to an act, by a plain GET form, following the conduct of a deleted article", async () => {
    const page = await get("/laws/cybersecurity-law/2017-06-01/art-66?act=2025-06-01&decided=2026-03-01");
    expect(page.statusCode).toBe(200);
    const t = visibleText(page.body);
    expect(t).toContain("Which text's penalty applies?");
    expect(t).toMatch(/The text in force at the act applies: CSL Art\. 66 \(2017\) \./);
    expect(t).toMatch(/CSL Art\. 71 \(2026\) sets the same penalties for this conduct, step by step and bearer by bearer, so CSL Art\. 66 \(2017\), in force at the act, applies\./);
    expect(t).toMatch(/Decided by Administrative Penalty Law Art\. 37\./);
    expect(page.body).toMatch(/<form class="applicable" method="get"/);
  });

  it("says where a deleted article's conduct went, and where a new article's came from", async () => {
    const deleted = visibleText((await get("/laws/cybersecurity-law/2017-06-01/art-66")).body);
    expect(deleted).toMatch(/Entity: article deleted since 2026-01-01; its conduct is punished under CSL Art\. 71 \(2026\)/);
    const added = visibleText((await get("/penalties/changes?instrument=cybersecurity-law&from=2017-06-01&to=2026-01-01")).body);
    expect(added).toMatch(/new article since 2026-01-01, punishing conduct that CSL Art\. 66 \(2017\) punished/);
  });

  it("gives the same answer in the memo, for each penalty article it holds, as the page and the API", async () => {
    const api = (await get("/api/v1/provisions/cybersecurity-law/2017-06-01/art-66/applicable-penalty?act=2025-06-01&decided=2026-03-01")).json();
    const memo = (await get("/memo.json?items=cybersecurity-law/2017-06-01/art-66,cybersecurity-law/2017-06-01/art-37&act=2025-06-01&decided=2026-03-01")).json();
    expect(memo.items[0].applicable).toMatchObject({ outcome: api.outcome, reasons: api.reasons, applies: { label: api.article.label } });
    expect(memo.items[1].applicable).toBeUndefined(); // a duty article: no penalty of its own to date
    const md = (await get("/memo.md?items=cybersecurity-law/2017-06-01/art-66&act=2025-06-01&decided=2026-03-01")).body;
    expect(md).toContain("**Which text's penalty applies:** The text in force at the act applies: [CSL Art. 66 (2017)]");
    const page = visibleText((await get("/memo?items=cybersecurity-law/2017-06-01/art-66&act=2025-06-01&decided=2026-03-01")).body);
    for (const r of api.reasons as string[]) expect(page).toContain(r);
  });

  it("names, in the API, the earlier text's article for that conduct when asked from the new article", async () => {
    const res = await get("/api/v1/provisions/cybersecurity-law/2026-01-01/art-71/applicable-penalty?act=2025-06-01&decided=2026-03-01");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      regime: "administrative",
      outcome: "act-text",
      applies: "2017-06-01",
      severity: "same",
      article: { label: "CSL Art. 66 (2017)", number: "66", version: "2017-06-01" },
      appliesUrl: "http://test.local/laws/cybersecurity-law/2017-06-01/art-66",
      comparisons: [{ earlier: { articles: [{ label: "CSL Art. 66 (2017)" }] }, later: { articles: [{ label: "CSL Art. 71 (2026)" }] }, outcome: "act-text" }],
    });
  });
});

describe("a version published under an earlier id", () => {
  it("moves its pinned links for good, keeping the article and query", async () => {
    const res = await server.app.inject({ url: "/laws/counterterrorism-law/2015-12-27/art-18?act=2016-02-01" });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe("/laws/counterterrorism-law/2016-01-01/art-18?act=2016-02-01");
    const contents = await server.app.inject({ url: "/laws/counterterrorism-law/2015-12-27" });
    expect(contents.statusCode).toBe(301);
    expect(contents.headers.location).toBe("/laws/counterterrorism-law/2016-01-01");
  });

  it("still resolves in a memo", async () => {
    const res = await get("/memo?items=counterterrorism-law/2015-12-27/art-18");
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain("CTL Art. 18");
  });
});

describe("instrument pages", () => {
  it("shows dates kept apart, versions and a contents table with numbers in every version", async () => {
    const t = text((await get("/laws/cybersecurity-law")).body);
    expect(t).toContain("Adopted 7 November 2016");
    expect(t).toContain("In force 1 June 2017");
    expect(t).toContain("Amended 28 October 2025, in force 1 January 2026");
    expect(t).toMatch(/37 39 Data localisation/);
    expect(t).toMatch(/66 — Penalty for unlawful data export/);
  });

  it("labels a draft as never law", async () => {
    const t = text((await get("/laws/foundations-draft")).body);
    expect(t).toContain("This is a draft published for comment. It is not law");
  });
});

describe("provisions", () => {
  it("prints each card's heaviest figure with the step that brings it, for the text the card names", async () => {
    const t = text((await get("/provisions?instrument=cybersecurity-law")).body);
    expect(t).toContain("Entity: fine RMB 10,000–500,000, if it refuses to correct or harm results");
    expect(t).not.toContain("Entity: fine RMB 10,000–100,000"); // the 2017 tier: the card names the 2026 text
  });

  it("filters by sanction kind with counts beside each facet value", async () => {
    const res = await get("/provisions?sanction=licence-revocation");
    const t = text(res.body);
    expect(t).toContain("1 provision match");
    expect(t).toContain("CSL Art. 66");
    expect(t).toMatch(/Fine \(3\)/);
  });

  it("filters by actor including its descendants", async () => {
    const t = text((await get("/provisions?actor=network-operator")).body);
    expect(t).toContain("6 provisions match");
    expect(t).toContain("CTL Art. 18");
    expect(t).not.toContain("Foundations draft Art. 3");
  });

  it("sorts by maximum fine, uncapped first", async () => {
    const t = text((await get("/provisions?sort=max-fine")).body);
    expect(t.indexOf("CTL Art. 84")).toBeLessThan(t.indexOf("CSL Art. 66"));
  });

  it("paginates with links that keep the filters", async () => {
    const res = await get("/provisions?size=10&sort=max-fine");
    expect(res.body).toContain('href="/provisions?sort=max-fine&amp;size=10&amp;page=2"');
  });

  it.each([
    ["sanction=bogus", "sanction"],
    ["page=-1", "page"],
    ["size=7", "size"],
    ["sort=random", "sort"],
    ["sort=a&sort=b", "sort"],
  ])("rejects %s with 400 naming %s", async (qs, param) => {
    const res = await get(`/provisions?${qs}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`<code>${param}</code>`);
  });
});

describe("headers and static files", () => {
  it("sends a CSP without inline scripts, nosniff and a referrer policy", async () => {
    const res = await get("/");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("serves the stylesheet", async () => {
    const res = await get("/static/style.css");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/css/);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await get("/laws");
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const second = await server.app.inject({ url: "/laws", headers: { "if-none-match": etag } });
    expect(second.statusCode).toBe(304);
  });

  it("answers a path climbing out of /static/ with 404, however the dots are encoded", async () => {
    for (const url of ["/static/..%2fpackage.json", "/static/%2e%2e%2fpackage.json", "/static/..%5cpackage.json"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain("china-law-explorer\"");
    }
  });

  it("answers an undecodable path with the 400 page and the usual headers, not Fastify's JSON", async () => {
    const res = await get("/laws/%E0%A4%A");
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(text(res.body)).toContain("malformed percent-encoding");
    expect(res.body).not.toContain("FST_ERR");
    const api = await get("/api/%FF");
    expect(api.statusCode).toBe(400);
    expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 400, title: "Bad request", instance: "/api/%FF" });
  });

  it("answers an over-long path part with the 414 page", async () => {
    const res = await get(`/actors/${"a".repeat(300)}`);
    expect(res.statusCode).toBe(414);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(text(res.body)).toContain("414 · URI too long");
  });

  it("has a health check", async () => {
    const res = await get("/healthz");
    expect(res.json()).toEqual({ status: "ok", dataVersion: "fixture-1" });
  });
});

describe("the front page's list of instruments", () => {
  it("marks a text current only when it is law today, never a draft's", async () => {
    const body = (await get("/")).body;
    expect(body).toMatch(/href="\/laws\/cybersecurity-law\/2026-01-01">2026-01-01<\/a> \(current\)/);
    expect(body).toMatch(/href="\/laws\/foundations-draft\/2016-05-26">2016-05-26<\/a><\/td>/);
  });

  it("and so does an instrument's own page", async () => {
    expect(visibleText((await get("/laws/cybersecurity-law")).body)).toContain("in force from 1 January 2026 (current)");
    expect(visibleText((await get("/laws/foundations-draft")).body)).not.toContain("(current)");
  });
});

describe("every page", () => {
  const PAGES = ["/", "/actors", "/actors/cii-operator", "/profile?actor=cii-operator", "/laws", "/laws/cybersecurity-law", "/laws/cybersecurity-law/2017-06-01", "/laws/cybersecurity-law/2017-06-01/art-37", "/laws/cybersecurity-law/art-39", "/provisions", "/penalties", "/penalties/compare", "/penalties/compare?ids=cybersecurity-law/2017-06-01/art-66,counterterrorism-law/2016-01-01/art-84", "/penalties/changes", "/search?q=data", "/glossary", "/memo", "/memo?items=cybersecurity-law/2017-06-01/art-37", "/api/docs", "/nowhere"];

  it.each(PAGES)("%s has a description and an Open Graph title for shared links", async (url) => {
    const res = await get(url);
    expect(res.body).toMatch(/<meta name="description" content="[^"]{40,}">/);
    expect(res.body).toMatch(/<meta property="og:title" content="[^"]+">/);
  });

  it("describes an article page with its own summary", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(res.body).toContain('<meta name="description" content="CII operators store personal information and important data in China.">');
    expect(res.body).toContain('<meta property="og:title" content="CSL Art. 37 (2017): ');
  });

  it("suggests the section a misspelt path meant", async () => {
    const res = await get("/penaltys");
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatch(/<h2>Perhaps you meant<\/h2>\s*<ul><li><a href="\/penalties">Penalties<\/a>/);
    const glossary = await get("/glosary/x");
    expect(glossary.body).toContain('<a href="/glossary">Glossary</a>');
  });
});

describe("one name for a text", () => {
  it("prints a renumbered law's article with its text in the register, the penalty table and the 404 suggestions", async () => {
    const actor = text((await get("/actors/cii-operator")).body);
    expect(actor).toMatch(/CSL Art\. 39 \(2026\) · Data localisation/);
    const table = text((await get("/penalties?instrument=cybersecurity-law")).body);
    expect(table).toContain("CSL Art. 61 (2026)");
    expect(table).not.toMatch(/CSL Art\. \d+ (?!\()/); // every CSL number carries its text
    const missing = text((await get("/laws/cybersecurity-law/2017-06-01/art-38")).body);
    expect(missing).toContain("CSL Art. 37 (2017)");
  });
});
