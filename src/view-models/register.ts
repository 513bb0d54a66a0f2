// The register as the page, its exports and the API show it: the roles and why the company has
// them, a summary, a contents list, removable filter chips, and one card per duty whose penalty
// is a ladder (each tier in order with the trigger that brings it, criminal exposure last).
// No sanction is ever placed without the trigger of its tier.
import { qualifyRef, type Catalog, type TierRef } from "../domain/catalog.js";
import { permalink } from "../domain/citation.js";
import { provisionOfRef } from "../domain/pinpoint.js";
import { articleLabel, versionName } from "../domain/version-name.js";
import { describeSanctions, LEVEL_LABELS, MANAGER_GROUP_LABELS, sanctionsOf, tierLevel, type FlatSanction } from "../domain/penalty-arithmetic.js";
import { TierLevel, type Bearer, type ManagerGroup, type PenaltyTier } from "../domain/rules-schema.js";
import { articlePath, MAX_MEMO_ITEMS } from "../memo/memo-items.js";
import type { DerivedRoles } from "../query/questionnaire.js";
import { generalLiability, type Register, type RegisterDuty, type RegisterFilter } from "../query/register.js";
import { bindingAt } from "../query/versions.js";
import { query, THEME_LABELS } from "./format.js";
import { linkToRef } from "./article-page.js";
import { actorLabel, explainReason } from "./obligation-view.js";
import { compactGeneral, heaviestDuties, lawExposure, type CompactGroup, type HeavyDuty, type LawExposure } from "./register-summary.js";

export interface Link {
  label: string;
  href: string;
}

export interface LadderStep {
  when: string; // the trigger in plain words: "On first violation", "If especially serious"
  trigger: string; // the conduct and circumstances, as the rules state them
  entity: string[];
  managers: string[];
  individual: string[];
  official: string[];
  refersTo: Link[]; // punished under another article instead
  refersToReading: boolean; // the article names no law: the links are the editors' reading
  criminal: boolean;
  article: Link; // the penalty article that sets this tier
}

export interface Ladder {
  article: Link;
  referredFrom?: Link; // a ladder the breach is punished under by referral from this article
  referredByReading?: boolean; // the referring article names no law: the link is the editors' reading
  steps: LadderStep[]; // first violation first
}

export interface DutyCard {
  key: string; // the stable obligation ID: instrument/lineage-id#obligation-id, never an article number
  penaltyIds: string[]; // the penalty articles' stable ids (instrument/lineage-id), own then referred
  anchor: string;
  instrumentId: string;
  instrumentShort: string;
  instrumentTitle: string;
  versionId: string;
  versionName: string; // "2017 text" (src/domain/version-name.ts)
  number: string;
  article: Link; // "CSL Art. 37 (2017)": the number with its text where the instrument has several
  permalink: string; // absolute
  heading: string;
  duty: string;
  conditions?: string;
  theme: string;
  themeId: string;
  reasons: string[]; // every reason, each once
  roles: string[]; // the user's roles this duty binds
  general: boolean;
  keyGeneral: boolean; // a general duty every register lists in full
  memoItem: string;
  draft: boolean;
  binding: boolean;
  ladders: Ladder[]; // administrative penalties, one ladder per penalty article
  criminal: LadderStep[]; // criminal exposure, last, each with its article
  generalLiability: Link[]; // when no penalty article is linked: the instrument's general liability articles
  // The printout states a ladder once: a card whose ladder is the same as the card before it
  // (in the same group) prints "as for the duty above" instead. The screen shows every ladder.
  ladderAsAbove?: string; // the previous card's article label
  articleAsAbove: boolean; // the card before it is a duty of the same article: the printout gives its address once
}

export interface RoleView {
  id: string;
  label: string;
  href: string;
  reasons: string[]; // "you provide instant messaging → instant messaging service provider, a kind of internet service provider and of network operator"
  picked: boolean; // chosen directly (actor=…), not derived from an answer
}

export interface ReviewRoleView extends RoleView {
  definedBy?: Link;
  addHref: string;
}

