// The start-up snapshot: what is slow to rebuild and quick to read back (the validated rules as
// JSON, and the search engine's postings), in one file under the cache folder, never in rules/.
//
// The file is named by its key, a SHA-256 of:
//   - every file in the rules folder, names and bytes (the loader reads nothing else);
//   - SNAPSHOT_FORMAT and the package version;
//   - the code that turns rules into the catalog and the index: every file of src/domain,
//     src/data, src/search and src/texts (or their compiled copies), and package-lock.json
//     (the YAML parser, zod and MiniSearch versions).
// The catalog and the index are functions of exactly these, so an equal key means an equal
// result; anything else changed gives another key and the old file is never read. (The index
// also reads the official texts: the snapshot records their hashes and rebuilds the index
// when they differ.)
//
// The first line is a header with the key and the SHA-256 of the body: a body that does not
// match it (a truncated write, flipped bytes) is refused before it is parsed. Writes go to a
// temporary name and are renamed into place, so a reader never sees half a file.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RulesData } from "./parsed-rules.js";

/** Bump by hand when the file's layout changes (the code hash catches the rest). */
export const SNAPSHOT_FORMAT = 1;

const HEADER_TAG = "china-law-explorer snapshot";

export interface SnapshotBody<Index = unknown> {
  key: string;
  rules: RulesData;
  index?: { texts: string; engine: Index }; // texts: the official texts' fingerprint the index was built with
}

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CODE_DIRS = ["domain", "data", "search", "texts"];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(abs)));
    else if (e.isFile()) out.push(abs);
  }
  return out;
}

/** The snapshot's key for this rules folder and this code (see the top of the file). */
export async function snapshotKey(rulesDir: string, projectRoot: string): Promise<string> {
  const h = createHash("sha256");
  const add = (label: string, bytes: Uint8Array | string) => {
    const b = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
    h.update(`${label}\0${b.byteLength}\0`).update(b);
  };
  add("format", String(SNAPSHOT_FORMAT));
  const pkg = await readFile(path.join(projectRoot, "package.json"), "utf8").catch(() => "");
  add("version", (JSON.parse(pkg || "{}") as { version?: string }).version ?? "");
  add("lock", await readFile(path.join(projectRoot, "package-lock.json")).catch(() => Buffer.alloc(0)));
  for (const dir of CODE_DIRS) for (const file of await filesUnder(path.join(SRC, dir))) add(`code:${path.relative(SRC, file)}`, await readFile(file));
  for (const file of await filesUnder(rulesDir)) add(`rules:${path.relative(rulesDir, file)}`, await readFile(file));
  return h.digest("hex");
}

export function snapshotPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, `snapshot-${key.slice(0, 32)}.json`);
}

export type SnapshotRead<Index> = { ok: true; body: SnapshotBody<Index> } | { ok: false; reason: string; missing?: boolean };

/** The snapshot for this key, verified; or why it cannot be trusted. Never throws. */
export async function readSnapshot<Index>(cacheDir: string, key: string): Promise<SnapshotRead<Index>> {
  const file = snapshotPath(cacheDir, key);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const missing = code === "ENOENT" || code === "ENOTDIR"; // no file, or no folder yet

    return { ok: false, missing, reason: missing ? "no snapshot yet" : `cannot read ${file}: ${(e as Error).message}` };
  }
  try {
    const nl = bytes.indexOf(0x0a);
    if (nl < 0) return { ok: false, reason: `${file} has no header` };
    const header = JSON.parse(bytes.subarray(0, nl).toString("utf8")) as { tag?: string; format?: number; key?: string; sha256?: string; bytes?: number };
    const body = bytes.subarray(nl + 1);
    if (header.tag !== HEADER_TAG || header.format !== SNAPSHOT_FORMAT || header.key !== key) return { ok: false, reason: `${file} is for other rules or code` };
    if (header.bytes !== body.byteLength || header.sha256 !== createHash("sha256").update(body).digest("hex")) return { ok: false, reason: `${file} is corrupt (its checksum does not match)` };
    const parsed = JSON.parse(body.toString("utf8")) as SnapshotBody<Index>;
    if (parsed.key !== key || typeof parsed.rules !== "object" || parsed.rules === null) return { ok: false, reason: `${file} does not hold a snapshot for this key` };
    return { ok: true, body: parsed };
  } catch (e) {
    return { ok: false, reason: `${file} cannot be parsed: ${(e as Error).message}` };
  }
}

/** Writes the snapshot atomically (temporary name, then rename). Throws when the folder is not writable. */
export async function writeSnapshot<Index>(cacheDir: string, body: SnapshotBody<Index>): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const file = snapshotPath(cacheDir, body.key);
  const json = Buffer.from(JSON.stringify(body), "utf8");
  const header = JSON.stringify({ tag: HEADER_TAG, format: SNAPSHOT_FORMAT, key: body.key, sha256: createHash("sha256").update(json).digest("hex"), bytes: json.byteLength });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, Buffer.concat([Buffer.from(`${header}\n`), json]));
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  // Snapshots of earlier rules or code are of no further use.
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (name.startsWith("snapshot-") && name.endsWith(".json") && path.join(cacheDir, name) !== file) await rm(path.join(cacheDir, name), { force: true });
  }
  return file;
}
