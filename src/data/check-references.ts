// Checks that need more than one record: every pointer resolves, numbers are unique within a
// version, amounts and dates are in order, drafts are labelled as drafts. Each problem points
// at the file, line and path of the offending value.
import type { PenaltyTier, Provision, Sanction, Threshold, Unit } from "../domain/rules-schema.js";
import { qualifyRef } from "../domain/catalog.js";
import { punishesBearer } from "../domain/bearers.js";
import { parseProvisionRef, provisionOfRef } from "../domain/pinpoint.js";
import { suggest } from "../domain/closest-match.js";
import { findSourceDocument } from "../domain/source-documents.js";
import type { ParsedRules } from "./parsed-rules.js";
import type { RulesProblem } from "./problems.js";
import { problemAt, type YamlFile } from "./yaml-file.js";

const UNITS_BY_KIND: Partial<Record<Sanction["kind"], Unit[]>> = {
  fine: ["CNY", "multiple", "percent"],
  "criminal-fine": ["CNY", "multiple"],
  "late-fine-surcharge": ["percent"], // 每日按罚款数额的百分之三
 // 罚金 of N times the illegal gains is still a criminal fine
  "administrative-detention": ["days"],
  "criminal-detention": ["days", "months"],
  "public-surveillance": ["months", "years"],
  "fixed-term-imprisonment": ["months", "years"],
  "deprivation-of-political-rights": ["years"],
  "entry-ban": ["years"],
  "exit-ban": ["months", "years"],
  "employment-ban": ["years"],
  "registration-ban": ["years"],
  "civil-liability": ["multiple"], // damages set as a multiple of a statutory standard
  blacklist: ["years"],
  "credit-record": ["years"],
  "suspension-of-business": ["days", "months"],
  "practice-suspension": ["months", "years"],
};

