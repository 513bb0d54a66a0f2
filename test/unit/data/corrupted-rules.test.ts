// Corrupted rules folders: files that cannot be read, are not text, or are YAML built to hurt
// the reader. Each must end as one `file:line: what is wrong` line (the line where there is
// one), never a stack trace, in the loader, in `npm run validate` and when the server starts.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.js";
import { validateRules } from "../../../src/data/load-rules.js";
import { formatProblem } from "../../../src/data/problems.js";
import { FIXTURE_RULES } from "../../helpers/test-app.js";

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

type Corruption = (dir: string) => Promise<void>;

async function corrupted(...changes: Corruption[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "corrupt-rules-"));
  dirs.push(dir);
  await cp(FIXTURE_RULES, dir, { recursive: true });
  for (const change of changes) await change(dir);
  return dir;
}

const file = (name: string, content: string | Buffer): Corruption => (dir) => writeFile(path.join(dir, name), content);
const nine = (x: string) => `[${Array(9).fill(x).join(",")}]`;
const CSL = await readFile(path.join(FIXTURE_RULES, "cybersecurity-law.yaml"), "utf8");
const CTL = await readFile(path.join(FIXTURE_RULES, "counterterrorism-law.yaml"), "utf8");

// [case, corruption, the exact line expected, after the folder's path]
const CASES: [string, Corruption, string][] = [
  ["a symbolic link that loops", (dir) => symlink("loop.yaml", path.join(dir, "loop.yaml")), "loop.yaml: is a symbolic link that loops back on itself (ELOOP)"],
  ["a dangling symbolic link", (dir) => symlink("nowhere.yaml", path.join(dir, "dangling.yaml")), "dangling.yaml: is a symbolic link to a file that does not exist (ENOENT)"],
  ["a folder named *.yaml", (dir) => mkdir(path.join(dir, "folder.yaml")), "folder.yaml: is a folder, not a file (EISDIR)"],
  ["a YAML alias bomb", file("bomb.yaml", `a: &a ${nine('"lol"')}\nb: &b ${nine("*a")}\nc: &c ${nine("*b")}\nd: &d ${nine("*c")}\ne: ${nine("*d")}\n`), "bomb.yaml:2: YAML: the alias *a repeats another value; aliases are not allowed in rules files (write the value out)"],
  ["a recursive alias", file("cycle.yaml", "id: cycle\nlist: &l [1, *l]\n"), "cycle.yaml:2: YAML: the alias *l repeats another value; aliases are not allowed in rules files (write the value out)"],
  ["deep flow nesting", file("deep.yaml", `id: deep\nx: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`), "deep.yaml:2: YAML: nested more than 100 levels deep"],
  ["deep block nesting", file("deep-block.yaml", `${Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`), "deep-block.yaml:101: YAML: nested more than 100 levels deep"],
  ["a number too large for a double", file("cybersecurity-law.yaml", CSL.replace("max: 100000,", "max: 1e400,")), `cybersecurity-law.yaml:${CSL.slice(0, CSL.indexOf("max: 100000,")).split("\n").length} provisions[4].penalties[1].sanctions[0].max: 1e400 is too large a number (the largest is about 1.8e308)`],
  ["an empty file", file("empty.yaml", ""), "empty.yaml: is empty: it holds no YAML document"],
  ["a file of comments only", file("comments.yaml", "# nothing yet\n\n# still nothing\n"), "comments.yaml: is empty: it holds no YAML document"],
  ["a binary file", file("image.yaml", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])), "image.yaml:3: is not a YAML text file: byte 9 (0x00) is a NUL byte"],
  ["a file not in UTF-8", file("latin1.yaml", Buffer.from("id: latin1\ntitle: { en: Caf\xe9 }\n", "latin1")), "latin1.yaml:2: is not a YAML text file: byte 28 (0xe9) is not UTF-8"],
];

describe("corrupted rules folders", () => {
  it.each(CASES)("report %s as one line naming the file", async (_name, corruption, expected) => {
    const dir = await corrupted(corruption);
    const { catalog, problems } = await validateRules(dir);
    expect(catalog).toBeUndefined();
    const lines = problems.map(formatProblem);
    const shown = path.relative(process.cwd(), dir);
    expect(lines).toContain(`${shown}/${expected}`);
    for (const l of lines) expect(l).not.toMatch(/\n|\bat .*:\d+:\d+|Error:|ReferenceError|received string|Maximum call stack/);
  });

  it("reports a file it may not read (EACCES), with the read injected: the tests run as root, who may read anything", async () => {
    const dir = await corrupted();
    const deny = async (p: string) => {
      if (p.endsWith("counterterrorism-law.yaml")) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: "EACCES" });
      return readFile(p);
    };
    const { problems } = await validateRules(dir, { readFile: deny });
    expect(problems.map(formatProblem)).toContain(`${path.relative(process.cwd(), dir)}/counterterrorism-law.yaml: cannot be read: permission denied (EACCES)`);
  });

  it("reports a reader that throws something unexpected as one line, not a stack", async () => {
    const dir = await corrupted();
    const broken = async (p: string) => (p.endsWith("glossary.yaml") ? Promise.reject(new TypeError("boom\n    at somewhere (/x.js:1:1)")) : readFile(p));
    const { problems } = await validateRules(dir, { readFile: broken });
    expect(problems.map(formatProblem)).toContain(`${path.relative(process.cwd(), dir)}/glossary.yaml: cannot be read`);
  });

  it("does not blame other files for pointers into a file that did not load, and says so once", async () => {
    // Three pointers from the Counterterrorism Law into the Cybersecurity Law, which is broken.
    const pointing = CTL.replace("    heading: { en: Content monitoring }\n", "    heading: { en: Content monitoring }\n    related: [cybersecurity-law/p21, cybersecurity-law/p24, cybersecurity-law/p37]\n");
    expect(pointing).not.toBe(CTL);
    const dir = await corrupted(file("counterterrorism-law.yaml", pointing), file("cybersecurity-law.yaml", CSL.replace("kind: law", "kind: decree")));
    const lines = (await validateRules(dir)).problems.map(formatProblem);
    const shown = path.relative(process.cwd(), dir);
    expect(lines.filter((l) => l.includes('no provision "cybersecurity-law/'))).toEqual([]);
    const notes = lines.filter((l) => l.includes("not checked"));
    expect(notes).toEqual([`${shown}/cybersecurity-law.yaml: 3 cross-references from other files into this file were not checked, because it did not load`]);
    expect(lines.some((l) => l.includes("cybersecurity-law.yaml:") && l.includes("kind: must be one of"))).toBe(true);
  });

  it("prints the same lines and no stack from npm run validate and from the server's start", async () => {
    const dir = await corrupted(...CASES.map(([, c]) => c));
    const shown = path.relative(PROJECT_ROOT, dir);
    const tsx = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
    const env = { ...process.env, RULES_DIR: dir, PORT: "0", NODE_ENV: "test" };
    for (const script of ["src/cli/validate-rules.ts", "src/server.ts"]) {
      const out = await run(tsx, [script], { cwd: PROJECT_ROOT, env, timeout: 60_000 }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(out.code, script).toBe(1);
      for (const [, , expected] of CASES) expect(out.stderr, script).toContain(`${shown}/${expected}`);
      expect(out.stderr, script).not.toMatch(/\n\s+at |ReferenceError|RangeError|Maximum call stack|received string/);
    }
  }, 120_000);
});
