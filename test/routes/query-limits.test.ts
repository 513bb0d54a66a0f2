// Caps on what one request may ask for, where the answer's cost grows with it (issue 21, section
// 2 item 2): memo items, the register's roles, the search query. Each is a 400 that names the
// parameter and the limit (problem+json under /api, a tool error on /mcp). Real rules: the role
// cap needs more actors than the fixture has.
import type { FastifyInstance } from "fastify";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "../../src/config.js";
import { questions } from "../../src/query/questionnaire.js";
import { buildTestApp, REAL_RULES } from "../helpers/test-app.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({}, REAL_RULES);
});
afterAll(() => app.close());
const get = (url: string) => app.inject({ method: "GET", url });

/** Every pinned article path of the real rules, one per provision (its latest text). */
function articlePaths(): string[] {
  const c = (app as unknown as { catalog: import("../../src/domain/catalog.js").Catalog }).catalog;
  return c.provisions.map((p) => {
    const v = p.versionIds.at(-1) as string;
    return `${p.instrumentId}/${v}/art-${p.data.numbers[v]}`;
  });
}
const actorIds = () => (app as unknown as { catalog: import("../../src/domain/catalog.js").Catalog }).catalog.actors.map((a) => a.id);

function expectBad(res: { statusCode: number; body: string; headers: Record<string, unknown> }, parameter: string, limit: number) {
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain(parameter);
  expect(res.body).toContain(String(limit));
}

describe("memo items", () => {
  const max = QUERY_LIMITS.memoItems;
  it(`makes a memo of ${max} articles in every format, and refuses ${max + 1} with a 400 naming items and the limit`, async () => {
    const paths = articlePaths();
    expect(paths.length).toBeGreaterThan(max);
    const full = paths.slice(0, max).join(",");
    const over = paths.slice(0, max + 1).join(",");
    for (const path of ["/memo", "/memo.docx", "/memo.md", "/memo.csv", "/memo.json", "/memo.html"]) {
      expect((await get(`${path}?items=${full}`)).statusCode, path).toBe(200);
      const res = await get(`${path}?items=${over}`);
      expectBad(res, "items", max);
      expect(res.headers["content-type"], path).toMatch(/^text\/html/);
    }
  });

  it("refuses adding one more item to a full memo", async () => {
    const paths = articlePaths();
    const res = await get(`/memo?items=${paths.slice(0, max).join(",")}&add=${paths[max]}`);
    expectBad(res, "add", max);
  });
});

describe("the register's roles", () => {
  const max = QUERY_LIMITS.roles;
  it("covers every role the questionnaire can bring, with every box ticked", async () => {
    const c = (app as unknown as { catalog: import("../../src/domain/catalog.js").Catalog }).catalog;
    const tickAll = questions(c).map((q) => (q.choose === "any" ? q.options.map((o) => `${q.id}=${o.value}`).join("&") : `${q.id}=${[...q.options].sort((a, b) => b.roles.length - a.roles.length)[0]?.value}`)).join("&");
    const res = await get(`/profile.csv?${tickAll}`);
    expect(res.statusCode).toBe(200);
    const bringable = new Set(questions(c).flatMap((q) => q.options.flatMap((o) => o.roles.map((r) => r.actor))));
    expect(bringable.size).toBeLessThan(max);
  });

  it(`serves a register of ${max} roles and refuses ${max + 1}, on the page, its exports and the API`, async () => {
    const ids = actorIds();
    expect(ids.length).toBeGreaterThan(max);
    const atMax = `actor=${ids.slice(0, max).join(",")}`;
    const over = `actor=${ids.slice(0, max + 1).join(",")}`;
    expect((await get(`/profile.csv?${atMax}`)).statusCode).toBe(200);
    for (const path of ["/profile", "/profile.csv", "/profile.md", "/profile.html", "/profile.xlsx", "/profile.docx", "/profile.atom", "/profile/changes"]) expectBad(await get(`${path}?${over}`), "actor", max);
    const api = await get(`/api/v1/register?${over}`);
    expectBad(api, "actor", max);
    expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(api.body)).toMatchObject({ status: 400 });
  });

  it("counts the roles the answers bring with the actors picked", async () => {
    const ids = actorIds();
    const c = (app as unknown as { catalog: import("../../src/domain/catalog.js").Catalog }).catalog;
    const brought = new Set(questions(c).find((q) => q.id === "org")?.options.flatMap((o) => o.roles.map((r) => r.actor)));
    const picked = ids.filter((id) => !brought.has(id)).slice(0, max - 1);
    expect(picked.length).toBe(max - 1);
    expect((await get(`/profile.csv?actor=${picked.join(",")}&org=charity`)).statusCode).toBe(200); // max roles
    expectBad(await get(`/profile.csv?actor=${picked.join(",")}&org=charity,foundation`), "actor", max);
  });
});