export function checkReferences(rules: ParsedRules): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const at = (f: YamlFile, p: ReadonlyArray<PropertyKey>, message: string) => problems.push(problemAt(f, p, message));

  // Actors: unique ids, known parents, no cycles.
  const actorsFile = rules.actors.file;
  const actorIds = new Set<string>();
  rules.actors.value.forEach((a, i) => {
    if (actorIds.has(a.id)) at(actorsFile, [i, "id"], `duplicate actor id "${a.id}"`);
    actorIds.add(a.id);
  });
  const parentsOf = new Map(rules.actors.value.map((a) => [a.id, a.parents]));
  rules.actors.value.forEach((a, i) => {
    a.parents.forEach((p, j) => {
      if (!actorIds.has(p)) at(actorsFile, [i, "parents", j], `unknown actor "${p}"${suggest(p, actorIds)}`);
      if (p === a.id) at(actorsFile, [i, "parents", j], "an actor cannot be its own parent");
    });
    if (reachesItself(a.id, parentsOf)) at(actorsFile, [i, "parents"], `the hierarchy loops back to "${a.id}"`);
  });
  const isA = (x: string, y: string): boolean => {
    const seen = new Set<string>();
    const stack = [x];
    for (let a = stack.pop(); a !== undefined; a = stack.pop()) {
      if (a === y) return true;
      if (seen.has(a)) continue;
      seen.add(a);
      stack.push(...(parentsOf.get(a) ?? []));
    }
    return false;
  };

  // Instruments and provisions: collect keys first, so links can point forward.
  const instrumentIds = new Set<string>();
  const provisionKeys = new Set<string>();
  const provisionByKey = new Map<string, Provision>();
  for (const { file, value: ins } of rules.instruments) {
    if (instrumentIds.has(ins.id)) at(file, ["id"], `duplicate instrument id "${ins.id}"`);
    instrumentIds.add(ins.id);
    for (const p of ins.provisions) {
      provisionKeys.add(`${ins.id}/${p.id}`);
      provisionByKey.set(`${ins.id}/${p.id}`, p);
    }
  }
  /** A pinpointed reference: the provision must exist and, in each version given, have that paragraph and item. */
  const checkPinpoint = (f: YamlFile, path: ReadonlyArray<PropertyKey>, instrumentId: string, ref: string, versions: readonly string[] | undefined) => {
    const key = qualifyRef(instrumentId, provisionOfRef(ref));
    const target = provisionByKey.get(key);
    if (!target) return resolves(key) ? undefined : at(f, path, `no provision "${key}"${suggest(key, provisionKeys)}`);
    const pin = parseProvisionRef(ref);
    if (pin?.obligation !== undefined && !target.obligations.some((o) => o.id === pin.obligation)) {
      return at(f, path, `${ref}: no obligation "${pin.obligation}" in ${key}${suggest(pin.obligation, target.obligations.map((o) => o.id))}`);
    }
    if (pin?.para === undefined) return;
    const inVersions = (versions ?? Object.keys(target.numbers)).filter((v) => target.numbers[v] !== undefined);
    for (const v of inVersions) {
      const problem = pinpointProblem(target, v, pin.para, pin.item);
      if (problem) at(f, path, `${ref}: ${problem}`);
    }
  };

  const glossaryIds = new Set(rules.glossary.value.map((t) => t.id));

  // A pointer into a file that did not load cannot be checked: it is counted, not reported, so
  // one broken file gives its own problems and one line here, not a false error per pointer.
  const skipped = new Map<string, number>(); // unloaded file → pointers into it
  const resolves = (key: string): boolean => {
    if (provisionKeys.has(key)) return true;
    const unloadedFile = rules.unloaded.get(key.split("/")[0] ?? "");
    if (unloadedFile === undefined) return false;
    skipped.set(unloadedFile, (skipped.get(unloadedFile) ?? 0) + 1);
    return true;
  };

  for (const { file, value: ins } of rules.instruments) {
    const versionIds = ins.versions.map((v) => v.id);
    const sortedIds = [...versionIds].sort();
    if (versionIds.join() !== sortedIds.join()) at(file, ["versions"], "versions must be listed oldest first");
    if (new Set(versionIds).size !== versionIds.length) at(file, ["versions"], "duplicate version id");
    checkDates(ins, file, at);
    if (ins.draft !== ["draft-pending", "never-adopted"].includes(ins.status) && !(ins.draft && ins.status === "replaced")) {
      at(file, ["status"], ins.draft ? `a draft must have status draft-pending, never-adopted or replaced, not "${ins.status}"` : `status "${ins.status}" is only for drafts (draft: true)`);
    }
    if (ins.status === "replaced" && !ins.replacedBy) at(file, ["replacedBy"], 'is required when status is "replaced"');
    if (ins.interprets && !["judicial-interpretation", "local-regulation", "departmental-rule", "normative-document"].includes(ins.kind)) {
      at(file, ["interprets"], `only a judicial interpretation or implementing rule interprets another instrument, not a ${ins.kind}`);
    }
    if (ins.sources.length === 0 && !ins.beyondSources) at(file, ["sources"], "must cite at least one source document (or mark the instrument beyondSources: true)");
    ins.versions.forEach((v, vi) =>
      (v.formerIds ?? []).forEach((old, oi) => {
        if (versionIds.includes(old)) at(file, ["versions", vi, "formerIds", oi], `${old} is the id of a version of this instrument`);
      }),
    );
    ins.sources.forEach((s, i) => checkSourceDoc(s.doc, file, ["sources", i, "doc"], at));
    for (const [path, text] of readerText(ins)) {
      const m = WORKING_NOTE.exec(text);
      if (m) at(file, path, `reads as a working note ("${m[0]}"): it is shown to readers, so say what was read and where, as a legal publisher would`);
    }
    ins.concerns.forEach((c, i) => checkSourceDoc(c.source.doc, file, ["concerns", i, "source", "doc"], at));

    const readFrom = new Map(ins.versions.map((v) => [v.id, v.readFrom]));
    const numberOwner = new Map<string, string>(); // "version|number" → provision id
    const provisionIds = new Set<string>();
    ins.provisions.forEach((p, pi) => {
      const base = ["provisions", pi] as const;
      if (provisionIds.has(p.id)) at(file, [...base, "id"], `duplicate provision id "${p.id}"`);
      provisionIds.add(p.id);
      const present = Object.keys(p.numbers);
      if (present.length === 0) at(file, [...base, "numbers"], "must give the article number in at least one version");
      for (const v of present) {
        if (!versionIds.includes(v)) at(file, [...base, "numbers", v], `unknown version "${v}" (this instrument has ${versionIds.join(", ")})`);
        const n = p.numbers[v];
        const owner = numberOwner.get(`${v}|${n}`);
        if (owner) at(file, [...base, "numbers", v], `Art. ${n} of version ${v} is already provision "${owner}"`);
        numberOwner.set(`${v}|${n}`, p.id);
      }
      const firstVersion = versionIds.find((v) => present.includes(v));
      const firstNumber = firstVersion ? p.numbers[firstVersion] : undefined;
      const minted = /^p(\d+(?:-\d+)?)(?:-v(\d{4}))?$/.exec(p.id);
      if (firstNumber && minted && minted[1] !== firstNumber) {
        at(file, [...base, "id"], `a lineage id is minted from the first number: expected p${firstNumber}${minted[2] ? `-v${minted[2]}` : ""} (Art. ${firstNumber} in ${firstVersion})`);
      }
      if (minted?.[2] && firstVersion !== versionIds[0] && !firstVersion?.startsWith(minted[2])) {
        at(file, [...base, "id"], `the -v${minted[2]} suffix must name the year of the first version that has the article (${firstVersion})`);
      }
      if (minted?.[2] && firstVersion === versionIds[0]) at(file, [...base, "id"], "an article present in the first version needs no -vYYYY suffix");
      for (const v of Object.keys(p.versionNotes ?? {})) {
        if (!present.includes(v)) at(file, [...base, "versionNotes", v], `the article does not exist in version "${v}"`);
      }

      if (p.insertedFrom !== undefined) {
        const first = versionIds[0];
        const amended = ins.dates.amendments.some((a) => (a.inForce ?? a.adopted) === p.insertedFrom);
        if (first === undefined || !present.includes(first) || p.insertedFrom > first) at(file, [...base, "insertedFrom"], `only an article of the first text the rules hold (${first}) needs insertedFrom`);
        else if (!amended) at(file, [...base, "insertedFrom"], `no amendment of the instrument came into force on ${p.insertedFrom}`);
      }
      const obligationIds = new Set<string>();
      p.obligations.forEach((o, oi) => {
        const ob = [...base, "obligations", oi] as const;
        if (obligationIds.has(o.id)) at(file, [...ob, "id"], `duplicate obligation id "${o.id}"`);
        obligationIds.add(o.id);
        o.actors.forEach((a, ai) => {
          if (!actorIds.has(a)) at(file, [...ob, "actors", ai], `unknown actor "${a}"${suggest(a, actorIds)}`);
        });
        (o.notFor ?? []).forEach((a, ai) => {
          if (!actorIds.has(a)) at(file, [...ob, "notFor", ai], `unknown actor "${a}"${suggest(a, actorIds)}`);
          else if (!o.actors.some((b) => isA(a, b))) at(file, [...ob, "notFor", ai], `"${a}" is not a kind of any bearer (${o.actors.join(", ")}): the duty never binds it anyway`);
        });
        (o.versions ?? []).forEach((v, vi) => {
          if (!present.includes(v)) at(file, [...ob, "versions", vi], `the article does not exist in version "${v}"`);
        });
        if (o.item !== undefined && o.para === undefined) at(file, [...ob, "item"], "an item needs its paragraph (para)");
        if (o.para !== undefined) {
          for (const v of (o.versions ?? present).filter((x) => present.includes(x))) {
            const problem = pinpointProblem(p, v, o.para, o.item);
            if (problem) at(file, [...ob, o.item !== undefined ? "item" : "para"], problem);
          }
        }
      });

      const tierIds = new Set<string>();
      p.penalties.forEach((t, ti) => {
        const tb = [...base, "penalties", ti] as const;
        if (tierIds.has(t.id)) at(file, [...tb, "id"], `duplicate penalty tier id "${t.id}"`);
        tierIds.add(t.id);
        (t.versions ?? []).forEach((v, vi) => {
          if (!present.includes(v)) at(file, [...tb, "versions", vi], `the article does not exist in version "${v}"`);
        });
        if (t.enforces?.length && !t.punishes) at(file, [...tb, "punishes"], "is required with enforces: name the actors the penalty article punishes (a penalty reaches a duty only through its bearer)");
        (t.punishes ?? []).forEach((a, ai) => {
          if (!actorIds.has(a)) at(file, [...tb, "punishes", ai], `unknown actor "${a}"${suggest(a, actorIds)}`);
        });
        (t.enforces ?? []).forEach((ref, ri) => {
          checkPinpoint(file, [...tb, "enforces", ri], ins.id, ref, t.versions);
          // A penalty reaches a duty only through its bearer: every duty the link reaches must be
          // borne by an actor the tier punishes (or a kind of one).
          const target = provisionByKey.get(qualifyRef(ins.id, provisionOfRef(ref)));
          const pin = parseProvisionRef(ref);
          if (!target || !pin || !t.punishes) return;
          for (const o of target.obligations) {
            const reached = pin.obligation !== undefined ? o.id === pin.obligation : pin.para === undefined || o.para === undefined || (o.para === pin.para && (pin.item === undefined || o.item === undefined || o.item === pin.item));
            if (reached && !punishesBearer(t.punishes, o.actors, isA)) {
              at(file, [...tb, "enforces", ri], `${ref} reaches duty "${o.id}" (${o.actors.join(", ")}), but the tier punishes ${t.punishes.join(", ")}: pinpoint the duty it punishes (p…#obligation-id) or correct punishes`);
            }
          }
        });
        (t.formerly ?? []).forEach((ref, ri) => {
          const target = provisionByKey.get(qualifyRef(ins.id, provisionOfRef(ref)));
          if (ref.includes("/") && !ref.startsWith(`${ins.id}/`)) at(file, [...tb, "formerly", ri], "formerly names an article of an earlier text of the same instrument");
          else if (target && target.penalties.length === 0) at(file, [...tb, "formerly", ri], `${ref} sets no penalty`);
          else checkPinpoint(file, [...tb, "formerly", ri], ins.id, ref, undefined);
        });
        if (t.refersToBy !== undefined && !t.refersTo?.length) at(file, [...tb, "refersToBy"], "says how the article points at the articles in refersTo: name them there");
        (t.refersTo ?? []).forEach((ref, ri) => {
          checkPinpoint(file, [...tb, "refersTo", ri], ins.id, ref, t.versions);
          if (qualifyRef(ins.id, provisionOfRef(ref)) === `${ins.id}/${p.id}` && parseProvisionRef(ref)?.para === undefined) {
            at(file, [...tb, "refersTo", ri], "a tier cannot refer to its own article as a whole (name the paragraph)");
          }
        });
        if (t.sanctions.length === 0 && !t.refersTo?.length) at(file, [...tb, "sanctions"], "must list at least one sanction, or name the article whose sanctions apply in refersTo");
        if (t.escalates !== undefined) {
          const from = p.penalties.findIndex((x) => x.id === t.escalates);
          if (from < 0) at(file, [...tb, "escalates"], `no tier "${t.escalates}" in this provision${suggest(t.escalates, p.penalties.map((x) => x.id))}`);
          else if (from >= ti) at(file, [...tb, "escalates"], `tier "${t.escalates}" must come before the tier that escalates from it`);
        }
        checkThresholds(t, p.penalties, file, tb, at);
        if (t.para !== undefined) {
          for (const v of (t.versions ?? present).filter((x) => present.includes(x))) {
            const problem = pinpointProblem(p, v, t.para, undefined);
            if (problem) at(file, [...tb, "para"], problem);
          }
        }
        t.sanctions.forEach((e, si) => {
          if ("oneOf" in e) e.oneOf.forEach((s, ai) => checkSanction(s, file, [...tb, "sanctions", si, "oneOf", ai], at));
          else checkSanction(e, file, [...tb, "sanctions", si], at);
        });
      });

      p.related.forEach((ref, ri) => {
        const key = qualifyRef(ins.id, ref);
        if (!resolves(key)) at(file, [...base, "related", ri], `no provision "${key}"${suggest(key, provisionKeys)}`);
        if (key === `${ins.id}/${p.id}`) at(file, [...base, "related", ri], "a provision cannot be related to itself");
      });
      p.terms.forEach((t, ti) => {
        if (!glossaryIds.has(t)) at(file, [...base, "terms", ti], `no glossary term "${t}"${suggest(t, glossaryIds)}`);
      });
      p.sources.forEach((s, si) => checkSourceDoc(s.doc, file, [...base, "sources", si, "doc"], at));
      p.concerns.forEach((c, ci) => checkSourceDoc(c.source.doc, file, [...base, "concerns", ci, "source", "doc"], at));
      if (p.confidence !== "high" && !p.confidenceNote) at(file, [...base, "confidenceNote"], `is required when confidence is "${p.confidence}": say what is unconfirmed`);
      // "high" means read from an official text: an article, or a tier, known only from
      // reproductions (or from a later text) cannot claim it.
      const officialIn = (vs: readonly string[]) => vs.some((v) => readFrom.get(v) === "official");
      if (p.confidence === "high" && present.length > 0 && !officialIn(present)) {
        at(file, [...base, "confidence"], `is "high", but no text this article is in was read from an official text (${present.map((v) => `${v}: ${readFrom.get(v)}`).join(", ")}): use medium and say so in confidenceNote`);
      }
      p.penalties.forEach((t, ti) => {
        const vs = (t.versions ?? present).filter((v) => present.includes(v));
        if ((t.confidence ?? p.confidence) === "high" && vs.length > 0 && !officialIn(vs)) {
          at(file, [...base, "penalties", ti, t.confidence ? "confidence" : "versions"], `tier "${t.id}" applies only in texts not read from an official text (${vs.map((v) => `${v}: ${readFrom.get(v)}`).join(", ")}): give it confidence: medium`);
        }
      });
    });
  }

  // Glossary.
  const gFile = rules.glossary.file;
  const seenTerms = new Set<string>();
  rules.glossary.value.forEach((t, i) => {
    if (seenTerms.has(t.id)) at(gFile, [i, "id"], `duplicate glossary id "${t.id}"`);
    seenTerms.add(t.id);
    if (t.definedIn && !resolves(t.definedIn)) at(gFile, [i, "definedIn"], `no provision "${t.definedIn}"${suggest(t.definedIn, provisionKeys)}`);
    if (t.actor && !actorIds.has(t.actor)) at(gFile, [i, "actor"], `unknown actor "${t.actor}"${suggest(t.actor, actorIds)}`);
  });
  for (const [file, n] of skipped) problems.push({ file, path: "", message: `${n} cross-reference${n === 1 ? "" : "s"} from other files into this file ${n === 1 ? "was" : "were"} not checked, because it did not load` });
  return problems;
}

