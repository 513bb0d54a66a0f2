// The request log: one line per answer, with what an operator greps for, and no more.
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { loadRules } from "../../src/data/load-rules.js";
import { FIXTURE_RULES } from "../helpers/test-app.js";

describe("the request log", () => {
  it("writes one line per answer: method, address, status, time and client", async () => {
    const lines: Record<string, unknown>[] = [];
    const config = loadConfig({ NODE_ENV: "test", RULES_DIR: FIXTURE_RULES, LOG_LEVEL: "info" }, { publicOrigin: "http://test.local" });
    const app = await buildApp(config, { catalog: await loadRules(FIXTURE_RULES), logStream: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) } });
    try {
      await app.ready();
      lines.length = 0; // start-up lines aside
      expect((await app.inject({ method: "GET", url: "/laws" })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: "/nowhere?x=1" })).statusCode).toBe(404);
      const requests = lines.filter((l) => l.req !== undefined || l.res !== undefined || l.url !== undefined);
      expect(requests).toEqual([
        expect.objectContaining({ msg: "request completed", method: "GET", url: "/laws", statusCode: 200, responseTime: expect.any(Number), remoteAddress: "127.0.0.1" }),
        expect.objectContaining({ msg: "request completed", method: "GET", url: "/nowhere?x=1", statusCode: 404 }),
      ]);
      expect(lines.some((l) => l.msg === "incoming request")).toBe(false);
    } finally {
      await app.close();
    }
  });
});