export interface RegisterState {
  basePath: string; // /profile or /actors/<id>
  actor: readonly string[]; // the actor parameter (empty on /actors/<id>)
  answers: Readonly<Record<string, readonly string[]>>;
  filter: RegisterFilter;
  group: "instrument" | "theme";
  memo?: readonly string[]; // the memo carried without JavaScript (?memo=…): kept in every link of the register, added to by its cards
}

// Ladder order: the levels as the schema lists them (较重 "more serious" below 严重 "serious"),
// crime last.
const LEVEL_ORDER: readonly TierLevel[] = [...TierLevel.options.filter((l) => l !== "crime"), "crime"];

/**
 * The ladder step's trigger in plain words: "On first violation", "If especially serious". A tier
 * without a level in the rules reads as the first violation (the schema's default) only when no
 * other tier of its article for the duty lacks one: two unlevelled tiers cannot both be the first
 * violation, so each reads "In the case described" and its trigger says which case.
 */
export function levelWords(t: PenaltyTier, alone = true): string {
  if (!t.level && !alone && tierLevel(t) === "first-violation") return LEVEL_LABELS.other;
  return LEVEL_LABELS[tierLevel(t)];
}

function levelRank(t: PenaltyTier): number {
  return LEVEL_ORDER.indexOf(tierLevel(t));
}

/** Criminal exposure: a crime tier, or any tier of the Criminal Law. */
function isCriminal(t: TierRef): boolean {
  return tierLevel(t.tier) === "crime" || t.provision.instrumentId === "criminal-law";
}

function articleLink(catalog: Catalog, t: TierRef, date: string): Link {
  const ins = catalog.instrumentById.get(t.provision.instrumentId);
  const v = t.versionIds.filter((x) => x <= date).at(-1) ?? t.versionIds.at(-1) ?? ins?.currentVersion ?? "";
  const n = t.provision.data.numbers[v] ?? "";
  return { label: ins ? articleLabel(ins, v, n) : `${t.provision.instrumentId} Art. ${n}`, href: permalink(t.provision.instrumentId, v, n) };
}

/** A reference as a link; the rules' references are validated, so one always resolves. */
function refLink(catalog: Catalog, instrumentId: string, ref: string, date: string): Link {
  const link = linkToRef(catalog, instrumentId, ref, date);
  return link ? { label: link.label, href: link.href } : { label: ref, href: "/laws" };
}

