// Citations of one article in one version: English legal-citation style, Chinese, and a
// short form, plus the pinned permalink they all point at.
import { formatChineseArticle } from "./article-number.js";
import type { InstrumentEntry } from "./catalog.js";
import { versionName } from "./version-name.js";

const MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** 2017-06-01 → "June 1, 2017" (Bluebook month abbreviations). */
export function formatCitationDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

export { formatDate } from "./version-name.js"; // 2017-06-01 → "1 June 2017"

/** 2017-06-01 → 2017年6月1日 */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export function permalink(instrumentId: string, versionId: string, number: string): string {
  return `/laws/${instrumentId}/${versionId}/art-${number}`;
}

export interface Citations {
  permalink: string;
  english: string;
  chinese: string;
  short: string;
}

export function citeArticle(ins: InstrumentEntry, versionId: string, number: string): Citations {
  const d = ins.data;
  const amendment = d.dates.amendments.filter((a) => (a.inForce ?? a.adopted) <= versionId).at(-1);
  const made = d.draft
    ? `draft published by the ${d.issuer.en}, ${formatCitationDate(d.dates.drafted ?? versionId)}`
    : [
        `promulgated by the ${d.issuer.en}`,
        d.dates.promulgated ?? d.dates.adopted ? formatCitationDate((d.dates.promulgated ?? d.dates.adopted) as string) : undefined,
        amendment ? `amended ${formatCitationDate(amendment.adopted)}` : undefined,
        `effective ${formatCitationDate(versionId)}`,
      ]
        .filter(Boolean)
        .join(", ");
  const zhTitle = `《${d.title.zh}》`;
  const zhVersion = d.draft ? `（${formatChineseDate(versionId)}征求意见稿）` : `（${formatChineseDate(versionId)}起施行文本）`;
  return {
    permalink: permalink(ins.id, versionId, number),
    english: `${d.title.en} (${made}) art. ${number} (${versionName(ins, versionId)})`,
    chinese: `${zhTitle}${zhVersion}${formatChineseArticle(number)}`,
    short: `${d.short.en} art. ${number} (${versionName(ins, versionId)})`,
  };
}
