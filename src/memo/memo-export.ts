// The memo in the formats lawyers paste from: Markdown with footnoted citations, CSV, JSON.
// (The Word-ready HTML is a template: views/exports/memo-word.eta.) Nothing here reads the
// clock, so an export is a pure function of the memo URL and the rules.
import { referralWords } from "../domain/penalty-arithmetic.js";
import { formatDate } from "../domain/citation.js";
import { referenceText, type MemoDocument, type MemoEntry, type MemoTier } from "./memo-document.js";

/**
 * Text safe to drop into Markdown: no accidental emphasis, links, HTML, headings or lists. A
 * leading "1." would start a list: its dot is escaped ("1\\."), never the number.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/([\\`*_[\]<>|])/g, "\\$1")
    .replace(/^([#+\-=>])/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/** A clause as a sentence: ends with a full stop unless it already ends with punctuation. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?:;。！？]$/.test(t) ? t : `${t}.`;
}

/**
 * A memo title as typed, made safe to show and to put in a file name: control characters and
 * the invisible bidirectional controls (which can make a title read backwards) are removed.
 */
export function cleanTitle(s: string): string {
  return s.replace(/[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, " ").replace(/\s+/g, " ").trim();
}

/**
 * A Content-Disposition value for a download named after the memo title (RFC 6266): an ASCII
 * `filename` for old clients and, when the title is not plain ASCII, the exact name as a
 * UTF-8 `filename*` (RFC 5987).
 */
export function downloadDisposition(title: string, ext: string, disposition: "attachment" | "inline" = "attachment"): string {
  const base = cleanTitle(title).replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 80) || "memo";
  const ascii = base.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "memo";
  const exact = `${base}.${ext}`;
  const encoded = encodeURIComponent(exact).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}.${ext}"${/^[\x20-\x7e]*$/.test(exact) && exact.toLowerCase() === `${ascii}.${ext}` ? "" : `; filename*=UTF-8''${encoded}`}`;
}

export function entryTitle(e: MemoEntry, i: number): string {
  return `${i + 1}. ${e.label}: ${e.heading.en}`;
}

export function memoLead(doc: MemoDocument): string {
  return `Rules as of ${formatDate(doc.asOf)}, data version ${doc.dataVersion}.`;
}

function tierLines(t: MemoTier): string[] {
  const words = referralWords(t.refersToReading);
  const refers = t.refersTo.length ? [`  - ${words.lead} ${t.refersTo.map((r) => `[${mdEscape(r.label)}](${r.permalink})`).join("; ")}${words.tail}`] : [];
  return [`- [${mdEscape(t.source)}](${t.permalink}): ${mdEscape(sentence(t.trigger))}`, ...t.sanctions.map((s) => `  - ${mdEscape(s.bearer)}: ${mdEscape(s.text)}`), ...refers];
}

/** A tier's sanctions as one line of text: each bearer's, and the articles it refers to. */
export function tierSanctionsText(t: MemoTier): string {
  return [...t.sanctions.map((s) => `${s.bearer}: ${s.text}`), ...(t.refersTo.length ? [referenceText(t)] : [])].join("; ");
}

export function memoMarkdown(doc: MemoDocument): string {
  const out: string[] = [`# ${mdEscape(doc.title)}`, "", memoLead(doc) + (doc.actor ? ` Obligations shown for: ${mdEscape(doc.actor.label)}.` : ""), "", `Memo: <${doc.url}>`, ""];
  if (doc.madeWith && doc.madeWith !== doc.dataVersion) out.push(`> Made with data version ${doc.madeWith}; the rules have been updated since. Pinned articles keep their text version.`, "");
  doc.items.forEach((e, i) => {
    out.push(`## ${i + 1}. ${mdEscape(entryTitle(e, i).replace(/^\d+\. /, ""))}[^${i + 1}]`, "");
    if (e.heading.zh) out.push(`${mdEscape(e.heading.zh)}`, "");
    if (e.draft) out.push("**Draft**: never in force as written.", "");
    out.push(mdEscape(e.summary), "");
    if (e.official) out.push(`*${mdEscape(e.official.label)}:*`, "", ...e.official.paragraphs.flatMap((p) => p.split("\n")).flatMap((line) => [`> ${mdEscape(line)}`, ">"]).slice(0, -1), "");
    if (e.versionNote) out.push(`*In this text:* ${mdEscape(e.versionNote)}`, "");
    if (e.confidence !== "high") out.push(`*Confidence ${e.confidence}:* ${mdEscape(e.confidenceNote ?? "some facts could not be confirmed against an official text")}`, "");
    if (e.obligations.length) {
      out.push(`**Obligations${doc.actor ? ` of a ${mdEscape(doc.actor.label.toLowerCase())}` : ""}**`, "");
      for (const o of e.obligations) out.push(`- ${mdEscape(sentence(o.duty))}${o.conditions ? ` *When:* ${mdEscape(sentence(o.conditions))}` : ""} *Binds:* ${o.actors.map(mdEscape).join(", ")}.`);
      out.push("");
    }
    if (e.otherObligations) out.push(`${e.otherObligations} other obligation${e.otherObligations === 1 ? "" : "s"} of this article bind${e.otherObligations === 1 ? "s" : ""} other actors.`, "");
    if (e.applicable) {
      const a = e.applicable;
      out.push(`**Which text's penalty applies:** ${mdEscape(a.headline)}${a.applies ? `: [${mdEscape(a.applies.label)}](${a.applies.permalink})` : ""}.`, "");
      for (const r of a.reasons) out.push(`> ${mdEscape(r)}`, ">");
      out.push(`> Decided by ${mdEscape(a.decidedBy.join(", "))}.`, "");
    }
    if (e.ownPenalties.length) {
      out.push("**Sanctions this article sets**", "");
      for (const t of e.ownPenalties) out.push(...tierLines(t));
      out.push("");
    }
    if (e.enforcedBy.length) {
      out.push("**Sanctions for breaching it**", "");
      for (const t of e.enforcedBy) out.push(...tierLines(t));
      out.push("");
    }
  });
  doc.items.forEach((e, i) => out.push(`[^${i + 1}]: ${mdEscape(e.citation.english)}; ${mdEscape(e.citation.chinese)} <${e.permalink}>`));
  return `${out.join("\n")}\n`;
}

export const MEMO_CSV_HEADER = ["position", "item", "instrument", "version", "article", "heading", "heading_zh", "permalink", "citation_en", "citation_zh", "summary", "obligations", "sanctions_set", "sanctions_for_breach", "confidence"];

export function memoCsvRows(doc: MemoDocument): (string | number | undefined)[][] {
  const tiers = (ts: MemoTier[]) => ts.map((t) => `${t.source}: ${tierSanctionsText(t)}`).join(" | ");
  return [
    MEMO_CSV_HEADER,
    ...doc.items.map((e, i) => [
      i + 1,
      e.item,
      e.instrument.id,
      e.version.id,
      e.article,
      e.heading.en,
      e.heading.zh,
      e.permalink,
      e.citation.english,
      e.citation.chinese,
      e.summary,
      e.obligations.map((o) => o.duty).join(" | "),
      tiers(e.ownPenalties),
      tiers(e.enforcedBy),
      e.confidence,
    ]),
  ];
}
