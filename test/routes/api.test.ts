import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { apiOperations } from "../../src/api/operations.js";
import * as S from "../../src/api/schemas.js";
import { useTestApp, visibleText } from "../helpers/test-app.js";

const server = useTestApp();
const get = server.get;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = (await get("/api/v1/openapi.json")).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every /api/v1 route the server has, and nothing else", async () => {
    const doc = (await get("/api/v1/openapi.json")).json();
    const served = server.app.routeList
      .filter((r) => (r.method === "GET" || r.method === "POST") && r.url.startsWith("/api/v1") && r.url !== "/api/v1/openapi.json")
      .map((r) => r.url.replace(/:(\w+)/g, "{$1}"))
      .filter((url, i, all) => all.indexOf(url) === i)
      .sort();
    expect(Object.keys(doc.paths).sort()).toEqual(served);
    expect(served.length).toBeGreaterThanOrEqual(10);
  });

  it("documents list parameters with their allowed values, from the same schemas as the pages", async () => {
    const doc = (await get("/api/v1/openapi.json")).json();
    const params = doc.paths["/api/v1/penalties"].get.parameters as { name: string; schema: { type: string; items?: { enum?: string[] }; enum?: string[] } }[];
    const bearer = params.find((p) => p.name === "bearer");
    expect(bearer?.schema.type).toBe("array");
    expect(bearer?.schema.items?.enum).toEqual(["entity", "managers", "individual", "official"]);
    expect(params.find((p) => p.name === "sort")?.schema.enum).toContain("max-fine");
    const q = (doc.paths["/api/v1/search"].get.parameters as { name: string; required: boolean }[]).find((p) => p.name === "q");
    expect(q?.required).toBe(true);
  });
});