describe("the search query", () => {
  const max = QUERY_LIMITS.searchQuery;
  it(`answers a query of ${max} characters and refuses a longer one, on the page and the API`, async () => {
    const at = "数据".repeat(max / 2);
    const over = `${at}数`;
    expect((await get(`/search?q=${encodeURIComponent(at)}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/search?q=${encodeURIComponent(at)}`)).statusCode).toBe(200);
    expectBad(await get(`/search?q=${encodeURIComponent(over)}`), "q", max);
    const api = await get(`/api/v1/search?q=${encodeURIComponent(over)}`);
    expectBad(api, "q", max);
    expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});

describe("the MCP tools", () => {
  const call = async (name: string, args: Record<string, unknown>) => {
    const res = await app.inject({ method: "POST", url: "/mcp", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, payload: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }) });
    const text = res.body.startsWith("{") ? res.body : (/^data: (.*)$/m.exec(res.body)?.[1] ?? "");
    return JSON.parse(text) as { result?: { isError?: boolean; content: { text: string }[] }; error?: { message: string } };
  };
  const refusal = (r: Awaited<ReturnType<typeof call>>) => r.error?.message ?? (r.result?.isError ? r.result.content.map((x) => x.text).join(" ") : "");

  it("refuses a search query over the limit", async () => {
    expect(refusal(await call("search", { query: "数据".repeat(QUERY_LIMITS.searchQuery / 2) }))).toBe("");
    expect(refusal(await call("search", { query: "数据".repeat(QUERY_LIMITS.searchQuery / 2 + 1) }))).toMatch(String(QUERY_LIMITS.searchQuery));
  });

  it("refuses obligations for more roles than the register holds, actors and answers counted together", async () => {
    const ids = actorIds();
    expect(refusal(await call("obligations", { actors: ids.slice(0, QUERY_LIMITS.roles + 1) }))).toMatch(String(QUERY_LIMITS.roles));
    const c = (app as unknown as { catalog: import("../../src/domain/catalog.js").Catalog }).catalog;
    const brought = new Set(questions(c).find((q) => q.id === "org")?.options.flatMap((o) => o.roles.map((r) => r.actor)));
    const picked = ids.filter((id) => !brought.has(id)).slice(0, QUERY_LIMITS.roles);
    expect(refusal(await call("obligations", { actors: picked, answers: { org: ["charity"] } }))).toMatch(`at most ${QUERY_LIMITS.roles} roles`);
  });
});

describe("the office files, written off the event loop", () => {
  // Measured in-process on the main thread, a 50-article memo's .docx held the event loop for
  // 0.2 to 0.4 s, and a 50-role register's .docx for 0.5 to 0.8 s; in the worker, what remains on
  // the main thread is building the memo or the register (README, Limits on clients).
  const longestStall = async (url: string) => {
    let last = performance.now();
    let longest = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const res = await get(url);
    clearInterval(tick);
    return { res, longest: Math.max(longest, performance.now() - last) };
  };

  it("writes a 50-article memo's .docx while the event loop keeps turning", async () => {
    const items = articlePaths().slice(0, QUERY_LIMITS.memoItems).join(",");
    await get(`/memo.docx?items=${articlePaths()[0]}`); // the worker starts with the first file
    const { res, longest } = await longestStall(`/memo.docx?items=${items}&title=${Date.now()}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(longest).toBeLessThan(150);
  });

  it("writes the register's .xlsx and .docx there too", async () => {
    const q = `actor=${actorIds().slice(0, 5).join(",")}`;
    for (const [ext, part] of [["xlsx", "xl/workbook.xml"], ["docx", "word/document.xml"]] as const) {
      const res = await get(`/profile.${ext}?${q}`);
      expect(res.statusCode).toBe(200);
      expect(Object.keys(unzipSync(new Uint8Array(res.rawPayload)))).toContain(part);
    }
  });
});
