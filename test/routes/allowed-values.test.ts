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
