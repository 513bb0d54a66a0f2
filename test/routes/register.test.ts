// The compliance register (/profile, /actors/<id>), the questionnaire (/check), the hand-over
// formats and /api/v1/register, on the fixture rules: every filter, both orders, the exports,
// and bad input.
import { describe, expect, it } from "vitest";
import { RegisterPage } from "../../src/api/schemas.js";
import { useTestApp, visibleText } from "../helpers/test-app.js";
import { parseCsv } from "../helpers/csv.js";

const server = useTestApp();
const get = server.get;
const text = visibleText;

/** The duty cards of a register page, as "CSL Art. 23 (2026): duty" in page order. */
function cards(html: string): string[] {
  return [...html.matchAll(/<article class="duty[^"]*" id="[^"]+">\s*<p class="cite"><a href="[^"]+">([^<]+)<\/a>[\s\S]*?<p class="duty-text">([^<]+)<\/p>/g)].map((m) => `${m[1]}: ${(m[2] as string).replace(/&#39;/g, "'")}`);
}

function chips(html: string): { label: string; href: string }[] {
  return [...html.matchAll(/<li>([^<]+) <a class="chip-remove" href="([^"]+)"/g)].map((m) => ({ label: (m[1] as string).trim(), href: (m[2] as string).replace(/&amp;/g, "&") }));
}

const CII_TELECOM = "/profile?actor=cii-operator&actor=telecom-operator";

describe("the register page", () => {
  it("puts the results first: roles, summary, exports and contents before the duties and the role picker", async () => {
    const res = await get(CII_TELECOM);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const order = ['id="results"', 'class="register-summary"', 'data-export="csv"', 'class="contents"', '<article class="duty', 'class="change-roles'].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text(html)).toContain("6 duties specific to your roles and 0 general duties that bind every organisation (0 listed in full), in 2 instruments; 2 of those listed carry a penalty.");
    // Every form that changes the register lands the user back on the results.
    const forms = [...html.matchAll(/<form class="(register-filters|profile|questionnaire)"[^>]*action="([^"]+)"/g)];
    expect(forms.map((m) => m[1])).toEqual(["register-filters", "questionnaire", "profile"]);
    for (const m of forms) expect(m[2], m[1]).toBe("/profile#results");
  });

  it("lists each duty once with every reason, when several roles bring it", async () => {
    const html = (await get(CII_TELECOM)).body;
    expect(cards(html).filter((c) => c.includes("Run the tiered protection scheme."))).toHaveLength(1);
    const t = text(html);
    expect(t).toContain("Binds every network operator; a critical information infrastructure operator is one");
    expect(t).toContain("Binds every network operator; a telecommunications operator is one");
  });

  it("shows each penalty as a ladder in order, first violation first, with the trigger before the figures", async () => {
    const t = text((await get("/actors/network-operator?at=2020-01-01")).body);
    const first = t.indexOf("On first violation : A network operator fails the duties of Art. 21. Entity Order to correct; Warning");
    const second = t.indexOf("If it refuses to correct or harm results : It refuses to correct or harm results. Entity Fine RMB 10,000–100,000");
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });

  it("says once per card when no penalty article is linked", async () => {
    const html = (await get("/actors/network-operator")).body;
    const card = html.slice(html.indexOf("Require users to provide real identity information."));
    expect(card.slice(0, card.indexOf("</article>")).match(/No penalty article is linked/g)).toHaveLength(1);
  });

  it("with no role, shows the questionnaire instead of an empty register", async () => {
    for (const url of ["/profile", "/profile?cii=no"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<form class="questionnaire"');
      expect(res.body, url).not.toContain('class="register-summary"');
    }
    expect(text((await get("/profile?cii=no")).body)).toContain("Your answers do not make your company any of the roles");
  });
});

describe("scope and filters, each a query parameter shown as a removable chip", () => {
  it("scope=all adds the general duties that bind every organisation", async () => {
    const specific = (await get("/profile?actor=cii-operator&include=all")).body;
    expect(text(specific)).toContain("1 general duty that binds every organisation (0 listed in full)");
    // Not as a duty card: as one line of the compact list of the other general duties.
    expect(cards(specific).some((c) => c.includes("Set up a Party organisation"))).toBe(false);
    expect(text(specific)).toMatch(/Other general duties, in brief \(1\).*Set up a Party organisation/);
    const all = (await get("/profile?actor=cii-operator&include=all&scope=all")).body;
    expect(text(all)).toContain("Set up a Party organisation");
    expect(all).toContain('<span class="badge general">General duty</span>');
    expect(chips(all).map((c) => c.label)).toEqual(["Also general duties", "Drafts and superseded rules too"]);
  });

  it("counts a general actor the user picks as specific", async () => {
    const t = text((await get("/actors/organisation?include=all")).body);
    expect(t).toContain("1 duty specific to your roles");
    expect(t).toContain("Set up a Party organisation");
  });

  it.each([
    ["instrument=counterterrorism-law", ["CTL Art. 18: Provide technical interfaces and decryption support.", "CTL Art. 19: Stop transmission of terrorist content and report it.", "CTL Art. 21: Check customers' identity."], "Instrument: CTL"],
    ["theme=real-name-registration", ["CSL Art. 26 (2026): Require users to provide real identity information.", "CTL Art. 21: Check customers' identity."], "Theme: Real-name registration"],
    ["penalty=yes", ["CSL Art. 23 (2026): Run the tiered protection scheme.", "CTL Art. 18: Provide technical interfaces and decryption support."], "Has a penalty"],
    ["penalty=no", ["CSL Art. 26 (2026): Require users to provide real identity information.", "CSL Art. 39 (2026): Store data in China.", "CTL Art. 19: Stop transmission of terrorist content and report it.", "CTL Art. 21: Check customers' identity."], "No penalty article"],
    ["at=2020-01-01", ["CSL Art. 21 (2017): Run the tiered protection scheme.", "CSL Art. 24 (2017): Require users to provide real identity information.", "CSL Art. 37 (2017): Store data in China.", "CTL Art. 18: Provide technical interfaces and decryption support.", "CTL Art. 19: Stop transmission of terrorist content and report it.", "CTL Art. 21: Check customers' identity."], "Law as at 2020-01-01"],
  ])("%s filters the duties and shows its chip", async (filter, expected, chip) => {
    const html = (await get(`${CII_TELECOM}&${filter}`)).body;
    expect(cards(html)).toEqual(expected);
    const c = chips(html);
    expect(c.map((x) => x.label)).toEqual([chip]);
    // Removing the chip gives back the unfiltered register, at a URL that keeps the roles.
    expect(c[0]?.href).toBe(`${CII_TELECOM}#results`);
  });

  it("combines filters, and a chip removes only its own value", async () => {
    const html = (await get(`${CII_TELECOM}&instrument=cybersecurity-law&instrument=counterterrorism-law&penalty=yes`)).body;
    expect(cards(html)).toEqual(["CSL Art. 23 (2026): Run the tiered protection scheme.", "CTL Art. 18: Provide technical interfaces and decryption support."]);
    const c = chips(html);
    expect(c.find((x) => x.label === "Instrument: CSL")?.href).toBe(`${CII_TELECOM}&instrument=counterterrorism-law&penalty=yes#results`);
    expect(c.find((x) => x.label === "Has a penalty")?.href).toBe(`${CII_TELECOM}&instrument=cybersecurity-law&instrument=counterterrorism-law#results`);
  });

  it("include=all lists drafts, labelled as such", async () => {
    const t = text((await get("/profile?actor=organisation&include=all")).body);
    expect(t).toContain("Set up a Party organisation");
    expect(t).toContain("Draft, not law");
  });

  it("keeps the role set and the answers in the filter form, so a filter never drops a role", async () => {
    const html = (await get("/profile?service=telecoms&actor=cii-operator")).body;
    const form = html.slice(html.indexOf('<form class="register-filters"'), html.indexOf("</form>", html.indexOf('<form class="register-filters"')));
    expect(form).toContain('<input type="hidden" name="actor" value="cii-operator">');
    expect(form).toContain('<input type="hidden" name="service" value="telecoms">');
  });
});

describe("order", () => {
  it("is by instrument and article by default, with contents per instrument", async () => {
    const html = (await get(CII_TELECOM)).body;
    expect(cards(html).map((c) => c.split(":")[0])).toEqual(["CSL Art. 23 (2026)", "CSL Art. 26 (2026)", "CSL Art. 39 (2026)", "CTL Art. 18", "CTL Art. 19", "CTL Art. 21"]);
    expect(text(html)).toMatch(/Contents Summary Cybersecurity Law of the People's Republic of China \(3\) Counterterrorism Law of the People's Republic of China \(3\)/);
    expect(html).toContain('href="#group-cybersecurity-law"');
    expect(html).toContain('id="group-cybersecurity-law"');
  });

  it("sort=exposure puts the heaviest first: custody, then the entity's fine, then the rest", async () => {
    const html = (await get(`${CII_TELECOM}&sort=exposure`)).body;
    // CTL Art. 18 brings detention for managers; CSL Art. 23 a fine; the others no penalty article.
    expect(cards(html).map((c) => c.split(":")[0])).toEqual(["CTL Art. 18", "CSL Art. 23 (2026)", "CSL Art. 26 (2026)", "CSL Art. 39 (2026)", "CTL Art. 19", "CTL Art. 21"]);
    expect(text(html)).toMatch(/Contents Summary Custody \(detention or prison\) \(1\) Fines on the entity \(1\) No penalty article linked \(4\)/);
    expect(chips(html).map((c) => c.label)).toEqual(["Heaviest sanction first"]);
  });

  it("group=theme lists the contents by theme", async () => {
    const t = text((await get(`${CII_TELECOM}&group=theme`)).body);
    expect(t).toMatch(/Contents Summary Content monitoring and removal \(1\) Cooperation with and technical support to authorities \(1\) Data localisation \(1\) Real-name registration \(2\) Security protection \(1\)/);
  });
});

describe("the questionnaire", () => {
  it("derives the roles from the answers, each with its reason, and opens their register", async () => {
    const res = await get("/profile?service=telecoms&cii=yes");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Compliance register: Telecommunications operator + Critical information infrastructure operator");
    expect(t).toContain("you provide telecommunications services → telecommunications operator, a kind of network operator");
    expect(t).toContain("Which services do you provide? Telecommunications");
    // The form to change the answers comes back filled in.
    expect(res.body).toContain('name="service" value="telecoms" checked');
    expect(res.body).toContain('name="cii" value="yes" checked');
  });

  it("lists the roles a don't-know answer would bring as needing review, with the provision that defines them", async () => {
    for (const url of ["/check?cii=unknown&service=banking", "/profile?cii=unknown&service=banking"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const t = text(res.body);
      expect(t, url).toMatch(/Needs review.*Critical information infrastructure operator : you do not know whether you operate critical information infrastructure → critical information infrastructure operator, a kind of network operator\. Who counts: CSL Art\. 41 \(2026\)/);
      expect(res.body, url).toContain('href="/laws/cybersecurity-law/2026-01-01/art-41"');
    }
    // The register offers to add the role; until then its duties are not listed.
    const html = (await get("/profile?cii=unknown&service=banking")).body;
    expect(html).toContain('href="/profile?actor=cii-operator&amp;service=banking&amp;cii=unknown#results"');
    expect(cards(html)).toEqual(["CTL Art. 21: Check customers' identity."]);
  });

  it("/check shows the form, and with answers the roles and a link to their register", async () => {
    expect((await get("/check")).body).toContain('<form class="questionnaire" method="get" action="/profile#results"');
    const t = text((await get("/check?service=telecoms")).body);
    expect(t).toContain("Your roles Telecommunications operator : you provide telecommunications services → telecommunications operator, a kind of network operator");
    expect((await get("/check?service=telecoms")).body).toContain('href="/profile?service=telecoms#results"');
  });

  it("keeps one filled action per page: the questionnaire's button, or the link to the register", async () => {
    for (const url of ["/", "/check", "/check?service=telecoms", "/profile?service=telecoms&cii=yes", "/actors/cii-operator"]) {
      const html = (await get(url)).body;
      expect((html.match(/class="(button )?primary"/g) ?? []).length, url).toBeLessThanOrEqual(1);
    }
  });

  it("the home page holds the questionnaire, so the register is three interactions away", async () => {
    const html = (await get("/")).body;
    expect(html).toContain('<form class="questionnaire" method="get" action="/profile#results" id="check">');
  });

  it.each([
    ["/profile?cii=maybe", "cii", ["yes", "unknown", "no"]],
    ["/profile?service=telecoms,spaceflight", "service", ["network", "telecoms", "banking"]],
    ["/check?cii=yes&cii=no", "cii", []],
    ["/profile?actor=martian", "actor", ["cii-operator"]],
    ["/actors/cii-operator?sort=loudest", "sort", ["article", "exposure"]],
    ["/profile?actor=cii-operator&scope=none", "scope", ["specific", "all"]],
    ["/profile?actor=cii-operator&penalty=maybe", "penalty", ["yes", "no"]],
    ["/profile?actor=cii-operator&instrument=nope", "instrument", ["cybersecurity-law"]],
    ["/profile?actor=cii-operator&theme=snacks", "theme", ["data-localisation"]],
  ])("answers %s with a 400 naming the parameter and its allowed values", async (url, parameter, allowed) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`Parameter: <code>${parameter}</code>`);
    // Each allowed value in words where it has a label (an actor's name, a theme), with the value to give.
    for (const a of allowed) expect(res.body).toMatch(new RegExp(`<li>(?:[^<]+ <code title="The value to give">|<code>)${a}</code></li>`));
  });
});

