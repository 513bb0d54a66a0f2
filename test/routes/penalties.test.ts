import { describe, expect, it } from "vitest";
import { useTestApp, visibleText } from "../helpers/test-app.js";

const server = useTestApp();
const get = server.get;
const text = visibleText;

describe("/penalties", () => {
  it("lists one row per tier and bearer, uncapped fines first by default", async () => {
    const res = await get("/penalties");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    // CTL 84 (entity, ≥ 500,000, no cap) outranks CSL 66 (entity, up to 500,000).
    expect(t.indexOf("≥ RMB 500,000 (no cap)")).toBeGreaterThan(-1);
    expect(t.indexOf("CTL Art. 84")).toBeLessThan(t.indexOf("CSL Art. 66"));
    expect(t).toContain("8 rows");
  });

  it("filters by actor through inherited duties and shows the exposure", async () => {
    const t = text((await get("/penalties?actor=cii-operator")).body);
    expect(t).toContain("Exposure of a critical information infrastructure operator");
    expect(t).toContain("CSL Art. 66");
    expect(t).not.toContain("CTL Art. 84 (");
  });

  it("sorts by custody, and filters by bearer", async () => {
    const t = text((await get("/penalties?sort=max-custody&bearer=managers")).body);
    expect(t).toContain("Administrative detention 5–15 days");
    expect(t).toContain("4 rows.");
    expect(t).not.toMatch(/ Entity up to| Entity RMB| Entity ≥/);
  });

  it("shows the law in force at a date: 2017 fines, not 2026 ones", async () => {
    const t = text((await get("/penalties?at=2020-01-01&instrument=cybersecurity-law")).body);
    expect(t).toContain("RMB 10,000–100,000");
    expect(t).not.toContain("RMB 10,000–500,000");
  });

  it("draws the charts as SVG with an accessible title and a data table", async () => {
    const res = await get("/penalties");
    expect(res.body).toContain('<svg role="group" aria-labelledby="fine-chart-svg-title fine-chart-desc"');
    expect(res.body).toContain("<title id=\"fine-chart-svg-title\">Fine ranges (RMB, log scale)</title>");
    expect(res.body).toMatch(/class="bar open"/);
    // each bar names the step that brings its figure
    expect(text(res.body)).toContain("CSL Art. 59 (2017) · managers · if it refuses to correct or harm results");
  });

  it.each([["bearer=boss"], ["sort=cheapest"], ["at=yesterday"], ["instrument=nope"]])("rejects %s with 400", async (qs) => {
    expect((await get(`/penalties?${qs}`)).statusCode).toBe(400);
  });
});

describe("/penalties.csv", () => {
  it("exports the current view with numeric columns and pinned URLs", async () => {
    const res = await get("/penalties.csv?instrument=counterterrorism-law");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("instrument,article,versions,url,tier,level,escalates_from,trigger,bearer,fine_min_rmb,fine_max_rmb,fine_uncapped,fine,relative_amount,custody_max_days,custody,other_sanctions,enforces");
    expect(lines).toContainEqual(expect.stringMatching(/^counterterrorism-law,84,2016-01-01,http:\/\/test\.local\/laws\/counterterrorism-law\/2016-01-01\/art-84,basic,first-violation,,Fails to provide support\.,entity,500000,,yes,/));
    expect(lines).toContainEqual(expect.stringMatching(/,managers,0,100000,no,.*,15,/));
  });
});