/**
 * Words that belong in a working note, not in text a reader sees: local folders and file names,
 * tool names, guesses and promises of later work.
 */
const WORKING_NOTE = /law-texts|\/work\/|\b[\w\u4e00-\u9fff()（）-]+\.md\b|\bsearch tools?\b|\bpresumably\b|\bnot encoded\b|\brecollection\b|\bfrom memory\b|\bthe project's\b|\bthis file\b|\bTODO\b/i;

/** Every string of an instrument file that pages print, with its path. */
function readerText(value: unknown, path: PropertyKey[] = []): [PropertyKey[], string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => readerText(v, [...path, i]));
  if (value && typeof value === "object") {
    // Addresses and ids are not prose; a list of official sources still has notes to read.
    return Object.entries(value).flatMap(([k, v]) => ((k === "url" || k === "official" || k === "id") && typeof v === "string" ? [] : readerText(v, [...path, k])));
  }
  return [];
}

function checkSanction(s: Sanction, file: YamlFile, p: ReadonlyArray<PropertyKey>, at: (f: YamlFile, p: ReadonlyArray<PropertyKey>, m: string) => void) {
  if (s.min !== undefined && s.max !== undefined && s.min > s.max) at(file, [...p, "max"], `must be ≥ min (${s.min})`);
  const hasAmount = s.min !== undefined || s.max !== undefined;
  if (hasAmount && !s.unit) at(file, [...p, "unit"], "is required when min or max is given");
  if (!hasAmount && s.unit) at(file, [...p, "unit"], "makes sense only with min or max");
  const allowed = UNITS_BY_KIND[s.kind];
  if (s.unit && allowed && !allowed.includes(s.unit)) at(file, [...p, "unit"], `a ${s.kind} is measured in ${allowed.join(" or ")}, not ${s.unit}`);
  if (s.unit && !allowed) at(file, [...p, "unit"], `a ${s.kind} has no amount`);
  const relative = s.unit === "multiple" || s.unit === "percent";
  if (relative && !s.base) at(file, [...p, "base"], `is required with unit ${s.unit}: say what it is a ${s.unit === "multiple" ? "multiple" : "share"} of (illegal-gains, previous-year-turnover …)`);
  if (s.base && !relative) at(file, [...p, "base"], "makes sense only with unit multiple or percent");
  if (s.unit === "percent" && s.max !== undefined && s.max > 100) at(file, [...p, "max"], "a share cannot exceed 100 percent");
  if (s.duration && (hasAmount || s.unit)) at(file, [...p, "duration"], `a ${s.duration} sanction has no min, max or unit`);
  if (s.who && s.bearer !== "managers") at(file, [...p, "who"], "names a group of managers: only with bearer managers");
  if (s.combine && s.kind !== "criminal-fine" && s.kind !== "fine") at(file, [...p, "combine"], "says how a fine goes with the other sanctions: only with kind fine or criminal-fine");
  if (s.if && !hasAmount) at(file, [...p, "if"], "makes an amount conditional: give the amount (min or max) it applies to");
  if (s.object && !OBJECT_KINDS.has(s.kind)) at(file, [...p, "object"], `names the thing a sanction acts on: only with ${[...OBJECT_KINDS].join(", ")}, not ${s.kind}`);
  if (s.object && s.bearer !== "entity") at(file, [...p, "object"], "names a thing of the entity punished: only with bearer entity");
  if (s.per && !hasAmount) at(file, [...p, "per"], "charges an amount for each day: give the amount (min or max)");
  if (s.upTo && !s.per) at(file, [...p, "upTo"], "caps an amount charged each day: only with per");
  if (s.if && s.if.gains !== "none" && s.if.gains.below === undefined && s.if.gains.atLeast === undefined && !s.if.gains.orNone) at(file, [...p, "if", "gains"], "must say below, atLeast or orNone");
}

