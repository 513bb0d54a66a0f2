// Builds the app for route tests through one helper, on fixture rules by default.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { loadRules } from "../../src/data/load-rules.js";

export const FIXTURE_RULES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/rules");
export const REAL_RULES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../rules");
export const FIXTURE_TEXTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/law-texts"); // short texts written for the tests

export async function buildTestApp(overrides: Partial<Config> = {}, rulesDir = FIXTURE_RULES): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: "test", RULES_DIR: rulesDir }, { publicOrigin: "http://test.local", ...overrides });
  const app = await buildApp(config, { catalog: await loadRules(config.rulesDir) });
  await app.ready();
  return app;
}

/** The visible text of an HTML page: tags dropped, common entities decoded, spaces folded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/**
 * One app per test file, built before its tests and closed after them:
 * `const t = useTestApp(); … await t.get("/laws")`.
 */
export function useTestApp(rulesDir = FIXTURE_RULES) {
  const ctx = {
    app: undefined as unknown as FastifyInstance,
    get: (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: "GET", url, headers }),
  };
  beforeAll(async () => {
    ctx.app = await buildTestApp({}, rulesDir);
  });
  afterAll(async () => {
    await ctx.app?.close();
  });
  return ctx;
}

/**
 * Two apps on the fixture rules, one serving the short fixture texts (LAW_TEXTS_DIR) and one with
 * none, built before the file's tests and closed after them.
 */
export function useAppsWithAndWithoutTexts() {
  const apps = { withTexts: undefined as unknown as FastifyInstance, without: undefined as unknown as FastifyInstance };
  beforeAll(async () => {
    [apps.withTexts, apps.without] = await Promise.all([buildTestApp({ lawTextsDir: FIXTURE_TEXTS }), buildTestApp()]);
  });
  afterAll(async () => {
    await Promise.all([apps.withTexts?.close(), apps.without?.close()]);
  });
  return apps;
}
