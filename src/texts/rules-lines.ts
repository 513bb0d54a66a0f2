// Finds the line of a key in a rules file, so a problem found against the official texts is
// printed as rules/file.yaml:line like every other. Each file is read once, and re-parsed with
// source positions only when a line is asked for (src/data/yaml-file.ts).
import path from "node:path";
import { readYamlFile, type YamlFile } from "../data/yaml-file.js";

export type RulesLines = (instrumentId: string, keyPath: ReadonlyArray<PropertyKey>) => Promise<{ file: string; line?: number }>;

export function rulesLines(rulesDir: string): RulesLines {
  const files = new Map<string, Promise<YamlFile>>();
  return async (instrumentId, keyPath) => {
    const abs = path.join(rulesDir, `${instrumentId}.yaml`);
    const display = path.relative(process.cwd(), abs) || abs;
    let f = files.get(instrumentId);
    if (!f) {
      f = readYamlFile(abs, display);
      files.set(instrumentId, f);
    }
    try {
      return { file: display, line: (await f).lineOf(keyPath) };
    } catch {
      return { file: display };
    }
  };
}