describe("hand-over formats", () => {
  it("CSV: one row per duty, UTF-8 with BOM, each tier's trigger beside its sanctions, absolute permalinks, no formula cells", async () => {
    const res = await get(`/profile.csv?actor=cii-operator&actor=telecom-operator&at=2020-01-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers["content-disposition"]).toContain("attachment");
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(res.body.slice(1));
    const header = rows[0] as string[];
    expect(header.slice(0, 15)).toEqual(["obligation_id", "instrument", "instrument_title", "version", "article", "heading", "duty", "conditions", "roles", "reasons", "theme", "scope", "penalty_articles", "penalty_article_ids", "no_penalty_note"]);
    expect(header).toContain("tier1_when");
    expect(header.at(-1)).toBe("permalink");
    expect(rows).toHaveLength(1 + 6);
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    const protect = rows.find((r) => col(r, "duty") === "Run the tiered protection scheme.") as string[];
    expect(col(protect, "tier1_when")).toBe("On first violation");
    expect(col(protect, "tier1_entity")).toBe("Order to correct; Warning");
    expect(col(protect, "tier2_when")).toBe("If it refuses to correct or harm results");
    expect(col(protect, "tier2_entity")).toContain("Fine RMB 10,000–100,000");
    expect(col(protect, "roles")).toBe("Critical information infrastructure operator | Telecommunications operator");
    expect(col(protect, "permalink")).toBe("http://test.local/laws/cybersecurity-law/2017-06-01/art-21");
    // The stable obligation ID: instrument, lineage id and obligation id, the same in every text.
    expect(col(protect, "obligation_id")).toBe("cybersecurity-law/p21#protect");
    expect(col(protect, "penalty_article_ids")).toBe("cybersecurity-law/p59");
    for (const r of rows.slice(1)) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@]/);
  });

  it("Markdown and Word HTML start with the header block: roles, answers, date, data version, disclaimer, absolute links", async () => {
    const md = await get("/profile.md?service=telecoms&cii=yes&at=2020-01-01");
    expect(md.headers["content-type"]).toMatch(/^text\/markdown/);
    expect(md.body).toMatch(/^# Compliance register: Telecommunications operator \+ Critical information infrastructure operator\n/);
    for (const s of ["**Roles:**", "**Answers:** Which services do you provide? Telecommunications", "**Law as at:** 1 January 2020", "**Data version:** fixture-1", "> Summaries are our own words", "<http://test.local/profile?service=telecoms&cii=yes&at=2020-01-01>", "[CSL Art. 59 (2017)](http://test.local/laws/cybersecurity-law/2017-06-01/art-59)"]) expect(md.body).toContain(s);
    expect(md.body).not.toMatch(/\]\(\//);
    const html = await get("/profile.html?service=telecoms&cii=yes&at=2020-01-01");
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    const t = text(html.body);
    for (const s of ["Roles", "Answers", "Law as at 1 January 2020", "Data version fixture-1", "research aid, not legal advice"]) expect(t).toContain(s);
    expect(html.body).not.toMatch(/href="\//);
    expect(html.body).toContain('href="http://test.local/laws/cybersecurity-law/2017-06-01/art-59"');
  });

  it("refuses an export with no role", async () => {
    const res = await get("/profile.csv");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Parameter: <code>actor</code>");
  });

  it("Add all to memo is one GET link with the listed duties, filters applied", async () => {
    const html = (await get(`${CII_TELECOM}&penalty=yes`)).body;
    const href = /<a class="memo-all" href="([^"]+)">Add all 2 to memo<\/a>/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(href).toBe(`/memo?items=${encodeURIComponent("cybersecurity-law/2026-01-01/art-23/protect,counterterrorism-law/2016-01-01/art-18/support")}`);
    const memo = await get(href as string);
    expect(memo.statusCode).toBe(200);
    expect(text(memo.body)).toContain("Run the tiered protection scheme.");
  });

  it("the API answers the same rows, with the ladder, and problem+json on bad input", async () => {
    const res = await get("/api/v1/register?actor=cii-operator&actor=telecom-operator&at=2020-01-01");
    expect(res.statusCode).toBe(200);
    const body = RegisterPage.parse(JSON.parse(res.body));
    const csv = parseCsv((await get("/profile.csv?actor=cii-operator&actor=telecom-operator&at=2020-01-01")).body.slice(1));
    expect(body.data.map((d) => d.url)).toEqual(csv.slice(1).map((r) => r.at(-1)));
    const protect = body.data.find((d) => d.duty === "Run the tiered protection scheme.");
    expect(protect?.tiers.map((t) => t.when)).toEqual(["On first violation", "If it refuses to correct or harm results"]);
    expect(body.summary).toEqual({ specific: 6, general: 0, instruments: 2, withPenalty: 3 });
    for (const url of ["/api/v1/register", "/api/v1/register?actor=martian", "/api/v1/register?actor=cii-operator&sort=loudest"]) {
      const bad = await get(url);
      expect(bad.statusCode, url).toBe(400);
      expect(bad.headers["content-type"], url).toMatch(/^application\/problem\+json/);
    }
  });
});

