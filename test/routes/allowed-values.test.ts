// A 400 page names the allowed values of the parameter in words (an actor's name, a sort in
// words), each with the value to give; the API's problem+json keeps the values alone.
import { describe, expect, it } from "vitest";
import { useTestApp, visibleText } from "../helpers/test-app.js";

const server = useTestApp();

describe("a 400 page's allowed values", () => {
  it("lists them in words, each with the value to give", async () => {
    const res = await server.get("/penalties?sort=biggest");
    expect(res.statusCode).toBe(400);
    const t = visibleText(res.body);
    expect(t).toContain("Highest fine first max-fine");
    expect(t).toContain("By law and article article");
    const actor = visibleText((await server.get("/penalties?actor=nobody")).body);
    expect(actor).toContain("Critical information infrastructure operator cii-operator");
    const api = await server.get("/api/v1/penalties?sort=biggest");
    expect(JSON.parse(api.body).allowed).toContain("max-fine"); // the API keeps the values
  });
});

describe("sort options", () => {
  it.each(["/provisions", "/penalties"])("on %s are in words, each with a title", async (url) => {
    const html = (await server.get(url)).body;
    const options = [...html.matchAll(/<option value="([a-z-]+)" title="([^"]+)"(?: selected)?>([^<]+)<\/option>/g)].filter((m) => ["article", "max-fine", "max-custody", "instrument", "min-fine"].includes(m[1] as string));
    expect(options.length).toBeGreaterThanOrEqual(4);
    for (const m of options) expect(m[3]).not.toBe(m[1]);
    expect(options.map((m) => m[3])).toContain("By law and article");
  });
});