/** Sanctions that act on a thing the bearer runs or holds (an app, a website, a permit), so that an article can limit them to one. */
const OBJECT_KINDS: ReadonlySet<Sanction["kind"]> = new Set([
  "order-to-stop",
  "stop-new-business",
  "business-scope-reduction",
  "suspension-of-business",
  "termination-of-service",
  "closure-of-website",
  "licence-revocation",
  "sealing",
  "confiscation",
]);

const THRESHOLD_UNITS: Record<Threshold["measure"], Threshold["unit"][]> = {
  views: ["times", "multiple"],
  reposts: ["times", "multiple"],
  "business-volume": ["CNY", "multiple"],
  "illegal-gains": ["CNY", "multiple"],
};

/**
 * A tier's thresholds: each measured in its measure's unit, each measure (per bearer) once, and a
 * multiple only of a threshold the tier it escalates from states for the same measure and bearer.
 */
function checkThresholds(t: PenaltyTier, tiers: readonly PenaltyTier[], file: YamlFile, tb: ReadonlyArray<PropertyKey>, at: (f: YamlFile, p: ReadonlyArray<PropertyKey>, m: string) => void) {
  const seen = new Set<string>();
  const from = t.escalates === undefined ? undefined : tiers.find((x) => x.id === t.escalates);
  (t.thresholds ?? []).forEach((th, i) => {
    const path = [...tb, "thresholds", i];
    const units = THRESHOLD_UNITS[th.measure];
    if (!units.includes(th.unit)) at(file, [...path, "unit"], `${th.measure} is counted in ${units.join(" or ")}, not ${th.unit}`);
    const key = `${th.measure}|${th.bearer ?? ""}`;
    if (seen.has(key)) at(file, [...path, "measure"], `${th.measure}${th.bearer ? ` (${th.bearer})` : ""} is given twice`);
    seen.add(key);
    if (th.unit !== "multiple") return;
    if (!from) at(file, [...path, "unit"], "a multiple is of the threshold of the tier this one escalates from: give the tier escalates");
    else if (!from.thresholds?.some((x) => x.measure === th.measure && x.bearer === th.bearer && x.unit !== "multiple")) {
      at(file, [...path, "unit"], `tier "${from.id}" states no ${th.measure} threshold${th.bearer ? ` for ${th.bearer}` : ""} to take a multiple of`);
    }
  });
}

