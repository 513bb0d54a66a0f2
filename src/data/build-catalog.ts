// Turns validated rules into the frozen, cross-linked catalog: sorted provisions, the actor
// hierarchy with the chain that makes each inherited duty apply, and the "enforced by" links
// derived from the "enforces" links the rules store.
import { compareArticleNumbers } from "../domain/article-number.js";
import { CORE_INSTRUMENTS, qualifyRef, type ActorEntry, type Catalog, type InstrumentEntry, type ProvisionEntry } from "../domain/catalog.js";
import { provisionOfRef } from "../domain/pinpoint.js";
import type { Actor, Instrument } from "../domain/rules-schema.js";
import type { RulesData } from "./parsed-rules.js";

export function buildCatalog(rules: RulesData): Catalog {
  const meta = rules.meta;
  const instruments = rules.instruments.map((value) => buildInstrument(value, meta.asOf));
  instruments.sort((a, b) => coreRank(a.id) - coreRank(b.id) || a.data.title.en.localeCompare(b.data.title.en));

  const provisions = instruments.flatMap((i) => i.provisions);
  const provisionByKey = new Map(provisions.map((p) => [p.key, p]));
  for (const p of provisions) {
    for (const target of p.enforces) provisionByKey.get(target)?.enforcedBy.push(p.key);
    for (const target of p.refersTo) provisionByKey.get(target)?.referredBy.push(p.key);
    for (const target of p.related) {
      const other = provisionByKey.get(target);
      if (other && !other.related.includes(p.key)) other.related.push(p.key);
    }
  }

  const actors = buildActors(rules.actors);
  const catalog: Catalog = {
    meta,
    instruments,
    actors,
    glossary: [...rules.glossary].sort((a, b) => a.en.localeCompare(b.en)),
    provisions,
    instrumentById: new Map(instruments.map((i) => [i.id, i])),
    actorById: new Map(actors.map((a) => [a.id, a])),
    provisionByKey,
    termById: new Map(rules.glossary.map((t) => [t.id, t])),
    questionnaire: rules.questionnaire ?? { generalActors: [], groups: [] },
  };
  return deepFreeze(catalog);
}

function coreRank(id: string): number {
  const i = (CORE_INSTRUMENTS as readonly string[]).indexOf(id);
  return i === -1 ? CORE_INSTRUMENTS.length : i;
}

function buildInstrument(data: Instrument, asOf: string): InstrumentEntry {
  const versions = [...data.versions].sort((a, b) => a.id.localeCompare(b.id));
  const inForce = versions.filter((v) => v.id <= asOf);
  const currentVersion = (inForce.at(-1) ?? versions[0])?.id ?? "";
  const versionIds = versions.map((v) => v.id);
  const entries = data.provisions.map((p): ProvisionEntry => {
    const key = `${data.id}/${p.id}`;
    return {
      key,
      instrumentId: data.id,
      data: p,
      versionIds: versionIds.filter((v) => p.numbers[v] !== undefined),
      enforces: unique(p.penalties.flatMap((t) => (t.enforces ?? []).map((r) => qualifyRef(data.id, provisionOfRef(r))))),
      enforcedBy: [],
      refersTo: unique(p.penalties.flatMap((t) => (t.refersTo ?? []).map((r) => qualifyRef(data.id, provisionOfRef(r))))).filter((k) => k !== key),
      referredBy: [],
      related: unique(p.related.map((r) => qualifyRef(data.id, r))),
    };
  });
  entries.sort((a, b) => compareInLineage(a, b, versionIds));
  return { id: data.id, data, versions, currentVersion, provisions: entries };
}

/** Orders provisions by their number in the latest version both share, else the first each has. */
function compareInLineage(a: ProvisionEntry, b: ProvisionEntry, versionIds: string[]): number {
  const shared = versionIds.filter((v) => a.data.numbers[v] && b.data.numbers[v]).at(-1);
  if (shared) return compareArticleNumbers(a.data.numbers[shared] as string, b.data.numbers[shared] as string);
  const na = a.data.numbers[a.versionIds.at(-1) ?? ""] ?? "";
  const nb = b.data.numbers[b.versionIds.at(-1) ?? ""] ?? "";
  return compareArticleNumbers(na, nb);
}

function buildActors(list: Actor[]): ActorEntry[] {
  const byId = new Map(list.map((a) => [a.id, a]));
  const children = new Map<string, string[]>(list.map((a) => [a.id, []]));
  for (const a of list) for (const p of a.parents) children.get(p)?.push(a.id);

  // Breadth-first up the parents: the first chain found to each ancestor is a shortest one.
  const lineageOf = (id: string): Map<string, string[]> => {
    const lineage = new Map<string, string[]>([[id, [id]]]);
    const queue = [id];
    while (queue.length > 0) {
      const cur = queue.shift() as string;
      for (const parent of byId.get(cur)?.parents ?? []) {
        if (lineage.has(parent)) continue;
        lineage.set(parent, [...(lineage.get(cur) as string[]), parent]);
        queue.push(parent);
      }
    }
    return lineage;
  };
  const lineages = new Map(list.map((a) => [a.id, lineageOf(a.id)]));
  const descendants = new Map<string, Set<string>>(list.map((a) => [a.id, new Set<string>()]));
  for (const [id, lineage] of lineages) for (const ancestor of lineage.keys()) descendants.get(ancestor)?.add(id);

  // Depth-first order from the roots, so the list reads as the tree.
  const ordered: ActorEntry[] = [];
  const visit = (id: string, depth: number) => {
    const data = byId.get(id) as Actor;
    ordered.push({
      id,
      data,
      children: children.get(id) ?? [],
      depth,
      lineage: lineages.get(id) as Map<string, string[]>,
      descendants: descendants.get(id) as Set<string>,
    });
    for (const c of children.get(id) ?? []) {
      // An actor with several parents is listed once, under its first parent.
      if (byId.get(c)?.parents[0] === id) visit(c, depth + 1);
    }
  };
  for (const a of list) if (a.parents.length === 0) visit(a.id, 0);
  return ordered;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    if (value instanceof Map || value instanceof Set) {
      for (const v of value.values()) deepFreeze(v);
    } else {
      Object.freeze(value);
      for (const v of Object.values(value)) deepFreeze(v);
    }
  }
  return value;
}
