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

/** How the loader reads a file's bytes; tests pass one that fails (EACCES cannot be staged as root). */
export type ReadBytes = (absolutePath: string) => Promise<Buffer>;

// What a file-system error means for a file in rules/, in words: never the errno's stack.
const READ_ERRORS: Record<string, string> = {
  EISDIR: "is a folder, not a file",
  ELOOP: "is a symbolic link that loops back on itself",
  ENOENT: "is a symbolic link to a file that does not exist",
  EACCES: "cannot be read: permission denied",
  EPERM: "cannot be read: permission denied",
};

const noLines = () => undefined;
const failed = (file: string, message: string, line?: number): YamlFile => ({ file, value: undefined, problems: [{ file, line, path: "", message }], lineOf: noLines });

export async function readYamlFile(absolutePath: string, displayPath: string, read: ReadBytes = readFile): Promise<YamlFile> {
  let bytes: Buffer;
  try {
    bytes = await read(absolutePath);
  } catch (e) {
    const code = String((e as NodeJS.ErrnoException).code ?? "");
    return failed(displayPath, `${READ_ERRORS[code] ?? "cannot be read"}${code ? ` (${code})` : ""}`);
  }
  return parseYamlBytes(bytes, displayPath);
}

/** Text files only: a NUL byte or bytes that are not UTF-8 mean a binary (or wrongly encoded) file. */
export function parseYamlBytes(bytes: Buffer, file: string): YamlFile {
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    if (nul >= 0) throw new Error("NUL");
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = nul >= 0 ? nul : firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).toString("latin1").split("\n").length;
    return failed(file, `is not a YAML text file: byte ${at + 1} (0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")}) is ${nul >= 0 ? "a NUL byte" : "not UTF-8"}`, line);
  }
  return parseYamlText(text, file);
}

function firstInvalidUtf8(bytes: Buffer): number {
  // The longest prefix that decodes: bisect on prefixes (a cut inside a character fails too, so
  // step back over continuation bytes).
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    let end = mid;
    while (end > 0 && end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    try {
      decoder.decode(bytes.subarray(0, end));
      if (end === lo) break;
      lo = end;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

const MAX_DEPTH = 100; // js-yaml's own limit: deeper nesting is a mistake or an attack
// An anchor (&name) or alias (*name) can only start after a space, a bracket, a comma or a line start.
const MAY_HAVE_ALIAS = /(?:^|[\s[{,])[&*][^\s,\]}]/m;

export function parseYamlText(text: string, file: string): YamlFile {
  if (text.trim() === "") return failed(file, "is empty: it holds no YAML document");
  let value: unknown;
  try {
    value = fastLoad(text, { schema: CORE_SCHEMA, filename: file, json: false });
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    const reason = String((e as { reason?: unknown }).reason ?? "");
    // The positioned reader recurses per level and would overflow the stack: answer here.
    if (/maxDepth/.test(reason)) return failed(file, `YAML: nested more than ${MAX_DEPTH} levels deep`, mark?.line === undefined ? undefined : mark.line + 1);
    return parseWithPositions(text, file); // it names the line and column of the syntax error
  }
  // Aliases let a few lines expand to millions of values (and js-yaml builds cyclic ones):
  // rules files have no use for them. Only a file that may hold one pays for the check.
  if (MAY_HAVE_ALIAS.test(text)) {
    const alias = firstAlias(text, file);
    if (alias) return alias;
  }
  if (value === null || value === undefined) return failed(file, "is empty: it holds no YAML document");
  let positioned: YamlFile | undefined;
  const lineOf = (path: ReadonlyArray<PropertyKey>) => (positioned ??= parseWithPositions(text, file)).lineOf(path);
  return { file, value: ownStrings(value), problems: [], lineOf };
}

/**
 * The value with every long string copied out of the file's text. js-yaml takes scalars as
 * slices of the text, and V8 keeps a slice's whole parent alive: a loaded catalog held the
 * text of every rules file (2.5 MB) for as long as the server ran. (Depth is at most MAX_DEPTH
 * and aliases are refused before this runs.)
 */
function ownStrings(value: unknown): unknown {
  if (typeof value === "string") return value.length > 12 ? (JSON.parse(JSON.stringify(value)) as string) : value; // V8 copies shorter slices
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = ownStrings(value[i]);
  } else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = ownStrings(o[k]);
  }
  return value;
}

/** The first alias in the text, as a problem at its line, or nothing. */
function firstAlias(text: string, file: string): YamlFile | undefined {
  const { LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  let found: YamlFile | undefined;
  visit(doc, {
    Alias(_key, node) {
      const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
      found = failed(file, `YAML: the alias *${node.source} repeats another value; aliases are not allowed in rules files (write the value out)`, line);
      return visit.BREAK;
    },
  });
  return found;
}

/** The `yaml` library's reading: slower, but it knows where every node is. */
export function parseWithPositions(text: string, file: string): YamlFile {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    return failed(file, e instanceof RangeError ? "YAML: nested too deeply to read" : "YAML: cannot be parsed");
  }
  const problems: RulesProblem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line,
    path: "",
    message: /Maximum call stack/.test(e.message) ? "YAML: nested too deeply to read" : `YAML: ${(e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
  }));
  const lineOf = (path: ReadonlyArray<PropertyKey>) => findLine(doc, lineCounter, path);
  if (problems.length > 0) return { file, value: undefined, problems, lineOf };
  // Dates stay strings: the 1.2 core schema does not turn 2017-06-01 into a Date.
  try {
    return { file, value: doc.toJS({ maxAliasCount: 100 }), problems, lineOf };
  } catch (e) {
    return failed(file, `YAML: ${e instanceof RangeError ? `nested too deeply to read` : "aliases expand too far"}`);
  }
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