/** Why a paragraph or item does not exist in a version, or undefined when it does. */
function pinpointProblem(p: Provision, version: string, para: number, item: number | undefined): string | undefined {
  const count = typeof p.paragraphs === "number" ? p.paragraphs : p.paragraphs?.[version];
  const number = p.numbers[version];
  if (count === undefined) return `${p.id} gives no paragraph count for version ${version} (add paragraphs: to it)`;
  if (para > count) return `Art. ${number} has ${count} paragraph${count === 1 ? "" : "s"} in version ${version}, not ${para}`;
  if (item === undefined) return undefined;
  const items = p.items?.[String(para)];
  if (items === undefined) return `${p.id} gives no item count for paragraph ${para} (add items: { ${para}: N } to it)`;
  if (item > items) return `paragraph ${para} of Art. ${number} has ${items} item${items === 1 ? "" : "s"}, not ${item}`;
  return undefined;
}

function checkSourceDoc(doc: string, file: YamlFile, p: ReadonlyArray<PropertyKey>, at: (f: YamlFile, p: ReadonlyArray<PropertyKey>, m: string) => void) {
  if (!findSourceDocument(doc)) at(file, p, `unknown source document "${doc}" (see ../shared/sources/README.md)`);
}

function checkDates(ins: ParsedRules["instruments"][number]["value"], file: YamlFile, at: (f: YamlFile, p: ReadonlyArray<PropertyKey>, m: string) => void) {
  const d = ins.dates;
  const order: [keyof typeof d, string | undefined][] = [
    ["drafted", d.drafted],
    ["adopted", d.adopted],
    ["promulgated", d.promulgated],
    ["inForce", d.inForce],
  ];
  let last: [string, string] | undefined;
  for (const [name, value] of order) {
    if (!value) continue;
    if (last && value < last[1]) at(file, ["dates", name], `${value} is before ${last[0]} (${last[1]})`);
    last = [name, value];
  }
  d.amendments.forEach((a, i) => {
    if (a.inForce && a.inForce < a.adopted) at(file, ["dates", "amendments", i, "inForce"], `${a.inForce} is before the amendment was adopted (${a.adopted})`);
    if (d.adopted && a.adopted < d.adopted) at(file, ["dates", "amendments", i, "adopted"], `${a.adopted} is before the instrument was adopted (${d.adopted})`);
    const prev = d.amendments[i - 1];
    if (prev && a.adopted < prev.adopted) at(file, ["dates", "amendments", i, "adopted"], "amendments must be listed oldest first");
    if (a.version && !ins.versions.some((v) => v.id === a.version)) at(file, ["dates", "amendments", i, "version"], `unknown version "${a.version}"`);
  });
  if (d.repealed && d.inForce && d.repealed < d.inForce) at(file, ["dates", "repealed"], `${d.repealed} is before the instrument came into force (${d.inForce})`);
  ins.versions.forEach((v, i) => {
    if (v.adopted && v.adopted > v.id) at(file, ["versions", i, "adopted"], `${v.adopted} is after the version came into force (${v.id})`);
  });
}

function reachesItself(start: string, parentsOf: Map<string, string[]>): boolean {
  const seen = new Set<string>();
  const stack = [...(parentsOf.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === start) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(parentsOf.get(id) ?? []));
  }
  return false;
}

