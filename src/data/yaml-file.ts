// Parses one YAML file and keeps what we need to point at a line later: a problem found
// by Zod or by the cross-reference check is reported at the line of the offending key.
//
// Two parsers, one meaning. js-yaml (YAML 1.2 core schema) reads a file several times faster,
// and almost every start-up reads only valid files; the `yaml` library keeps source positions,
// so it parses a file again only when a line must be named: a syntax error, or a problem found
// later. test/unit/data/yaml-file.test.ts checks that both read every rules file alike.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { CORE_SCHEMA, load as fastLoad } from "js-yaml";
import type { Document, Node } from "yaml";

// The `yaml` library is loaded on first use: a server started on valid rules never needs it
// (it would hold ~9 MB of memory for nothing).
type YamlLibrary = typeof import("yaml");
let yamlLibrary: YamlLibrary | undefined;
const yaml = (): YamlLibrary => (yamlLibrary ??= createRequire(import.meta.url)("yaml") as YamlLibrary);
import { formatPath, type RulesProblem } from "./problems.js";

export interface YamlFile {
  file: string;
  value: unknown;
  problems: RulesProblem[]; // YAML syntax problems; value is undefined when there are any
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

export async function readYamlFile(absolutePath: string, displayPath: string): Promise<YamlFile> {
  const text = await readFile(absolutePath, "utf8");
  return parseYamlText(text, displayPath);
}

export function parseYamlText(text: string, file: string): YamlFile {
  let value: unknown;
  try {
    value = fastLoad(text, { schema: CORE_SCHEMA, filename: file, json: false });
  } catch {
    return parseWithPositions(text, file); // it names the line and column of the syntax error
  }
  let positioned: YamlFile | undefined;
  const lineOf = (path: ReadonlyArray<PropertyKey>) => (positioned ??= parseWithPositions(text, file)).lineOf(path);
  return { file, value, problems: [], lineOf };
}

/** The `yaml` library's reading: slower, but it knows where every node is. */
export function parseWithPositions(text: string, file: string): YamlFile {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const problems: RulesProblem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line,
    path: "",
    message: `YAML: ${(e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
  }));
  const lineOf = (path: ReadonlyArray<PropertyKey>) => findLine(doc, lineCounter, path);
  if (problems.length > 0) return { file, value: undefined, problems, lineOf };
  // Dates stay strings: the 1.2 core schema does not turn 2017-06-01 into a Date.
  return { file, value: doc.toJS({ maxAliasCount: 100 }), problems, lineOf };
}

/** The line of the deepest node on `path` that exists (a missing key points at its parent). */
function findLine(doc: Document, lineCounter: InstanceType<YamlLibrary["LineCounter"]>, path: ReadonlyArray<PropertyKey>): number | undefined {
  const { isMap, isSeq } = yaml();
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key || String((p.key as { value?: unknown } | null)?.value) === String(key));
      if (!pair) break;
      const keyRange = (pair.key as Node | null)?.range;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

export function problemAt(f: YamlFile, path: ReadonlyArray<PropertyKey>, message: string): RulesProblem {
  return { file: f.file, line: f.lineOf(path), path: formatPath(path), message };
}
