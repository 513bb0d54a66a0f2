// Which text of an instrument applies at a date, and what an article number means in it.
import type { InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";

/** The version in force at `date` (YYYY-MM-DD), or undefined before the first one. */
export function versionAt(ins: InstrumentEntry, date: string): string | undefined {
  return ins.versions.filter((v) => v.id <= date).at(-1)?.id;
}

export function numberIn(p: ProvisionEntry, versionId: string): string | undefined {
  return p.data.numbers[versionId];
}

export function findByNumber(ins: InstrumentEntry, versionId: string, number: string): ProvisionEntry | undefined {
  return ins.provisions.find((p) => p.data.numbers[versionId] === number);
}

/** Every provision that bears `number` in some version, with the versions it bears it in. */
export function provisionsNumbered(ins: InstrumentEntry, number: string): { provision: ProvisionEntry; versions: string[] }[] {
  const out: { provision: ProvisionEntry; versions: string[] }[] = [];
  for (const p of ins.provisions) {
    const versions = p.versionIds.filter((v) => p.data.numbers[v] === number);
    if (versions.length > 0) out.push({ provision: p, versions });
  }
  return out;
}

/** Does an obligation or tier with these `versions` apply in version v of a provision? */
export function appliesIn(versions: readonly string[] | undefined, provision: ProvisionEntry, v: string): boolean {
  return provision.versionIds.includes(v) && (versions === undefined || versions.includes(v));
}

/**
 * Whether the rules hold the text in force at `date`: "held"; "not-held" when the instrument was
 * law then but the rules hold only its later texts (the Criminal Law from Amendment (9)); or
 * "not-in-force" before it was law. A date the rules do not cover is never answered as one on
 * which the law did not exist.
 */
export function textHeldAt(ins: InstrumentEntry, date: string): "held" | "not-held" | "not-in-force" {
  if (versionAt(ins, date)) return "held";
  const inForce = ins.data.dates.inForce;
  return inForce !== undefined && inForce <= date && !ins.data.draft ? "not-held" : "not-in-force";
}

/** Was the instrument law at `date`? Drafts never were; repealed or replaced ones stop being. */
export function bindingAt(ins: InstrumentEntry, date: string): boolean {
  if (ins.data.draft || !versionAt(ins, date)) return false;
  if (ins.data.status === "repealed" || ins.data.status === "replaced") {
    return ins.data.dates.repealed !== undefined && date < ins.data.dates.repealed;
  }
  return true;
}

/** Is this text the law in force at `date` (the catalog's as-of date)? Never a draft's. */
export function isCurrentText(ins: InstrumentEntry, versionId: string, date: string): boolean {
  return versionId === ins.currentVersion && bindingAt(ins, date);
}

/** The version to link a provision to: the current text if it is there, else its latest. */
export function displayVersion(ins: InstrumentEntry, p: ProvisionEntry): string {
  return p.versionIds.includes(ins.currentVersion) ? ins.currentVersion : (p.versionIds.at(-1) as string);
}

/** The id a version is published under now, for an id it once had (formerIds); undefined when it never had it. */
export function renamedVersion(ins: InstrumentEntry, id: string): string | undefined {
  return ins.versions.find((v) => v.formerIds?.includes(id))?.id;
}
