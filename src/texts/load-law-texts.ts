// Reads the official texts the rules name (a version's `text: { title, date }` → the file
// title(date).md, or title.md without a date) from LAW_TEXTS_DIR, searched recursively so a
// full mirror's sub-folders work. Only the files some version names are read and parsed.
//
// Nothing here is an error for the server: no folder, or no file for a version, means that
// version's text is not loaded and its pages link the official source instead. A text that
// cannot be parsed is a problem that `npm run validate` and `npm run check:texts` print with
// its file and line; the server leaves that text out.
//
// A text is shown only if it is the file the rules were checked against: the rules record each
// file's SHA-256 (the version's `text: { …, sha256 }`), and a file whose bytes differ (a
// corrupted copy, a later edit) is a problem and is not shown. So is a file that is not valid
// UTF-8, and one of MAX_TEXT_BYTES or more (refused unread: one problem, not a warning per line).
// A LAW_TEXTS_DIR that does not exist or is not a folder is one problem too.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Catalog } from "../domain/catalog.js";
import type { Version } from "../domain/rules-schema.js";
import { parseLawText, type ParsedLawText, type TextArticle } from "./parse-law-text.js";

export interface LoadedText {
  file: string; // as printed in problems: relative to the working directory
  name: string; // the file name, e.g. 网络安全法(2016-11-07).md
  sha256: string; // of the file's bytes, hex
  parsed: ParsedLawText;
}

/** The largest official text is under 1 MB; a file this large is not one. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

/** SHA-256 of a text file's bytes, as the rules record it (lower-case hex). */
export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Why a version has no text here: so a page can say it and the check can count it. */
export type TextStatus = "loaded" | "not-configured" | "not-named" | "file-missing" | "unreadable";

export interface TextProblemAt {
  file: string;
  line?: number;
  message: string;
  textShown?: boolean; // the text is shown all the same (no hash recorded to compare it with)
}

export interface LawTexts {
  dir?: string; // undefined: LAW_TEXTS_DIR is not set
  /** The parsed text of a version, when it is loaded and parses without problems. */
  text(instrumentId: string, versionId: string): LoadedText | undefined;
  /** The article of a version's text, by the number the rules give it in that version. */
  article(instrumentId: string, versionId: string, number: string): TextArticle | undefined;
  status(instrumentId: string, versionId: string): TextStatus;
  problems: readonly TextProblemAt[]; // texts that cannot be parsed, with file and line
  loaded: number; // versions whose text is loaded
}

/** The file name a version's text has: 网络安全法(2016-11-07).md, or 刑法.md without a date. */
export function textFileName(text: NonNullable<Version["text"]>): string {
  return text.date ? `${text.title}(${text.date}).md` : `${text.title}.md`;
}

/** An empty corpus: what the server has when LAW_TEXTS_DIR is not set. */
export const NO_TEXTS: LawTexts = Object.freeze({
  text: () => undefined,
  article: () => undefined,
  status: () => "not-configured" as const,
  problems: [],
  loaded: 0,
});

export interface LoadTextsOptions {
  /** Compare each file with the SHA-256 the rules record (default). Off only in tests of the figures check that edit a text on purpose. */
  checkHashes?: boolean;
}

