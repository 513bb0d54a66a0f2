// What start-up loads before the app exists: the catalog, the official texts and the search
// index, from the start-up snapshot when there is a good one (src/data/snapshot.ts), else from
// the rules (and then a snapshot is written for the next start). A snapshot that is stale,
// corrupt or unreadable is never trusted: it is rebuilt, and the log says so in one line.
import { PROJECT_ROOT, type Config } from "./config.js";
import type { Catalog } from "./domain/catalog.js";
import { buildCatalog } from "./data/build-catalog.js";
import { validateRules } from "./data/load-rules.js";
import type { RulesData } from "./data/parsed-rules.js";
import { RulesInvalidError } from "./data/problems.js";
import { readSnapshot, snapshotKey, writeSnapshot } from "./data/snapshot.js";
import type { EngineSnapshot } from "./search/engine.js";
import { buildSearchIndex, type SearchIndex } from "./search/search-index.js";
import { loadLawTexts, type LawTexts } from "./texts/load-law-texts.js";

export interface StartupNote {
  level: "info" | "warn";
  message: string;
}

export interface Loaded {
  catalog: Catalog;
  lawTexts: LawTexts;
  searchIndex: SearchIndex;
  snapshot: "off" | "read" | "written" | "not-written"; // what start-up did with the snapshot
  notes: StartupNote[]; // for the log, once it exists
}

/** Which official texts the index was built with: each version's status and the hash of its file. */
export function textsFingerprint(catalog: Catalog, texts: LawTexts): string {
  return JSON.stringify(catalog.instruments.flatMap((i) => i.versions.map((v) => [i.id, v.id, texts.status(i.id, v.id), texts.text(i.id, v.id)?.sha256 ?? ""])));
}

async function fromRules(rulesDir: string): Promise<{ catalog: Catalog; data: RulesData }> {
  const { catalog, data, problems } = await validateRules(rulesDir);
  if (!catalog || !data) throw new RulesInvalidError(problems);
  return { catalog, data };
}

export async function loadForStartup(config: Readonly<Config>, given: { lawTexts?: LawTexts } = {}): Promise<Loaded> {
  const notes: StartupNote[] = [];
  const texts = (catalog: Catalog) => (given.lawTexts ? Promise.resolve(given.lawTexts) : loadLawTexts(config.lawTextsDir, catalog));
  const dir = config.snapshotDir;
  // An unreadable rules folder has no key: the loader reports it as it always does.
  const key = dir ? await snapshotKey(config.rulesDir, PROJECT_ROOT).catch(() => undefined) : undefined;
  if (!dir || !key) {
    const { catalog } = await fromRules(config.rulesDir);
    const lawTexts = await texts(catalog);
    return { catalog, lawTexts, searchIndex: buildSearchIndex(catalog, lawTexts), snapshot: "off", notes };
  }

  const read = await readSnapshot<EngineSnapshot>(dir, key);
  let restored: { catalog: Catalog; data: RulesData } | undefined;
  if (read.ok) {
    try {
      restored = { catalog: buildCatalog(read.body.rules), data: read.body.rules };
    } catch (e) {
      notes.push({ level: "warn", message: `snapshot: rebuilding from the rules: the snapshot's rules cannot be read back (${(e as Error).message})` });
    }
  } else if (!read.missing) notes.push({ level: "warn", message: `snapshot: rebuilding from the rules: ${read.reason}` });
  const { catalog, data } = restored ?? (await fromRules(config.rulesDir));
  const lawTexts = await texts(catalog);
  const fingerprint = textsFingerprint(catalog, lawTexts);

  let searchIndex: SearchIndex | undefined;
  if (restored && read.ok && read.body.index?.texts === fingerprint) {
    try {
      searchIndex = buildSearchIndex(catalog, lawTexts, read.body.index.engine);
    } catch (e) {
      notes.push({ level: "warn", message: `snapshot: rebuilding the search index: ${(e as Error).message}` });
    }
  }
  if (restored && searchIndex) {
    notes.push({ level: "info", message: `snapshot: catalog and search index read from ${dir}` });
    return { catalog, lawTexts, searchIndex, snapshot: "read", notes };
  }
  searchIndex ??= buildSearchIndex(catalog, lawTexts);
  try {
    const file = await writeSnapshot(dir, { key, rules: data, index: { texts: fingerprint, engine: searchIndex.snapshot() } });
    notes.push({ level: "info", message: `snapshot: written to ${file} for the next start` });
    return { catalog, lawTexts, searchIndex, snapshot: "written", notes };
  } catch (e) {
    notes.push({ level: "warn", message: `snapshot: cannot be written to ${dir} (${(e as Error).message}); start-up goes on without it` });
    return { catalog, lawTexts, searchIndex, snapshot: "not-written", notes };
  }
}
