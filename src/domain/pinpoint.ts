// Pinpoints: a paragraph (款) or an item (项) of an article. In rules/ a pinpoint is written
// after a provision id: p22.1 is paragraph 1 of p22, p21.1.3 is item (3) of its paragraph 1,
// and counterterrorism-law/p18.2 reaches into another instrument. A penalty link can also name one
// obligation of the article: p19#buy-secure-and-trusted. Pages anchor paragraphs as #para-1 and
// items as #para-1-item-3.
import { formatChineseArticle, toChineseNumeral } from "./article-number.js";

export interface Pinpoint {
  para?: number; // 1-based paragraph (款)
  item?: number; // 1-based item (项), always within a paragraph
}

export interface ParsedProvisionRef extends Pinpoint {
  instrument?: string; // another instrument's id; undefined: the same instrument
  provision: string; // the lineage id, e.g. p22 or p20-v2026
  obligation?: string; // one obligation of the article, by its id (p19#buy-secure-and-trusted)
}

const REF = /^(?:([a-z0-9]+(?:-[a-z0-9]+)*)\/)?(p[1-9]\d*(?:-[1-9]\d*)?(?:-v\d{4})?)(?:(?:\.([1-9]\d*)(?:\.([1-9]\d*))?)|#([a-z0-9]+(?:-[a-z0-9]+)*))?$/;

/** The pattern every provision reference in rules/ must match (also used by the Zod schema). */
export const PROVISION_REF_PATTERN = REF;

export function parseProvisionRef(ref: string): ParsedProvisionRef | undefined {
  const m = REF.exec(ref);
  if (!m || m[2] === undefined) return undefined;
  const out: ParsedProvisionRef = { provision: m[2] };
  if (m[1] !== undefined) out.instrument = m[1];
  if (m[3] !== undefined) out.para = Number(m[3]);
  if (m[4] !== undefined) out.item = Number(m[4]);
  if (m[5] !== undefined) out.obligation = m[5];
  return out;
}

/** The reference without its pinpoint: counterterrorism-law/p18.2 → counterterrorism-law/p18, p19#x → p19. */
export function provisionOfRef(ref: string): string {
  const i = ref.search(/[.#]/);
  return i < 0 ? ref : ref.slice(0, i);
}

/** The pinpoint written as a suffix: { para: 1, item: 3 } → ".1.3". */
export function pinpointSuffix(p: Pinpoint): string {
  if (p.para === undefined) return "";
  return `.${p.para}${p.item === undefined ? "" : `.${p.item}`}`;
}

/** The fragment of a permalink: #para-1, #para-1-item-3; "" for the whole article. */
export function pinpointAnchor(p: Pinpoint): string {
  if (p.para === undefined) return "";
  return `#para-${p.para}${p.item === undefined ? "" : `-item-${p.item}`}`;
}

/**
 * English citation of an article with its pinpoint. A paragraph is "para. 2"; an item is
 * "(3)" after its paragraph. When the article is known to have a single paragraph (the
 * caller passes paragraphCount 1) the paragraph is left out: "Art. 21(3)".
 *   formatPinpointEnglish("22", { para: 1 })            → "Art. 22 para. 1"
 *   formatPinpointEnglish("21", { para: 1, item: 3 })   → "Art. 21 para. 1(3)"
 *   formatPinpointEnglish("21", { para: 1, item: 3 }, 1) → "Art. 21(3)"
 */
export function formatPinpointEnglish(number: string, p: Pinpoint, paragraphCount?: number): string {
  const art = `Art. ${number}`;
  if (p.para === undefined) return art;
  const soleParagraph = paragraphCount === 1 && p.para === 1;
  if (p.item === undefined) return soleParagraph ? art : `${art} para. ${p.para}`;
  return soleParagraph ? `${art}(${p.item})` : `${art} para. ${p.para}(${p.item})`;
}

/**
 * Chinese citation: 第二十二条第一款, 第二十一条第一款第（三）项; with a single paragraph
 * 第二十一条第（三）项.
 */
export function formatPinpointChinese(number: string, p: Pinpoint, paragraphCount?: number): string {
  const art = formatChineseArticle(number);
  if (p.para === undefined) return art;
  const soleParagraph = paragraphCount === 1 && p.para === 1;
  const para = soleParagraph ? "" : `第${toChineseNumeral(p.para)}款`;
  const item = p.item === undefined ? "" : `第（${toChineseNumeral(p.item)}）项`;
  return `${art}${para}${item}`;
}
