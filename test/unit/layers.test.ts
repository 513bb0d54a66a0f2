// Lower layers never import upper ones: domain < data < texts/search < query < view-models/memo
// < api/routes/plugins < app.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");
const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
const importsOf = (file: string) => [...readFileSync(join(SRC, file), "utf8").matchAll(/^(?:import|export)[^;]*?from "(\.[^"]+)\.js"/gms)].map((m) => relative(SRC, resolve(dirname(join(SRC, file)), m[1]!)) + ".ts");
const folder = (file: string) => file.split("/")[0]!;

describe("the layers of src/", () => {
  it("has no import from the rules' loading, the texts, search, queries, view models or memo up to the API, routes, plugins or the app", () => {
    const lower = new Set(["domain", "data", "texts", "search", "query", "view-models", "memo"]);
    const upper = new Set(["api", "routes", "plugins", "app.ts", "server.ts", "cli"]);
    const upward = files.flatMap((f) => (lower.has(folder(f)) ? importsOf(f).filter((t) => upper.has(folder(t))).map((t) => `${f} -> ${t}`) : []));
    expect(upward).toEqual([]);
  });

  it("has no import circle in src/data (the loader, the reference check and the catalog builder share the parsed rules' type from below)", () => {
    const data = files.filter((f) => folder(f) === "data");
    const circles: string[] = [];
    const visit = (f: string, path: string[]) => {
      for (const t of importsOf(f).filter((t) => folder(t) === "data")) {
        if (path.includes(t)) circles.push([...path.slice(path.indexOf(t)), t].join(" -> "));
        else visit(t, [...path, t]);
      }
    };
    for (const f of data) visit(f, [f]);
    expect(circles).toEqual([]);
  });
});