/** One bearer's sanctions at a tier in words, alternatives joined by "or"; managers by the group the article names. */
function sanctionsFor(sanctions: readonly FlatSanction[], bearer: Bearer): string[] {
  const mine = sanctions.filter((s) => s.bearer === bearer);
  if (mine.length === 0) return [];
  if (bearer !== "managers") return [describeSanctions(mine)];
  const groups = new Map<ManagerGroup, FlatSanction[]>();
  for (const s of mine) groups.set(s.who ?? "persons-in-charge-and-others", [...(groups.get(s.who ?? "persons-in-charge-and-others") ?? []), s]);
  if (groups.size === 1 && groups.has("persons-in-charge-and-others")) return [describeSanctions(mine)];
  return [...groups].map(([who, list]) => `${capitalise(MANAGER_GROUP_LABELS[who])}: ${describeSanctions(list)}`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ladderStep(catalog: Catalog, t: TierRef, date: string, alone = true): LadderStep {
  const sanctions = sanctionsOf(t.tier);
  return {
    when: levelWords(t.tier, alone),
    trigger: t.tier.trigger,
    entity: sanctionsFor(sanctions, "entity"),
    managers: sanctionsFor(sanctions, "managers"),
    individual: sanctionsFor(sanctions, "individual"),
    official: sanctionsFor(sanctions, "official"),
    refersTo: (t.tier.refersTo ?? []).map((r) => refLink(catalog, t.provision.instrumentId, r, date)),
    refersToReading: t.tier.refersToBy === "reading",
    criminal: isCriminal(t),
    article: articleLink(catalog, t, date),
  };
}

/** A tier never precedes the tier it escalates from (escalates: basic), whatever their levels. */
function escalationOrder(list: TierRef[]): TierRef[] {
  const out = [...list];
  for (let pass = 0; pass < list.length; pass++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      const t = out[i] as TierRef;
      const base = t.tier.escalates ? out.findIndex((x) => x.provision.key === t.provision.key && x.tier.id === t.tier.escalates) : -1;
      if (base > i) {
        out.splice(i, 1);
        out.splice(base, 0, t);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

function unlevelled(list: readonly TierRef[]): number {
  return list.filter((t) => !t.tier.level).length;
}

/** The tiers of each penalty article in ladder order; criminal tiers set apart, last. */
export function ladders(catalog: Catalog, tiers: readonly TierRef[], date: string): { ladders: Ladder[]; criminal: LadderStep[] } {
  const byArticle = new Map<string, TierRef[]>();
  const criminal: TierRef[] = [];
  for (const t of tiers) {
    if (isCriminal(t)) criminal.push(t);
    else byArticle.set(t.provision.key, [...(byArticle.get(t.provision.key) ?? []), t]);
  }
  const order = (list: TierRef[]) => escalationOrder(list.map((t, i) => ({ t, i })).sort((a, b) => levelRank(a.t.tier) - levelRank(b.t.tier) || a.i - b.i).map((x) => x.t));
  return {
    ladders: [...byArticle.values()].map((list) => ({ article: articleLink(catalog, list[0] as TierRef, date), steps: order(list).map((t) => ladderStep(catalog, t, date, unlevelled(list) <= 1)) })),
    criminal: order(criminal).map((t) => ladderStep(catalog, t, date, unlevelled(criminal.filter((c) => c.provision.key === t.provision.key)) <= 1)),
  };
}

export function dutyCard(catalog: Catalog, d: RegisterDuty, date: string, origin: string): DutyCard {
  const ins = catalog.instrumentById.get(d.provision.instrumentId);
  if (!ins) throw new Error(`register: no instrument ${d.provision.instrumentId}`);
  const own = ladders(catalog, d.tiers, date);
  const referred = ladders(catalog, d.referred, date);
  // A referred article's ladder follows the ladders of the article that refers to it, and says so.
  const referrers = new Map<string, { link: Link; reading: boolean }>();
  for (const t of d.tiers) for (const r of t.tier.refersTo ?? []) referrers.set(qualifyRef(t.provision.instrumentId, provisionOfRef(r)), { link: articleLink(catalog, t, date), reading: t.tier.refersToBy === "reading" });
  const referrerByHref = new Map(d.referred.map((y) => [articleLink(catalog, y, date).href, referrers.get(y.provision.key)]));
  const ls = [...own.ladders, ...referred.ladders.map((l) => ({ ...l, referredFrom: referrerByHref.get(l.article.href)?.link, referredByReading: referrerByHref.get(l.article.href)?.reading }))];
  const criminal = [...own.criminal, ...referred.criminal];
  const href = permalink(ins.id, d.versionId, d.number);
  return {
    key: d.key,
    penaltyIds: [...new Set([...d.tiers, ...d.referred].map((t) => t.provision.key))],
    anchor: `duty-${d.key.replace(/[^a-z0-9]+/gi, "-")}`,
    instrumentId: ins.id,
    instrumentShort: ins.data.short.en,
    instrumentTitle: ins.data.title.en,
    versionId: d.versionId,
    number: d.number,
    article: { label: articleLabel(ins, d.versionId, d.number), href },
    versionName: versionName(ins, d.versionId),
    permalink: `${origin}${href}`,
    heading: d.provision.data.heading.en,
    duty: d.obligation.duty,
    conditions: d.obligation.conditions,
    theme: THEME_LABELS[d.obligation.theme],
    themeId: d.obligation.theme,
    reasons: [...new Set(d.reasons.map((r) => explainReason(catalog, r.chain)))],
    roles: [...new Set(d.reasons.map((r) => actorLabel(catalog, r.selected)))],
    general: d.general,
    keyGeneral: d.keyGeneral,
    memoItem: articlePath(ins.id, d.versionId, d.number, d.obligation.id),
    draft: ins.data.draft,
    binding: bindingAt(ins, date),
    ladders: ls,
    criminal,
    articleAsAbove: false,
    generalLiability: d.tiers.length || d.referred.length ? [] : dedupeLinks(generalLiability(catalog, ins.id, date).map((t) => articleLink(catalog, t, date))),
  };
}

function dedupeLinks(links: Link[]): Link[] {
  return [...new Map(links.map((l) => [l.href, l])).values()];
}

/** "you provide instant messaging → instant messaging service provider, a kind of internet service provider and of network operator" */
export function roleReason(catalog: Catalog, fact: string, actorId: string, kindOf: readonly string[]): string {
  const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);
  const kinds = kindOf.map((id) => lower(actorLabel(catalog, id)));
  return `${fact} → ${lower(actorLabel(catalog, actorId))}${kinds.length ? `, a kind of ${kinds.join(" and of ")}` : ""}`;
}

// ---- URLs: every filter is a query parameter, so the state is the URL ----

type Params = Record<string, string | readonly string[] | undefined>;

export function stateParams(s: RegisterState): Params {
  const f = s.filter;
  return {
    actor: s.actor,
    ...s.answers,
    scope: f.scope === "specific" ? undefined : f.scope,
    instrument: f.instrument,
    theme: f.theme,
    penalty: f.penalty,
    at: f.at,
    include: f.include === "binding" ? undefined : f.include,
    sort: f.sort === "article" ? undefined : f.sort,
    group: s.group === "instrument" ? undefined : s.group,
    memo: s.memo?.length ? s.memo.join(",") : undefined,
  };
}

export function registerHref(s: RegisterState, changes: Params = {}, path = s.basePath, hash = ""): string {
  return `${path}${query({ ...stateParams(s), ...changes } as Record<string, string | readonly string[] | undefined>)}${hash}`;
}

export interface Chip {
  label: string;
  removeHref: string;
}

export function filterChips(catalog: Catalog, s: RegisterState): Chip[] {
  const f = s.filter;
  const chips: Chip[] = [];
  const without = (name: string, value?: string) => {
    const cur = stateParams(s)[name];
    const next = Array.isArray(cur) && value !== undefined ? cur.filter((x) => x !== value) : undefined;
    return registerHref(s, { [name]: next }, s.basePath, "#results");
  };
  if (f.scope === "all") chips.push({ label: "Also general duties", removeHref: without("scope") });
  for (const i of f.instrument) chips.push({ label: `Instrument: ${catalog.instrumentById.get(i)?.data.short.en ?? i}`, removeHref: without("instrument", i) });
  for (const t of f.theme) chips.push({ label: `Theme: ${THEME_LABELS[t]}`, removeHref: without("theme", t) });
  if (f.penalty) chips.push({ label: f.penalty === "yes" ? "Has a penalty" : "No penalty article", removeHref: without("penalty") });
  if (f.at) chips.push({ label: `Law as at ${f.at}`, removeHref: without("at") });
  if (f.include === "all") chips.push({ label: "Drafts and superseded rules too", removeHref: without("include") });
  if (f.sort === "exposure") chips.push({ label: "Heaviest sanction first", removeHref: without("sort") });
  return chips;
}

export interface DutyGroup {
  id: string;
  anchor: string;
  title: string;
  href?: string;
  cards: DutyCard[];
}

const EXPOSURE_BANDS = [
  ["custody", "Custody (detention or prison)"],
  ["fine", "Fines on the entity"],
  ["business", "Business sanctions"],
  ["other", "Other penalties"],
  ["none", "No penalty article linked"],
] as const;

function exposureBand(d: RegisterDuty): string {
  if (d.tiers.length === 0) return "none";
  if (d.exposure.custodyDays > 0) return "custody";
  if (d.exposure.entityFine >= 0 || d.exposure.entityFineOther) return "fine";
  if (d.exposure.business > 0) return "business";
  return "other";
}

export function groupCards(catalog: Catalog, reg: Register, cards: DutyCard[], s: RegisterState): DutyGroup[] {
  const groups = new Map<string, DutyGroup>();
  const add = (id: string, make: () => Omit<DutyGroup, "cards" | "anchor">, card: DutyCard) => {
    if (!groups.has(id)) groups.set(id, { ...make(), anchor: `group-${id}`, cards: [] });
    groups.get(id)?.cards.push(card);
  };
  reg.duties.forEach((d, i) => {
    const card = cards[i] as DutyCard;
    if (s.filter.sort === "exposure") {
      const band = exposureBand(d);
      add(band, () => ({ id: band, title: EXPOSURE_BANDS.find(([b]) => b === band)?.[1] ?? band }), card);
    } else if (d.keyGeneral && s.filter.scope !== "all") {
      add(EVERY_ORGANISATION, () => ({ id: EVERY_ORGANISATION, title: "Duties that bind every organisation" }), card);
    } else if (s.group === "theme") {
      add(card.themeId, () => ({ id: card.themeId, title: card.theme }), card);
    } else {
      const ins = catalog.instrumentById.get(card.instrumentId);
      add(card.instrumentId, () => ({ id: card.instrumentId, title: `${card.instrumentTitle}${ins?.data.draft ? " (draft)" : ""}`, href: `/laws/${card.instrumentId}` }), card);
    }
  });
  const list = [...groups.values()];
  for (const g of list) {
    let previous: { signature: string; label: string; href: string } | undefined;
    for (const c of g.cards) {
      const signature = JSON.stringify([c.ladders, c.criminal]);
      if (previous && (c.ladders.length || c.criminal.length) && previous.signature === signature) c.ladderAsAbove = previous.label;
      c.articleAsAbove = previous?.href === c.article.href;
      previous = { signature, label: c.article.label, href: c.article.href };
    }
  }
  if (s.filter.sort === "exposure") list.sort((a, b) => EXPOSURE_BANDS.findIndex(([x]) => x === a.id) - EXPOSURE_BANDS.findIndex(([x]) => x === b.id));
  else if (s.group === "theme") list.sort((a, b) => a.title.localeCompare(b.title));
  // The duties every organisation bears come after those of the roles.
  return [...list.filter((g) => g.id !== EVERY_ORGANISATION), ...list.filter((g) => g.id === EVERY_ORGANISATION)];
}

/** The group of the general duties every register lists in full. */
export const EVERY_ORGANISATION = "every-organisation";

/** Why the general duties are in every register, and how many: the register's stated reason. */
export function generalSentence(reg: Register, scope: RegisterFilter["scope"]): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  if (reg.generalCount === 0) return "No general duty binds these roles under the filters in use.";
  if (scope === "all") return `${n(reg.generalCount, "general duty binds", "general duties bind")} every organisation, whatever it does: all are listed in full.`;
  const rest = reg.otherGeneral.length;
  return `${n(reg.generalCount, "general duty binds", "general duties bind")} every organisation, whatever it does. The ${reg.keyGeneralCount} on cooperation with the police, state security and intelligence work, on data security and on reporting are listed in full${rest ? `; the other ${rest} are listed in one line each` : ""}.`;
}

/**
 * One GET link that opens the memo with the listed duties (by article when there are too many),
 * after the items of the memo being built, if one is carried. `count` is how many it adds.
 */
export function memoAllLink(cards: readonly DutyCard[], carried: readonly string[] = []): { href: string; count: number; note?: string } | undefined {
  if (cards.length === 0) return undefined;
  const room = Math.max(0, MAX_MEMO_ITEMS - carried.length);
  const fresh = (list: string[]) => [...new Set(list)].filter((i) => !carried.includes(i));
  let items = fresh(cards.map((c) => c.memoItem));
  let note: string | undefined;
  if (items.length > room) {
    items = fresh(cards.map((c) => articlePath(c.instrumentId, c.versionId, c.number)));
    note = `${cards.length} duties are more than ${carried.length ? "your memo has room for" : "a memo holds"} (${room}): the link adds their ${items.length} articles instead.`;
  }
  if (items.length > room) {
    note = `A memo holds ${MAX_MEMO_ITEMS} items${carried.length ? ` and yours has ${carried.length}` : ""}: the link adds the first ${room} of ${items.length} articles. Filter the register to add the rest.`;
    items = items.slice(0, room);
  }
  if (items.length === 0) return undefined;
  return { href: `/memo${query({ items: [...carried, ...items].join(",") })}`, count: items.length, note };
}

/**
 * The laws of the register that took a new text in force in the 12 months up to the register's
 * date: the register says so at the top, with the changes for these roles.
 */
export function recentChanges(catalog: Catalog, reg: Register, changesHref: (from: string, to: string) => string): RegisterView["recentChanges"] {
  const since = `${Number(reg.date.slice(0, 4)) - 1}${reg.date.slice(4)}`;
  const out: RegisterView["recentChanges"] = [];
  for (const id of new Set([...reg.duties, ...reg.otherGeneral].map((d) => d.provision.instrumentId))) {
    const ins = catalog.instrumentById.get(id);
    if (!ins || ins.data.draft) continue;
    const ids = ins.data.versions.map((v) => v.id);
    ids.forEach((v, i) => {
      const prev = ids[i - 1];
      if (prev && v > since && v <= reg.date) out.push({ title: ins.data.short.en, versionName: versionName(ins, v), inForce: v, href: changesHref(prev, v) });
    });
  }
  return out;
}

export const DISCLAIMER = "Summaries are our own words, not official translations. This register is a research aid, not legal advice: check the official text of each article before relying on it.";

export interface RegisterView {
  state: RegisterState;
  title: string; // "Compliance register: CII operator + instant messaging service provider"
  url: string; // the absolute address of this register
  disclaimer: string;
  date: string;
  at?: string;
  asOf: string;
  dataVersion: string;
  roles: RoleView[];
  review: ReviewRoleView[];
  answers: { question: string; answers: string[] }[];
  summary: { specific: number; general: number; keyGeneral: number; instruments: number; withPenalty: number; listed: number; scope: string; scopeHref: string; sentence: string; generalSentence: string };
  // The one-page summary: exposure per law, each figure with the step that brings it, and the
  // ten heaviest duties.
  exposure: LawExposure[];
  heaviest: HeavyDuty[];
  otherGeneral: CompactGroup[]; // the general duties not listed in full, one line each
  recentChanges: { title: string; versionName: string; inForce: string; href: string }[]; // laws of this register amended in the 12 months before the date
  chips: Chip[];
  contents: { anchor: string; title: string; count: number }[];
  groups: DutyGroup[];
  cards: DutyCard[];
  memoAll?: { href: string; count: number; note?: string };
  memoCarry: string; // the carried memo's items, comma-separated ("" when none)
  form: {
    action: string; // basePath#results: after submitting, the user lands on the results
    hidden: { name: string; value: string }[]; // the role set (actor and answers), kept as the filters change
    instruments: { id: string; label: string; count: number; checked: boolean }[];
    themes: { id: string; label: string; count: number; checked: boolean }[];
  };
  exports: { csv: string; md: string; html: string; xlsx: string; docx: string; atom: string; api: string; print: string; self: string };
}

export function registerView(catalog: Catalog, reg: Register, s: RegisterState, derived: DerivedRoles | undefined, origin: string): RegisterView {
  const cards = reg.duties.map((d) => dutyCard(catalog, d, reg.date, origin));
  const carried = s.memo ?? [];
  const carry = query({ memo: carried.length ? carried.join(",") : undefined });
  const own = (path: string, changes: Params = {}) => registerHref(s, { ...changes, memo: undefined }, path); // the register itself, without the memo being built
  const groups = groupCards(catalog, reg, cards, s);
  const roles: RoleView[] = [];
  for (const r of derived?.roles ?? []) roles.push({ id: r.actor, label: actorLabel(catalog, r.actor), href: `/actors/${r.actor}${carry}`, reasons: r.reasons.map((x) => roleReason(catalog, x.fact, r.actor, r.kindOf)), picked: false });
  for (const id of reg.actorIds) if (!roles.some((r) => r.id === id)) roles.push({ id, label: actorLabel(catalog, id), href: `/actors/${id}${carry}`, reasons: [], picked: true });
  const review: ReviewRoleView[] = (derived?.review ?? [])
    .filter((r) => !reg.actorIds.includes(r.actor))
    .map((r) => ({
      id: r.actor,
      label: actorLabel(catalog, r.actor),
      href: `/actors/${r.actor}${carry}`,
      reasons: r.reasons.map((x) => roleReason(catalog, x.fact, r.actor, r.kindOf)),
      picked: false,
      definedBy: r.definedBy ? refLink(catalog, r.definedBy.split("/")[0] ?? "", r.definedBy, reg.date) : undefined,
      addHref: registerHref(s, { actor: [...s.actor, r.actor] }, "/profile", "#results"),
    }));
  const general = s.filter.scope === "all";
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const sentence = `${n(reg.specificCount, "duty", "duties")} specific to your roles and ${n(reg.generalCount, "general duty that binds", "general duties that bind")} every organisation (${general ? "all" : reg.keyGeneralCount} listed in full), in ${n(reg.instrumentCount, "instrument", "instruments")}; ${reg.withPenaltyCount} of those listed ${reg.withPenaltyCount === 1 ? "carries" : "carry"} a penalty.`;
  const groupAnchor = new Map<string, string>();
  for (const g of groups) for (const c of g.cards) if (!groupAnchor.has(c.instrumentId) && g.id !== EVERY_ORGANISATION) groupAnchor.set(c.instrumentId, g.anchor);
  const dutyLink = (d: RegisterDuty): Link => {
    const ins = catalog.instrumentById.get(d.provision.instrumentId);
    return { label: ins ? articleLabel(ins, d.versionId, d.number) : d.key, href: permalink(d.provision.instrumentId, d.versionId, d.number) };
  };
  const exportQuery = (path: string) => own(path, s.basePath === "/profile" ? {} : { actor: [...reg.actorIds] });
  return {
    state: s,
    title: `Compliance register: ${roles.map((r) => r.label).join(" + ")}`,
    url: `${origin}${own(s.basePath)}`,
    disclaimer: DISCLAIMER,
    date: reg.date,
    at: s.filter.at,
    asOf: catalog.meta.asOf,
    dataVersion: catalog.meta.dataVersion,
    roles,
    review,
    answers: (derived?.answered ?? []).map((a) => ({ question: a.question.text, answers: a.options.map((o) => o.label) })),
    summary: {
      specific: reg.specificCount,
      general: reg.generalCount,
      instruments: reg.instrumentCount,
      withPenalty: reg.withPenaltyCount,
      listed: reg.duties.length,
      keyGeneral: reg.keyGeneralCount,
      scope: s.filter.scope,
      scopeHref: registerHref(s, { scope: general ? undefined : "all" }, s.basePath, "#results"),
      sentence,
      generalSentence: generalSentence(reg, s.filter.scope),
    },
    exposure: lawExposure(catalog, reg, (id) => groupAnchor.get(id) ?? `group-${EVERY_ORGANISATION}`),
    heaviest: heaviestDuties(catalog, reg, cards),
    otherGeneral: compactGeneral(catalog, reg, dutyLink),
    recentChanges: recentChanges(catalog, reg, (from, to) => registerHref(s, { from, to, memo: undefined }, "/profile/changes")),
    chips: filterChips(catalog, s),
    contents: groups.map((g) => ({ anchor: g.anchor, title: g.title, count: g.cards.length })),
    groups,
    cards,
    memoAll: memoAllLink(cards, carried),
    memoCarry: carried.join(","),
    form: {
      action: `${s.basePath}#results`,
      hidden: [...s.actor.map((value) => ({ name: "actor", value })), ...Object.entries(s.answers).flatMap(([name, values]) => values.map((value) => ({ name, value }))), ...(carried.length ? [{ name: "memo", value: carried.join(",") }] : [])],
      instruments: catalog.instruments
        .filter((i) => reg.facets.instruments.has(i.id) || s.filter.instrument.includes(i.id))
        .map((i) => ({ id: i.id, label: i.data.short.en, count: reg.facets.instruments.get(i.id) ?? 0, checked: s.filter.instrument.includes(i.id) })),
      themes: [...reg.facets.themes.keys(), ...s.filter.theme.filter((t) => !reg.facets.themes.has(t))]
        .map((t) => ({ id: t, label: THEME_LABELS[t], count: reg.facets.themes.get(t) ?? 0, checked: s.filter.theme.includes(t) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    },
    exports: {
      csv: exportQuery("/profile.csv"),
      md: exportQuery("/profile.md"),
      html: exportQuery("/profile.html"),
      xlsx: exportQuery("/profile.xlsx"),
      docx: exportQuery("/profile.docx"),
      atom: exportQuery("/profile.atom"),
      api: exportQuery("/api/v1/register"),
      print: registerHref(s),
      self: `${origin}${own(s.basePath)}`,
    },
  };
}
