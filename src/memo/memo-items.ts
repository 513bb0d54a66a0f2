// A memo lives entirely in its URL: `items` is an ordered list of pinned article paths, as in
// a permalink without /laws/ ("cybersecurity-law/2017-06-01/art-37"), optionally narrowed to one
// obligation of the article by a fourth segment ("…/art-37/store-in-china").
import { QUERY_LIMITS } from "../config.js";
import type { Catalog, InstrumentEntry, ProvisionEntry } from "../domain/catalog.js";
import type { Obligation } from "../domain/rules-schema.js";
import { BadQueryError } from "../errors.js";
import { parseArticlePath } from "../query/article-path.js";
import { appliesIn, displayVersion } from "../query/versions.js";
import { citationTargets, parseCitationQuery, type CitationTarget } from "../search/citation-query.js";

export const MAX_MEMO_ITEMS = QUERY_LIMITS.memoItems;

/**
 * `memo`: the memo a page carries along while a memo is built without JavaScript (the memo's
 * "find articles to add" search, its results and their articles), so that their "Add to memo"
 * forms add to it instead of starting a new one.
 */

export interface MemoItem {
  path: string; // normalised: "cybersecurity-law/2017-06-01/art-37[/obligation-id]"
  instrument: InstrumentEntry;
  provision: ProvisionEntry;
  versionId: string;
  number: string;
  obligation?: Obligation;
}

export function articlePath(instrumentId: string, versionId: string, number: string, obligationId?: string): string {
  return `${instrumentId}/${versionId}/art-${number}${obligationId ? `/${obligationId}` : ""}`;
}

/** One item path → the article (and obligation) it pins, or a sentence saying what is wrong. */
export function resolveMemoItem(catalog: Catalog, raw: string): MemoItem | { error: string } {
  const trimmed = raw.trim().replace(/^\/?(laws\/)?/, "").replace(/\/$/, "");
  const m = /^([^/]+\/[^/]+\/[^/]+)(?:\/([a-z0-9-]+))?$/.exec(trimmed);
  if (!m) return { error: `"${raw}" is not a pinned article path such as cybersecurity-law/2017-06-01/art-37.` };
  const found = parseArticlePath(catalog, m[1] as string);
  if ("error" in found) return found;
  const { instrument, provision, versionId, number } = found;
  let obligation: Obligation | undefined;
  if (m[2]) {
    obligation = provision.data.obligations.find((o) => o.id === m[2] && appliesIn(o.versions, provision, versionId));
    if (!obligation) {
      const ids = provision.data.obligations.filter((o) => appliesIn(o.versions, provision, versionId)).map((o) => o.id);
      return { error: `Art. ${number} of the ${instrument.data.short.en} (${versionId}) has no obligation "${m[2]}"${ids.length ? ` (it has ${ids.join(", ")})` : " (it states no obligation)"}.` };
    }
  }
  return { path: articlePath(instrument.id, versionId, number, obligation?.id), instrument, provision, versionId, number, obligation };
}

/**
 * The `items` parameter (or `memo`, the memo a page carries along) → resolved items, in order,
 * duplicates dropped; the first bad one is a 400 naming the parameter.
 */
/** ?memo=…, the memo being built without JavaScript that a page carries: its items' paths, checked and normalised (a 400 on the memo parameter otherwise). */
export function carriedMemo(catalog: Catalog, paths: readonly string[]): string[] {
  return resolveMemoItems(catalog, paths, "memo").map((i) => i.path);
}

export function resolveMemoItems(catalog: Catalog, paths: readonly string[], parameter = "items"): MemoItem[] {
  if (paths.length > MAX_MEMO_ITEMS) throw new BadQueryError(parameter, `A memo holds at most ${MAX_MEMO_ITEMS} items (${paths.length} given).`);
  const out: MemoItem[] = [];
  for (const p of paths) {
    const item = resolveMemoItem(catalog, p);
    if ("error" in item) throw new BadQueryError(parameter, item.error);
    if (!out.some((o) => o.path === item.path)) out.push(item);
  }
  return out;
}

/**
 * What the user typed in the memo's "add" box: a pinned path, or a citation ("CSL 37",
 * "网络安全法第三十七条"). A citation whose number names one article is pinned to the text in
 * force now (or the text that bore the number last, when it no longer does); one that names
 * different articles in different texts comes back with every choice (`targets`), to ask which.
 */
export function resolveAddition(catalog: Catalog, input: string): MemoItem | { error: string; targets?: CitationTarget[] } {
  if (/^[/a-z0-9-]+\/\d{4}-\d{2}-\d{2}\//.test(input.trim())) return resolveMemoItem(catalog, input);
  const hit = parseCitationQuery(catalog, input)[0];
  if (!hit) return { error: `"${input}" is neither a pinned article path (cybersecurity-law/2017-06-01/art-37) nor a citation we recognise (CSL 37, 网络安全法第三十七条).` };
  if (hit.candidates.length > 1) {
    return { error: `${hit.instrument.data.short.en} Art. ${hit.number} names different articles in different texts: which text do you mean?`, targets: citationTargets([hit]) };
  }
  const current = hit.candidates.find((c) => c.versions.includes(hit.instrument.currentVersion));
  const chosen = current ?? hit.candidates.at(-1);
  if (!chosen) return { error: `"${input}": no article ${hit.number} is encoded in the ${hit.instrument.data.short.en}.` };
  const versionId = current ? hit.instrument.currentVersion : (chosen.versions.at(-1) ?? displayVersion(hit.instrument, chosen.provision));
  return resolveMemoItem(catalog, articlePath(hit.instrument.id, versionId, hit.number));
}