describe("every operation answers what its schema says", () => {
  const ops = () => apiOperations(server.app.catalog, server.app.searchIndex, server.app.publicOrigin);

  it("each documented example returns 200 JSON that parses with the operation's Zod schema and the OpenAPI component", async () => {
    const doc = (await get("/api/v1/openapi.json")).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(doc, "openapi.json");
    let checked = 0;
    for (const op of ops()) {
      const examples = op.examples ?? [op.path];
      for (const url of examples) {
        if (url.includes("{")) continue;
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers["content-type"]).toMatch(/^application\/json/);
        const body = res.json();
        const parsed = op.response.safeParse(body);
        expect(parsed.success, `${url}: ${parsed.error?.message}`).toBe(true);
        const ref = doc.paths[op.path].get.responses["200"].content["application/json"].schema.$ref as string;
        const validate = ajv.getSchema(`openapi.json${ref}`);
        expect(validate?.(body), `${url}: ${JSON.stringify(validate?.errors?.slice(0, 3))}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });
});

describe("/api/v1 resources", () => {
  it("provisions take the /provisions filters and paginate with links and a Link header", async () => {
    const res = await get("/api/v1/provisions?instrument=cybersecurity-law&per_page=2");
    const body = S.ProvisionPage.parse(res.json());
    expect(body.data.every((p) => p.instrument === "cybersecurity-law")).toBe(true);
    expect(body.meta).toMatchObject({ page: 1, perPage: 2 });
    expect(body.meta.pages).toBe(Math.ceil(body.meta.total / 2));
    expect(body.links.next).toBe("http://test.local/api/v1/provisions?instrument=cybersecurity-law&per_page=2&page=2");
    expect(res.headers.link).toContain('rel="next"');
    const last = S.ProvisionPage.parse((await get(body.links.last.replace("http://test.local", ""))).json());
    expect(last.links.next).toBeUndefined();
    expect(last.data.length).toBe(body.meta.total - 2 * (body.meta.pages - 1));
  });

  it("a pinned provision carries its citations, its obligations in that text and its numbers elsewhere", async () => {
    const p = S.ProvisionDetail.parse((await get("/api/v1/provisions/cybersecurity-law/2017-06-01/art-37")).json());
    expect(p).toMatchObject({ key: "cybersecurity-law/p37", version: "2017-06-01", number: "37", url: "http://test.local/laws/cybersecurity-law/2017-06-01/art-37" });
    expect(p.citation.chinese).toContain("第三十七条");
    expect(p.obligations.map((o) => o.id)).toEqual(["store-in-china"]);
    expect(p.otherVersions).toEqual([{ version: "2026-01-01", number: "39", url: "http://test.local/laws/cybersecurity-law/2026-01-01/art-39", api: "http://test.local/api/v1/provisions/cybersecurity-law/2026-01-01/art-39" }]);
  });

  it("an actor lists inherited obligations with the chain that makes them bind", async () => {
    const a = S.ActorDetail.parse((await get("/api/v1/actors/cii-operator")).json());
    expect(a.ancestors).toContain("network-operator");
    const inherited = a.obligations.find((o) => o.boundAs === "network-operator");
    expect(inherited?.chain).toEqual(["cii-operator", "network-operator"]);
    expect(a.obligations.some((o) => o.key === "cybersecurity-law/p37#store-in-china")).toBe(true);
  });

  it("penalties use the /penalties filters and sort; uncapped fines are null with fineUncapped", async () => {
    const page = S.PenaltyPage.parse((await get("/api/v1/penalties?sort=max-fine")).json());
    const first = page.data[0];
    expect(first).toMatchObject({ instrument: "counterterrorism-law", fineMax: null, fineUncapped: true, fineMin: 500000 });
    const html = visibleText((await get("/penalties?instrument=counterterrorism-law")).body);
    const api = S.PenaltyPage.parse((await get("/api/v1/penalties?instrument=counterterrorism-law")).json());
    expect(html).toContain(`${api.meta.total} rows`);
  });

  it("search recognises citations and expands glossary terms", async () => {
    const s = S.SearchPage.parse((await get(`/api/v1/search?q=${encodeURIComponent("CSL 37")}`)).json());
    expect(s.citations[0]).toMatchObject({ url: "http://test.local/laws/cybersecurity-law/2017-06-01/art-37" });
    const zh = S.SearchPage.parse((await get(`/api/v1/search?q=${encodeURIComponent("实名")}`)).json());
    expect(zh.data[0]?.key).toBe("cybersecurity-law/p24");
  });

  it("the glossary and the instruments list are paginated resources", async () => {
    expect(S.GlossaryPage.parse((await get("/api/v1/glossary")).json()).data.length).toBeGreaterThan(0);
    const ins = S.InstrumentPage.parse((await get("/api/v1/instruments")).json());
    expect(ins.data.map((i) => i.id)).toContain("cybersecurity-law");
  });
});

describe("API errors are RFC 9457 problems naming the parameter", () => {
  const problem = async (url: string, status: number) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    return S.Problem.parse(res.json());
  };

  it("an unknown value lists the allowed ones", async () => {
    const p = await problem("/api/v1/penalties?bearer=ceo", 400);
    expect(p).toMatchObject({ parameter: "bearer", status: 400 });
    expect(p.allowed).toEqual(["entity", "managers", "individual", "official"]);
  });

  it("an unknown parameter is named", async () => {
    expect((await problem("/api/v1/provisions?instrumnet=cybersecurity-law", 400)).parameter).toBe("instrumnet");
  });

  it("paging beyond the limits is refused", async () => {
    expect((await problem("/api/v1/glossary?per_page=1000", 400)).parameter).toBe("per_page");
    expect((await problem("/api/v1/glossary?page=0", 400)).parameter).toBe("page");
  });

  it("a missing search query is named", async () => {
    expect((await problem("/api/v1/search", 400)).parameter).toBe("q");
  });

  it("unknown resources are 404 problems with suggestions", async () => {
    expect((await problem("/api/v1/instruments/nope", 404)).suggestions?.length).toBeGreaterThan(0);
    await problem("/api/v1/actors/nope", 404);
    await problem("/api/v1/provisions/cybersecurity-law/2017-06-01/art-999", 404);
    await problem("/api/v1/provisions/cybersecurity-law/2019-01-01/art-37", 404);
    await problem("/api/v1/nothing-here", 404);
  });
});

describe("HTTP behaviour of the API", () => {
  it("sends ETag and Cache-Control, and 304 on If-None-Match", async () => {
    const res = await get("/api/v1/actors");
    expect(res.headers.etag).toMatch(/^"/);
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    const again = await get("/api/v1/actors", { "if-none-match": String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it("is open to every origin for GET, with a preflight answer", async () => {
    const res = await get("/api/v1/glossary", { origin: "https://example.org" });
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-expose-headers"]).toContain("Link");
    const pre = await server.app.inject({ method: "OPTIONS", url: "/api/v1/glossary", headers: { origin: "https://example.org", "access-control-request-method": "GET" } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
    expect((await get("/laws")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("/api/docs renders the document as a page without third-party requests", async () => {
    const res = await get("/api/docs");
    expect(res.statusCode).toBe(200);
    const t = visibleText(res.body);
    expect(t).toContain("GET /api/v1/penalties");
    expect(t).toContain("entity, managers, individual, official");
    expect(res.body).not.toMatch(/(src|href)="https?:\/\/(?!test\.local)/);
  });
});

describe("names and order, as on the pages", () => {
  it("names each version by its in-force year and labels articles with their text", async () => {
    const ins = (await get("/api/v1/instruments/cybersecurity-law")).json();
    expect(ins.versions.map((v: { label: string }) => v.label)).toEqual(["2017 text", "2026 text"]);
    const found = (await get("/api/v1/search?q=store+data+in+china")).json();
    expect(found.data[0]).toMatchObject({ label: "CSL Art. 39 (2026)", matchesAll: true });
    const flags = found.data.map((i: { matchesAll: boolean }) => i.matchesAll);
    expect(flags.indexOf(false)).toBeGreaterThan(0);
    expect(flags.slice(flags.indexOf(false))).not.toContain(true); // every complete match first
  });
});
