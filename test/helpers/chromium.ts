// Which Chromium the browser tests drive, in order of preference:
//   1. CHROMIUM_PATH, when set (it must exist);
//   2. the system's Chromium (/usr/bin/chromium: Debian's, with its fonts);
//   3. the Chromium that npm installs with the devDependency @sparticuz/chromium (a headless shell
//      with the libraries it needs and a Latin font), unpacked once into node_modules/.cache. It
//      has no CJK font: Chinese text is in the page (the tests read it) but drawn as nothing, so
//      no test compares pixels of Chinese text.
// No browser at all is an error that says what to do: the browser tests never skip.
// This file does not import playwright-core, so that the test run's global set-up can unpack the
// packaged browser once before the test files start in parallel.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { brotliDecompressSync } from "node:zlib";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const PACKAGE = "@sparticuz/chromium";

export interface ChromiumChoice {
  source: "CHROMIUM_PATH" | "system" | "packaged";
  executablePath: string;
  /** Environment the browser process needs (the packaged one: its libraries and its fonts). */
  env?: Record<string, string>;
}

export class NoChromiumError extends Error {}

const WHAT_TO_DO =
  "Run `npm install` (it installs the devDependency @sparticuz/chromium, a Chromium the browser tests can use), " +
  `install the system's Chromium (Debian: apt-get install -y chromium fonts-noto-cjk), or set CHROMIUM_PATH to a Chromium or Chrome binary.`;

export function findChromium(env: NodeJS.ProcessEnv = process.env, systemPath = SYSTEM_CHROMIUM): ChromiumChoice {
  const given = env.CHROMIUM_PATH;
  if (given !== undefined && given !== "") {
    if (!existsSync(given)) throw new NoChromiumError(`CHROMIUM_PATH is ${given}, which does not exist. ${WHAT_TO_DO}`);
    return { source: "CHROMIUM_PATH", executablePath: given };
  }
  if (isUsable(systemPath)) return { source: "system", executablePath: systemPath };
  return packagedChromium();
}

/** A regular, non-empty file: /dev/null bound over the binary (how a test hides it) is no browser. */
function isUsable(path: string): boolean {
  try {
    const s = statSync(path);
    return s.isFile() && s.size > 0;
  } catch {
    return false;
  }
}

/** Unpacks the npm package's Chromium (once; atomically, so parallel test files can race) and says how to run it. */
export function packagedChromium(): ChromiumChoice {
  let packageDir: string;
  try {
    packageDir = resolve(dirname(createRequire(import.meta.url).resolve(PACKAGE)), "../.."); // its entry is build/cjs/index.cjs
  } catch {
    throw new NoChromiumError(`No Chromium for the browser tests: ${SYSTEM_CHROMIUM} is missing, CHROMIUM_PATH is unset and ${PACKAGE} is not installed. ${WHAT_TO_DO}`);
  }
  const version = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string }).version;
  const nodeModules = resolve(packageDir, "../..");
  const target = join(nodeModules, ".cache", `sparticuz-chromium-${version}`);
  if (!existsSync(join(target, "ready"))) unpack(join(packageDir, "bin"), target);
  return {
    source: "packaged",
    executablePath: join(target, "chromium"),
    env: {
      LD_LIBRARY_PATH: [join(target, "lib"), target, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
      FONTCONFIG_FILE: join(target, "fonts.conf"),
    },
  };
}

function unpack(bin: string, target: string): void {
  const work = `${target}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "chromium"), brotliDecompressSync(readFileSync(join(bin, "chromium.br"))));
  chmodSync(join(work, "chromium"), 0o755);
  untar(brotliDecompressSync(readFileSync(join(bin, "al2023.tar.br"))), work); // lib/: nss, nspr, expat
  untar(brotliDecompressSync(readFileSync(join(bin, "swiftshader.tar.br"))), work); // software GL beside the binary
  untar(brotliDecompressSync(readFileSync(join(bin, "fonts.tar.br"))), work); // fonts/Open_Sans
  writeFileSync(
    join(work, "fonts.conf"),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${join(target, "fonts")}</dir>\n  <cachedir>${join(target, "fontconfig-cache")}</cachedir>\n</fontconfig>\n`,
  );
  writeFileSync(join(work, "ready"), "");
  try {
    renameSync(work, target);
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(join(target, "ready"))) throw err; // another process did not win the race either
  }
}

/** Regular files, folders and symbolic links of a ustar archive. */
function untar(tar: Buffer, into: string): void {
  const field = (block: Buffer, start: number, length: number) => block.toString("utf8", start, start + length).replace(/\0.*$/s, "");
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/` : "") + field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || "0", 8);
    const mode = Number.parseInt(field(header, 100, 8).trim() || "644", 8);
    const type = field(header, 156, 1) || "0";
    const path = resolve(into, name);
    if (!path.startsWith(resolve(into))) throw new Error(`tar entry outside its folder: ${name}`);
    if (type === "5") mkdirSync(path, { recursive: true });
    else if (type === "0" || type === "7") {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, tar.subarray(at + 512, at + 512 + size), { mode });
    } else if (type === "2") {
      mkdirSync(dirname(path), { recursive: true });
      symlinkSync(field(header, 157, 100), path);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}
