// The only place that reads process.env: environment → Zod → frozen config.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), path.basename(path.dirname(path.dirname(fileURLToPath(import.meta.url)))) === "dist" ? "../.." : "..");

const Env = z.object({
  HOST: z.string().default("127.0.0.1"), // loopback unless told otherwise
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  RULES_DIR: z.string().default(path.join(PROJECT_ROOT, "rules")),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  PUBLIC_ORIGIN: z.string().url().optional(), // used in absolute permalinks and feeds
  LAW_TEXTS_DIR: z.string().min(1).optional(), // a folder of official texts, title(YYYY-MM-DD).md; none: pages link the official source
});

export interface Config {
  host: string;
  port: number;
  rulesDir: string;
  production: boolean; // caches compiled templates and rendered pages
  logLevel: string;
  publicOrigin: string;
  publicOriginDefaulted: boolean; // PUBLIC_ORIGIN was unset: links point at http://localhost:PORT
  lawTextsDir?: string; // absolute; undefined: no official texts are shown or checked
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const e = Env.parse(env);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    rulesDir: path.resolve(e.RULES_DIR),
    production: e.NODE_ENV === "production",
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    publicOrigin: e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`,
    publicOriginDefaulted: e.PUBLIC_ORIGIN === undefined,
    ...(e.LAW_TEXTS_DIR ? { lawTextsDir: path.resolve(e.LAW_TEXTS_DIR) } : {}),
    ...overrides,
  });
}

/**
 * What a production start-up must shout about. Without PUBLIC_ORIGIN every absolute link the
 * site hands out (permalinks, citations, memo links, JSON-LD, CSV, Atom, API links) points at
 * localhost, which works on the server and nowhere else.
 */
export function productionWarnings(config: Readonly<Config>): string[] {
  if (!config.production || !config.publicOriginDefaulted) return [];
  return [`config: PUBLIC_ORIGIN is not set, so every permalink, citation, memo link, feed, CSV and API link points at ${config.publicOrigin}. Set PUBLIC_ORIGIN to the site's public address, e.g. PUBLIC_ORIGIN=https://law.example.org`];
}
