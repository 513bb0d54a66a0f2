// A problem found in the rules, located as precisely as we can: file, line and the path of
// keys inside the document. The validator and the server print every one, not the first.

export interface RulesProblem {
  file: string; // relative to the project root, e.g. rules/cybersecurity-law.yaml
  line?: number;
  path: string; // e.g. provisions[14].penalties[0].sanctions[2].max
  message: string;
}

export function formatProblem(p: RulesProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}${p.path ? ` ${p.path}` : ""}: ${p.message}`;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Thrown when the rules do not validate; carries every problem found. */
export class RulesInvalidError extends Error {
  constructor(readonly problems: RulesProblem[]) {
    super(`rules: ${problems.length} problem${problems.length === 1 ? "" : "s"} found\n${problems.map(formatProblem).join("\n")}`);
    this.name = "RulesInvalidError";
  }
}