export async function loadLawTexts(dir: string | undefined, catalog: Catalog, { checkHashes = true }: LoadTextsOptions = {}): Promise<LawTexts> {
  if (!dir) return NO_TEXTS;
  const display = (abs: string) => path.relative(process.cwd(), abs) || abs;
  const problems: TextProblemAt[] = [];
  const isFolder = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isFolder) problems.push({ file: dir, message: "LAW_TEXTS_DIR does not name a folder: no official text is shown", textShown: true });
  const files = isFolder ? await listMarkdownFiles(dir) : new Map<string, string>();
  const byName = new Map<string, Promise<LoadedText | TextProblemAt>>(); // each file read once, even when two versions name it
  const statusOf = new Map<string, TextStatus>();
  const textOf = new Map<string, LoadedText>();

  const readText = async (name: string, abs: string): Promise<LoadedText | TextProblemAt> => {
    const file = display(abs);
    try {
      const size = (await stat(abs)).size;
      if (size >= MAX_TEXT_BYTES) return { file, message: `the file is ${Math.round(size / 1024 / 1024)} MB, over the ${MAX_TEXT_BYTES / 1024 / 1024} MB an official text may be: not read` };
      const bytes = await readFile(abs);
      let source: string;
      try {
        source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        return { file, message: "the file is not valid UTF-8 (corrupted?): not shown" };
      }
      return { file, name, sha256: sha256Of(bytes), parsed: parseLawText(source) };
    } catch (e) {
      return { file, message: `cannot read the text: ${(e as Error).message}` };
    }
  };
  const read = (name: string, abs: string): Promise<LoadedText | TextProblemAt> => {
    let p = byName.get(name);
    if (!p) {
      p = readText(name, abs);
      byName.set(name, p);
    }
    return p;
  };

  const reported = new Set<string>();
  for (const ins of catalog.instruments) {
    for (const v of ins.versions) {
      const key = `${ins.id}/${v.id}`;
      if (!v.text) {
        statusOf.set(key, "not-named");
        continue;
      }
      const name = textFileName(v.text);
      // Some mirrors write the date in full-width brackets: title（date）.md.
      const abs = files.get(name.normalize("NFC")) ?? (v.text.date ? files.get(`${v.text.title}（${v.text.date}）.md`.normalize("NFC")) : undefined);
      if (!abs) {
        statusOf.set(key, "file-missing");
        continue;
      }
      const loaded = await read(name, abs);
      if (!("parsed" in loaded)) {
        statusOf.set(key, "unreadable");
        if (!reported.has(name)) problems.push(loaded);
        reported.add(name);
        continue;
      }
      if (!checkHashes) {
        // the caller edits texts on purpose
      } else if (v.text.sha256 === undefined) {
        // Shown (nothing to compare it with), but validate and check:texts ask for the hash.
        if (!reported.has(`${name}#sha256`)) problems.push({ file: loaded.file, message: `the rules record no SHA-256 for this text (${ins.id} ${v.id}): add sha256: ${loaded.sha256} to the version's text`, textShown: true });
        reported.add(`${name}#sha256`);
      } else if (v.text.sha256 !== loaded.sha256) {
        statusOf.set(key, "unreadable");
        problems.push({ file: loaded.file, message: `its SHA-256 is ${loaded.sha256}, not the ${v.text.sha256} the rules record for ${ins.id} ${v.id}: the file is not the text the rules were checked against, and is not shown` });
        continue;
      }
      if (loaded.parsed.problems.length > 0) {
        statusOf.set(key, "unreadable");
        if (!reported.has(name)) problems.push(...loaded.parsed.problems.map((p) => ({ file: loaded.file, line: p.line, message: p.message })));
        reported.add(name);
        continue;
      }
      statusOf.set(key, "loaded");
      textOf.set(key, loaded);
    }
  }

  return Object.freeze({
    dir,
    text: (i: string, v: string) => textOf.get(`${i}/${v}`),
    article: (i: string, v: string, n: string) => textOf.get(`${i}/${v}`)?.parsed.articleByNumber.get(n),
    status: (i: string, v: string) => statusOf.get(`${i}/${v}`) ?? "not-named",
    problems,
    loaded: textOf.size,
  });
}

/** Every .md file under dir, by file name (the first in path order when two share a name). */
async function listMarkdownFiles(dir: string): Promise<Map<string, string>> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return new Map(); // unreadable folder: no texts
  }
  const out = new Map<string, string>();
  for (const rel of entries.sort()) {
    if (!rel.endsWith(".md")) continue;
    const name = path.basename(rel).normalize("NFC");
    if (!out.has(name)) out.set(name, path.join(dir, rel));
  }
  return out;
}
