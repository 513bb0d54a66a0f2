import { describe, expect, it } from "vitest";
import { useTestApp, visibleText } from "../helpers/test-app.js";

const server = useTestApp();
const get = server.get;
const text = visibleText;

describe("/search", () => {
  it("jumps straight to an article whose number means one provision in every text", async () => {
    const res = await get(`/search?q=${encodeURIComponent("反恐怖主义法第八十四条")}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/laws/counterterrorism-law/2016-01-01/art-84");
  });

  it("offers both meanings of a renumbered article, and says what it is now", async () => {
    const res = await get("/search?q=CSL+37");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Go to the article");
    expect(t).toContain("CSL Art. 37 (2017) : Data localisation (now Art. 39, since 1 January 2026)");
    expect(res.body).toContain('href="/laws/cybersecurity-law/2017-06-01/art-37"');
  });

  it("shows a result renumbered by an amendment under its number in every text", async () => {
    const res = await get("/search?q=localisation");
    const item = res.body.slice(res.body.indexOf('<ol class="results'));
    const first = item.slice(0, item.indexOf("</li>"));
    expect(first).toContain('<a href="/laws/cybersecurity-law/2026-01-01/art-39">CSL Art. 39 (2026)</a>');
    expect(first).toContain('the same article in <a href="/laws/cybersecurity-law/2017-06-01/art-37">CSL Art. 37 (2017)</a>');
  });

  it("finds Chinese and English through the glossary, highlighted and explained", async () => {
    const zh = await get(`/search?q=${encodeURIComponent("实名")}`);
    expect(text(zh.body)).toContain("CSL Art. 26");
    const en = await get("/search?q=real+identity");
    expect(en.body).toContain("<mark>");
    // a reason a reader can use, not the index terms
    expect(text(en.body)).toMatch(/Every word matches, in [a-z ,]+ and the glossary term “real-name registration”\./);
    expect(text(en.body)).not.toMatch(/matched “/);
  });

  it("combines with the provisions facets", async () => {
    const t = text((await get("/search?q=identity&instrument=counterterrorism-law")).body);
    expect(t).toContain("CTL Art. 21");
    expect(t).not.toContain("CSL Art. 26");
  });

  it("explains an empty result and suggests terms", async () => {
    const t = text((await get("/search?q=zebra")).body);
    expect(t).toContain("Nothing matched zebra in article headings");
    expect(t).toContain("glossary");
  });

  it("offers the closest glossary terms, actors and instruments when nothing matches", async () => {
    const res = await get("/search?q=ciii");
    expect(text(res.body)).toContain("Did you mean: CII (critical information infrastructure)");
    expect(res.body).toContain('href="/search?q=critical%20information%20infrastructure"');
  });

  it("neither matches nor highlights stop words, and ranks results with every word first", async () => {
    const res = await get("/search?q=store+data+in+china");
    expect(res.body).not.toMatch(/<mark>in<\/mark>/i);
    expect(res.body).toMatch(/<mark>China<\/mark>/);
    expect(res.body).not.toMatch(/[a-z]<mark>/i); // no mark starts inside a word
    const t = text(res.body);
    expect(t).toMatch(/11 provisions found: 2 match every word and come first; 9 match only some\./);
    const order = [...res.body.matchAll(/<li( class="partial")?>\s*<p class="cite"><a href="([^"]+)"/g)].map((m) => [m[2], !!m[1]]);
    expect(order.slice(0, 2).every(([, partial]) => !partial)).toBe(true);
    expect(order.slice(2).every(([, partial]) => partial)).toBe(true);
    expect(order[0]?.[0]).toBe("/laws/cybersecurity-law/2026-01-01/art-39");
  });

  it("filters by instrument, kind and text, as /provisions does", async () => {
    const byKind = text((await get("/search?q=data&kind=administrative-regulation")).body);
    expect(byKind).toContain("within the chosen filters");
    expect(byKind).not.toContain("CSL Art.");
    const byVersion = await get("/search?q=operator&version=2026-01-01&instrument=cybersecurity-law");
    expect(byVersion.statusCode).toBe(200);
    expect(text(byVersion.body)).not.toContain("CTL Art.");
    expect(byVersion.body).toMatch(/<option value="2026-01-01" selected>/);
    const bad = await get("/search?q=data&kind=treaty");
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("kind");
  });

  it("escapes the query wherever it is shown", async () => {
    const res = await get(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("<script>alert(1)</script>");
  });

  it("rejects an over-long query with 400", async () => {
    const res = await get(`/search?q=${"a".repeat(500)}`);
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain("q");
  });
});

describe("/glossary", () => {
  it("lists terms in both languages with the articles that use them", async () => {
    const t = text((await get("/glossary")).body);
    expect(t).toContain("critical information infrastructure · 关键信息基础设施 · CII");
    expect(t).toContain("Used in: CSL Art. 39");
  });
});
