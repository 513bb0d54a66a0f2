// The memo as a Word document (.docx), built with the `docx` package: a heading per item with
// its citation as a footnote, the summary and duties, the sanctions as tables, and the pinned
// permalinks as hyperlinks.
//
// Like every export it is a pure function of the memo: `docx` stamps the time into the core
// properties and gives hyperlinks random relationship ids, so the package is rewritten with the
// rules' as-of date and numbered ids, and zipped again with a fixed file time. The same URL
// gives the same bytes.
import { referralWords } from "../domain/penalty-arithmetic.js";
import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { MemoDocument, MemoTier } from "./memo-document.js";
import { memoLead, entryTitle } from "./memo-export.js";

const link = (url: string, text = url): ExternalHyperlink => new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: "Hyperlink" })] });
const para = (...children: (ParagraphChild | string)[]): Paragraph => new Paragraph({ children: children.map((c) => (typeof c === "string" ? new TextRun(c) : c)) });
const heading = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], ...children: ParagraphChild[]): Paragraph => new Paragraph({ heading: level, children });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
const cell = (children: Paragraph[], rowSpan?: number): TableCell =>
  new TableCell({ children, rowSpan, margins: { top: 60, bottom: 60, left: 80, right: 80 }, borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } });

/**
 * One row per sanction; the article and its trigger span the sanctions of a tier. A tier that
 * refers to another article's sanctions ("依照…规定处罚") has a row naming it: a tier with only a
 * reference used to print no row at all, and the table its header alone.
 */
function sanctionsTable(tiers: readonly MemoTier[]): Table {
  const head = new TableRow({ tableHeader: true, children: ["Article", "Triggered by", "Who", "Sanction"].map((h) => cell([para(new TextRun({ text: h, bold: true }))])) });
  const rows = tiers.flatMap((t) => {
    const lines: { who: string; what: Paragraph }[] = t.sanctions.map((s) => ({ who: s.bearer, what: para(s.text) }));
    if (t.refersTo.length) lines.push({ who: "Under the article referred to", what: para(`${referralWords(t.refersToReading).lead} `, ...t.refersTo.flatMap((r, i) => [...(i ? ["; "] : []), link(r.permalink, r.label)]), referralWords(t.refersToReading).tail) });
    return lines.map(
      (l, j) =>
        new TableRow({
          children: [
            ...(j === 0 ? [cell([para(link(t.permalink, t.source))], lines.length), cell([para(t.trigger)], lines.length)] : []),
            cell([para(l.who)]),
            cell([l.what]),
          ],
        }),
    );
  });
  return new Table({ rows: [head, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

export function memoWordDocument(doc: MemoDocument): Document {
  const body: (Paragraph | Table)[] = [
    heading(HeadingLevel.TITLE, new TextRun(doc.title)),
    para(memoLead(doc) + (doc.actor ? ` Obligations shown for: ${doc.actor.label}.` : "")),
    para("Memo: ", link(doc.url)),
  ];
  if (doc.madeWith && doc.madeWith !== doc.dataVersion) body.push(para(new TextRun({ text: `Made with data version ${doc.madeWith}; the rules have been updated since. Pinned articles keep their text version.`, italics: true })));
  doc.items.forEach((e, i) => {
    body.push(heading(HeadingLevel.HEADING_1, new TextRun(entryTitle(e, i)), new FootnoteReferenceRun(i + 1)));
    if (e.heading.zh) body.push(para(e.heading.zh));
    if (e.draft) body.push(para(new TextRun({ text: "Draft: ", bold: true }), "never in force as written."));
    body.push(para(e.summary));
    if (e.official) {
      body.push(para(new TextRun({ text: `${e.official.label}:`, italics: true })));
      for (const p of e.official.paragraphs) body.push(new Paragraph({ indent: { left: 567 }, children: p.split("\n").flatMap((line, i) => [new TextRun({ text: line, ...(i ? { break: 1 } : {}) })]) }));
    }
    if (e.versionNote) body.push(para(new TextRun({ text: "In this text: ", italics: true }), e.versionNote));
    if (e.confidence !== "high") body.push(para(new TextRun({ text: `Confidence ${e.confidence}: `, italics: true }), e.confidenceNote ?? "some facts could not be confirmed against an official text."));
    if (e.obligations.length) {
      body.push(heading(HeadingLevel.HEADING_2, new TextRun(`Obligations${doc.actor ? ` of a ${doc.actor.label.toLowerCase()}` : ""}`)));
      for (const o of e.obligations) {
        body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(o.duty), ...(o.conditions ? [new TextRun({ text: " When: ", italics: true }), new TextRun(o.conditions)] : []), new TextRun({ text: " Binds: ", italics: true }), new TextRun(`${o.actors.join(", ")}.`)] }));
      }
    }
    if (e.otherObligations) body.push(para(`${e.otherObligations} other obligation${e.otherObligations === 1 ? "" : "s"} of this article bind${e.otherObligations === 1 ? "s" : ""} other actors.`));
    for (const [title, tiers] of [["Sanctions this article sets", e.ownPenalties], ["Sanctions for breaching it", e.enforcedBy]] as const) {
      if (!tiers.length) continue;
      body.push(heading(HeadingLevel.HEADING_2, new TextRun(title)), sanctionsTable(tiers), para(""));
    }
    body.push(para("Pinned link: ", link(e.permalink)));
  });
  const footnotes = Object.fromEntries(doc.items.map((e, i) => [i + 1, { children: [para(`${e.citation.english}; ${e.citation.chinese}. `, link(e.permalink))] }]));
  return new Document({ title: doc.title, creator: "China Law Explorer", description: memoLead(doc), footnotes, sections: [{ children: body }] });
}

// Everything outside XML 1.0's Char production (a title can carry any code point).
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The .docx bytes: the same memo gives the same bytes (see the note at the top). */
export async function memoDocx(doc: MemoDocument): Promise<Buffer> {
  return stableDocx(memoWordDocument(doc), doc.asOf);
}

/** A Word document's bytes, the same for the same document: times set to `asOf`, link ids numbered (the register's .docx uses it too). */
export async function stableDocx(document: Document, asOf: string): Promise<Buffer> {
  const packed = await Packer.toBuffer(document);
  const files = unzipSync(new Uint8Array(packed));
  const stamp = `${asOf}T00:00:00Z`;
  // Relationship ids docx drew at random, numbered in the order the package first names them.
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const [name, bytes] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) texts.set(name, strFromU8(bytes));
  for (const name of [...texts.keys()].filter((n) => n.endsWith(".rels")).sort()) {
    for (const m of (texts.get(name) as string).matchAll(/<Relationship Id="([^"]+)"/g)) {
      const id = m[1] as string;
      if (!/^rId\d+$/.test(id) && !ids.has(id)) ids.set(id, `rIdLink${ids.size + 1}`);
    }
  }
  const out: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    let text = texts.get(name);
    if (text === undefined) {
      out[name] = files[name] as Uint8Array;
      continue;
    }
    // One pass over the text (a split and join per id was quadratic on a long register).
    if (ids.size) text = text.replace(/"([^"<>]+)"/g, (m, id: string) => (ids.has(id) ? `"${ids.get(id)}"` : m));
    if (name === "docProps/core.xml") text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`);
    text = text.replace(NOT_XML_CHAR, ""); // U+FFFE, U+FFFF, control characters, lone surrogates: XML forbids them
    out[name] = strToU8(text);
  }
  return Buffer.from(zipSync(out, { mtime: new Date(stamp) }));
}