describe("/penalties/compare", () => {
  it("puts 2 to 6 pinned articles side by side, aligned by tier and bearer", async () => {
    const res = await get("/penalties/compare?ids=cybersecurity-law/2017-06-01/art-66,counterterrorism-law/2016-01-01/art-84");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("CSL Art. 66 (2017)");
    expect(t).toContain("CTL Art. 84");
    expect(t).toContain("Fine RMB 50,000–500,000");
    expect(t).toContain("Fine ≥ RMB 500,000 (no cap)");
  });

  it("without articles, explains itself and suggests pairs", async () => {
    const res = await get("/penalties/compare");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Put two to six penalty articles side by side");
    expect(t).toContain("Suggested comparisons");
    // in the fixtures: the curated CSL 66 / CTL 84 pair and the amended CSL article before and after
    expect(res.body).toContain('href="/penalties/compare?ids=cybersecurity-law/2017-06-01/art-66,counterterrorism-law/2016-01-01/art-84"');
    expect(res.body).toContain('href="/penalties/compare?ids=cybersecurity-law/2017-06-01/art-59,cybersecurity-law/2026-01-01/art-61"');
    expect(res.body).toMatch(/<select id="cmp-1" name="ids" required>/);
  });

  it("with one article, asks what to compare it with", async () => {
    const one = await get("/penalties/compare?ids=cybersecurity-law/2017-06-01/art-66");
    expect(one.statusCode).toBe(200);
    expect(text(one.body)).toContain("Compare CSL Art. 66 (2017) (Penalty for unlawful data export) with");
    expect(one.body).toContain('<input type="hidden" name="ids" value="cybersecurity-law/2017-06-01/art-66">');
    expect(one.body).not.toContain('<option value="cybersecurity-law/2017-06-01/art-66">');
  });

  it("is reached from every penalty table row, every penalty article and the menu", async () => {
    const table = await get("/penalties");
    expect(table.body).toContain('<form method="get" action="/penalties/compare" class="compare-form" id="compare-form">');
    expect(table.body).toMatch(/<input type="checkbox" name="ids" value="counterterrorism-law\/2016-01-01\/art-84" aria-label="Compare CTL Art\. 84">/);
    const article = await get("/laws/cybersecurity-law/2017-06-01/art-59");
    expect(article.body).toContain('<form method="get" action="/penalties/compare" class="compare-with">');
    expect(article.body).toContain('<input type="hidden" name="ids" value="cybersecurity-law/2017-06-01/art-59">');
    expect(article.body).toMatch(/<optgroup label="This article in other texts"><option value="cybersecurity-law\/2026-01-01\/art-61">/);
    expect(table.body).toContain('<a href="/penalties/compare">Compare</a>');
    const duty = await get("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(duty.body).not.toContain('class="compare-with"'); // no sanctions of its own
  });

  it("explains a bad list of ids", async () => {
    const bad = await get("/penalties/compare?ids=cybersecurity-law/2019-01-01/art-66,counterterrorism-law/2016-01-01/art-84");
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("has no version \"2019-01-01\"");
  });
});

describe("/penalties/changes", () => {
  it("puts the 2017 and 2026 CSL figures side by side with the ratio", async () => {
    const res = await get("/penalties/changes?instrument=cybersecurity-law");
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("CSL: penalties in the 2017 text and the 2026 text");
    expect(t).toContain("Art. 59 (2017) → Art. 61 (2026)");
    expect(t).toContain("max fine RMB 100,000");
    expect(t).toContain("max fine RMB 500,000");
    expect(t).toContain("max fine ×5 since 2026-01-01");
    expect(t).toContain("Art. 66 (2017) → not in the 2026 text");
    expect(res.body).toContain('href="/penalties/compare?ids=cybersecurity-law/2017-06-01/art-59,cybersecurity-law/2026-01-01/art-61"');
  });

  it("is linked from /penalties, whose newer rows carry the change", async () => {
    const t = text((await get("/penalties?instrument=cybersecurity-law")).body);
    expect(t).toContain("What amendments changed");
    expect(t).toContain("CSL: 2017 text → 2026 text");
    expect(t).toMatch(/CSL Art\. 61 \(2026\) max fine ×5 since 2026-01-01/);
  });

  it("explains a bad choice of texts", async () => {
    const single = await get("/penalties/changes?instrument=counterterrorism-law");
    expect(single.statusCode).toBe(400);
    expect(text(single.body)).toContain("has one text only");
    const order = await get("/penalties/changes?instrument=cybersecurity-law&from=2026-01-01&to=2017-06-01");
    expect(order.statusCode).toBe(400);
    expect(text(order.body)).toContain("must be a later text than from");
    const unknown = await get("/penalties/changes?instrument=cybersecurity-law&from=2019-01-01");
    expect(unknown.statusCode).toBe(400);
    expect(text(unknown.body)).toContain("has no text of 2019-01-01");
  });
});
