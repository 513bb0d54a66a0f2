// Temporal coverage, on the real rules: for every instrument, on the day before, the day of and
// the day after each date its law changed (entry into force, each amended text, repeal), exactly
// one text is in force while the law is, none before or after, and the site's version lookup
// finds that one. A version's id is the date its text came into force, so each later version
// must be an amendment's date in force. And every provision resolves to one number or none: in
// each text a number names at most one provision.
import { describe, expect, it } from "vitest";
import type { Catalog, InstrumentEntry } from "../../src/domain/catalog.js";
import { loadRules } from "../../src/data/load-rules.js";
import { bindingAt, textHeldAt, versionAt } from "../../src/query/versions.js";
import { REAL_RULES } from "../helpers/test-app.js";

const catalog: Catalog = await loadRules(REAL_RULES);
const laws = catalog.instruments.filter((i) => !i.data.draft);

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && shiftDay(s, 0) === s;

/** The first day the instrument was law: its date in force, else its first text's. */
function lawStart(ins: InstrumentEntry): string {
  const first = ins.versions[0]?.id as string;
  const inForce = ins.data.dates.inForce;
  return inForce !== undefined && inForce < first ? inForce : first;
}

/** The texts in force on a day, read from the versions' dates alone: [id, next id or repeal). */
function textsInForce(ins: InstrumentEntry, day: string): string[] {
  const repealed = ins.data.dates.repealed;
  return ins.versions.filter((v, i) => {
    const end = ins.versions[i + 1]?.id ?? repealed;
    return v.id <= day && (end === undefined || day < end) && (repealed === undefined || day < repealed);
  }).map((v) => v.id);
}

describe("temporal coverage of every instrument", () => {
  it.each(laws.map((i) => [i.id, i] as const))("%s: each version's id is the date its text came into force", (_id, ins) => {
    const problems: string[] = [];
    const ids = ins.versions.map((v) => v.id);
    for (const id of ids) if (!isCalendarDate(id)) problems.push(`version ${id} is not a calendar date`);
    for (let i = 1; i < ids.length; i++) if ((ids[i] as string) <= (ids[i - 1] as string)) problems.push(`version ${ids[i]} does not follow ${ids[i - 1]}`);
    const amendments = ins.data.dates.amendments;
    ins.versions.forEach((v, i) => {
      const amendment = amendments.find((a) => a.version === v.id);
      if (amendment) {
        // An amendment whose date in force the rules cannot give names its text by the date it was
        // adopted, and the version says so (dated: adopted).
        if (amendment.inForce === undefined && v.dated === "adopted" && amendment.adopted === v.id) return;
        if (amendment.inForce !== v.id) problems.push(`version ${v.id} is the text of the amendment adopted ${amendment.adopted}, which came into force ${amendment.inForce ?? "on a date the rules do not give"}`);
      } else if (i === 0) {
        if (ins.data.dates.inForce !== undefined && ins.data.dates.inForce !== v.id) problems.push(`the first version ${v.id} is neither the date in force (${ins.data.dates.inForce}) nor an amendment's text`);
      } else problems.push(`version ${v.id} is the text of no amendment`);
    });
    expect(problems, `${ins.id}:\n${problems.join("\n")}`).toEqual([]);
  });

  it.each(laws.map((i) => [i.id, i] as const))("%s: exactly one text is in force on the day before, of and after each change, and the site finds it", (_id, ins) => {
    const problems: string[] = [];
    const start = lawStart(ins);
    const repealed = ins.data.dates.repealed;
    // Repealed or replaced on a date the rules do not give: the site never calls it binding, and
    // this test cannot say on which day it stopped.
    const endUnknown = (ins.data.status === "repealed" || ins.data.status === "replaced") && repealed === undefined;
    const changes = [...new Set([start, ...ins.versions.map((v) => v.id), ...(repealed ? [repealed] : [])])];
    for (const change of changes) {
      for (const day of [shiftDay(change, -1), change, shiftDay(change, 1)]) {
        const isLaw = day >= start && (repealed === undefined || day < repealed);
        const texts = textsInForce(ins, day);
        // Before the first text the rules hold, the site must say it does not hold the text, not
        // that the law was not in force (the Criminal Law is held from Amendment (9)).
        const notHeld = isLaw && texts.length === 0 && day < (ins.versions[0]?.id as string) && textHeldAt(ins, day) === "not-held";
        if (isLaw && texts.length !== 1 && !notHeld) problems.push(`${day}: the law is in force but ${texts.length === 0 ? "no text is" : `${texts.length} texts are (${texts.join(", ")})`}`);
        if (!isLaw && texts.length > 0) problems.push(`${day}: the law is not in force but the text ${texts.join(", ")} is`);
        if (texts.length === 1 && versionAt(ins, day) !== texts[0]) problems.push(`${day}: the text in force is ${texts[0]}, the site reads ${versionAt(ins, day) ?? "none"}`);
        if (!endUnknown && bindingAt(ins, day) !== (isLaw && texts.length === 1)) problems.push(`${day}: the site says the instrument is ${bindingAt(ins, day) ? "" : "not "}binding`);
      }
    }
    expect(problems, `${ins.id} (in force from ${start}${repealed ? ` to ${repealed}` : ""}):\n${problems.join("\n")}`).toEqual([]);
  });

  it.each(catalog.instruments.map((i) => [i.id, i] as const))("%s: every provision resolves to one number or none in each text, and a number to one provision", (_id, ins) => {
    const problems: string[] = [];
    const versionIds = new Set(ins.versions.map((v) => v.id));
    for (const p of ins.provisions) {
      for (const v of Object.keys(p.data.numbers)) if (!versionIds.has(v)) problems.push(`${p.key} is numbered in ${v}, which is not a text of the instrument`);
      for (const v of p.versionIds) if (typeof p.data.numbers[v] !== "string" || p.data.numbers[v] === "") problems.push(`${p.key} is in ${v} without a number`);
    }
    for (const v of ins.versions) {
      const byNumber = new Map<string, string[]>();
      for (const p of ins.provisions) {
        const n = p.data.numbers[v.id];
        if (n !== undefined) byNumber.set(n, [...(byNumber.get(n) ?? []), p.key]);
      }
      for (const [n, keys] of byNumber) if (keys.length > 1) problems.push(`Art. ${n} of ${v.id} is ${keys.join(" and ")}`);
    }
    expect(problems, `${ins.id}:\n${problems.join("\n")}`).toEqual([]);
  });
});

describe("temporal coverage: the test itself", () => {
  const fake = catalog.instrumentById.get("cybersecurity-law") as InstrumentEntry;
  it("finds one text on each side of an amendment and none before the law", () => {
    expect(textsInForce(fake, "2017-05-31")).toEqual([]);
    expect(textsInForce(fake, "2017-06-01")).toEqual(["2017-06-01"]);
    expect(textsInForce(fake, "2025-12-31")).toEqual(["2017-06-01"]);
    expect(textsInForce(fake, "2026-01-01")).toEqual(["2026-01-01"]);
  });
  it("finds no text on the day a repealed instrument stopped", () => {
    const repealed = { ...fake, data: { ...fake.data, dates: { ...fake.data.dates, repealed: "2030-01-01" } } } as InstrumentEntry;
    expect(textsInForce(repealed, "2029-12-31")).toEqual(["2026-01-01"]);
    expect(textsInForce(repealed, "2030-01-01")).toEqual([]);
  });
});
