// The citation check through the page and the API, on the real rules and a memo written for the
// tests (test/fixtures/citation-memo.txt): every status, right and wrong figures in both languages.
import { describe, expect, it } from "vitest";
import type { CitationReport } from "../../src/citations/check-citations.js";
import { assertMemoReport, MEMO } from "../helpers/citation-memo.js";
import { REAL_RULES, useTestApp, visibleText } from "../helpers/test-app.js";

const t = useTestApp(REAL_RULES);

const form = (fields: Record<string, string>) => ({ headers: { "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(fields).toString() });
async function api(text: string, at?: string): Promise<CitationReport> {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/citations/check", headers: { "content-type": "application/json" }, payload: JSON.stringify(at ? { text, at } : { text }) });
  expect(res.statusCode).toBe(200);
  expect(res.headers["cache-control"]).toBe("no-store");
  return JSON.parse(res.body) as CitationReport;
}

describe("POST /api/v1/citations/check", () => {
  it("checks every citation of the memo and says what is wrong with each", async () => {
    assertMemoReport(await api(MEMO));
  });

  it("reads a citation at the date given: the PIPL was not in force on 1 January 2020", async () => {
    const r = await api("PIPL Art. 40 requires a local store.", "2020-01-01");
    expect(r.asAtSource).toBe("given");
    expect(r.citations[0]?.status).toBe("not-in-force");
  });

  it("takes text/plain with the date in the query", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/citations/check?at=2026-06-01", headers: { "content-type": "text/plain; charset=utf-8" }, payload: "《网络安全法》第三十七条" });
    expect(JSON.parse(res.body)).toMatchObject({ asAt: "2026-06-01", citations: [{ status: "ambiguous" }] });
  });

  it("refuses a body over 64 KB with a 413 problem and closes the connection", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/citations/check", headers: { "content-type": "text/plain" }, payload: "网".repeat(22_000) });
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.headers.connection).toBe("close");
  });

  it("names the field at fault: a missing text, an unknown field, a bad date", async () => {
    const post = (payload: unknown) => t.app.inject({ method: "POST", url: "/api/v1/citations/check", headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });
    expect(JSON.parse((await post({})).body)).toMatchObject({ status: 400, parameter: "text" });
    expect(JSON.parse((await post({ text: "x", extra: 1 })).body).detail).toContain('"extra"');
    expect(JSON.parse((await post({ text: "x", at: "2020-02-30" })).body)).toMatchObject({ status: 400, parameter: "at" });
  });

  it("says what is wrong with a body that is not JSON or of another type", async () => {
    const bad = await t.app.inject({ method: "POST", url: "/api/v1/citations/check", headers: { "content-type": "application/json" }, payload: "{text:" });
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400, parameter: "body" });
    const xml = await t.app.inject({ method: "POST", url: "/api/v1/citations/check", headers: { "content-type": "application/xml" }, payload: "<text/>" });
    expect(JSON.parse(xml.body)).toMatchObject({ status: 400, parameter: "content-type" });
  });

  it("is in the OpenAPI document", async () => {
    const doc = JSON.parse((await t.get("/api/v1/openapi.json")).body);
    expect(doc.paths["/api/v1/citations/check"].post.requestBody.content).toHaveProperty("application/json");
  });
});

describe("/check-citations", () => {
  it("is a form that works without JavaScript, and says which date it reads the law at by default", async () => {
    const res = await t.get("/check-citations");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form method="post" action="/check-citations"');
    expect(visibleText(res.body)).toContain("Empty: 2026-12-08, the date the rules describe the law as of");
  });

  it("lists every citation of the memo with its status, a summary and an add-all-to-memo link, never cached", async () => {
    const res = await t.app.inject({ method: "POST", url: "/check-citations", ...form({ text: MEMO }) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const text = visibleText(res.body);
    for (const label of ["Renumbered", "Deleted", "No such article", "No such paragraph", "No such item", "Ambiguous", "Unknown instrument", "Figure matches", "Figure differs"]) expect(text).toContain(label);
    expect(text).toContain("CSL Art. 37 (2017) is Art. 39 in the 2026 text");
    expect(res.body).toMatch(/href="\/memo\?items=cybersecurity-law%2F2026-01-01%2Fart-39/);
    expect(t.app.pageCache.has("/check-citations")).toBe(false);
  });

  it("exports the report as Markdown", async () => {
    const res = await t.app.inject({ method: "POST", url: "/check-citations", ...form({ text: "Under PIPL Art. 66, up to 10% of turnover.", format: "md" }) });
    expect(res.headers["content-type"]).toMatch(/^text\/markdown/);
    expect(res.body).toContain("**OK**: PIPL Art. 66");
    expect(res.body).toContain("Figure differs");
  });

  it("escapes the pasted text", async () => {
    const res = await t.app.inject({ method: "POST", url: "/check-citations", ...form({ text: 'CSL Art. 37 (2017) <img src=x onerror="alert(1)"></textarea><script>alert(2)</script>' }) });
    expect(res.body).not.toContain("<script>alert(2)");
    expect(res.body).not.toContain("<img src=x");
  });

  it("still refuses a body on every other address", async () => {
    for (const url of ["/", "/search", "/memo", "/api/v1/search"]) {
      const res = await t.app.inject({ method: "POST", url, headers: { "content-type": "text/plain" }, payload: "x" });
      expect(res.statusCode, url).toBe(413);
    }
  });
});

describe("methods of the addresses that take a body", () => {
  it("answers another method with a 405 that says POST", async () => {
    const api = await t.app.inject({ method: "GET", url: "/api/v1/citations/check" });
    expect(api.statusCode).toBe(405);
    expect(api.headers.allow).toBe("POST, OPTIONS");
    expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const mcp = await t.app.inject({ method: "DELETE", url: "/mcp" });
    expect(mcp.statusCode).toBe(405);
    const page = await t.app.inject({ method: "PUT", url: "/check-citations" });
    expect(page.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
  });
});
