// The register handed over to an officer: a workbook (.xlsx, exceljs) to work in, and a Word
// document (.docx, the memo's writer). Both start from the register's view, so they list what
// the page lists, with the same summary on top. The workbook's rows carry the stable obligation ID
// (instrument/lineage-id#obligation-id), so two exports compare line by line across renumbering.
import { referralWords } from "../domain/penalty-arithmetic.js";
import ExcelJS from "exceljs";
import { Document, ExternalHyperlink, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { stableDocx } from "../memo/memo-docx.js";
import { cardSteps, headerLines, noPenaltyNote, summaryLines } from "./register-export.js";
import type { LadderStep, RegisterView } from "./register.js";

/** The officer's workflow columns, empty, and the values the status column accepts. */
export const WORKFLOW_COLUMNS = ["Applicability", "Owner", "Status", "Evidence", "Next review"] as const;
export const STATUS_VALUES = ["not assessed", "applicable", "not applicable", "complying", "not complying"] as const;

/** One step in one cell: "On first violation (CSL Art. 61 (2026)): trigger. Entity: …; Managers: …" */
export function stepCell(s: LadderStep): string {
  const parts = [`${s.when} (${s.article.label}): ${s.trigger}`];
  for (const [who, list] of [["Entity", s.entity], ["Managers", s.managers], ["Individuals", s.individual], ["Officials", s.official]] as const) if (list.length) parts.push(`${who}: ${list.join("; ")}`);
  if (s.refersTo.length) parts.push(`${referralWords(s.refersToReading).lead} ${s.refersTo.map((r) => r.label).join(", ")}${referralWords(s.refersToReading).tail}`);
  return parts.join("\n");
}

export async function registerXlsx(v: RegisterView, origin: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "China Law Explorer";
  wb.created = wb.modified = new Date(`${v.asOf}T00:00:00Z`);
  const ws = wb.addWorksheet("Register", { views: [{ state: "frozen", ySplit: 1 }] });
  const width = Math.max(1, ...v.cards.map((c) => cardSteps(c).length));
  const columns: { header: string; key: string; width: number }[] = [
    { header: "Obligation ID", key: "id", width: 36 },
    { header: "Law", key: "law", width: 10 },
    { header: "Article", key: "article", width: 18 },
    { header: "Text", key: "text", width: 12 },
    { header: "Heading", key: "heading", width: 28 },
    { header: "Duty", key: "duty", width: 50 },
    { header: "Conditions", key: "conditions", width: 30 },
    { header: "Theme", key: "theme", width: 18 },
    { header: "Scope", key: "scope", width: 10 },
    { header: "Roles", key: "roles", width: 24 },
    { header: "Why it applies", key: "reasons", width: 40 },
    ...Array.from({ length: width }, (_, i) => ({ header: `Step ${i + 1}`, key: `step${i + 1}`, width: 45 })),
    { header: "Permalink", key: "permalink", width: 40 },
    ...WORKFLOW_COLUMNS.map((h) => ({ header: h, key: h.toLowerCase().replace(/ /g, "-"), width: h === "Evidence" ? 30 : 16 })),
  ];
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  for (const c of v.cards) {
    const steps = cardSteps(c);
    const row: Record<string, unknown> = {
      id: c.key,
      law: c.instrumentShort,
      article: c.article.label,
      text: c.versionName,
      heading: c.heading,
      duty: c.duty,
      conditions: c.conditions ?? "",
      theme: c.theme,
      scope: c.general ? "general" : "specific",
      roles: c.roles.join("; "),
      reasons: c.reasons.join("; "),
      permalink: { text: c.permalink, hyperlink: c.permalink },
    };
    steps.forEach((s, i) => (row[`step${i + 1}`] = stepCell(s)));
    if (steps.length === 0) row.step1 = noPenaltyNote(c);
    ws.addRow(row).alignment = { vertical: "top", wrapText: true };
  }
  const statusCol = columns.findIndex((c) => c.header === "Status") + 1;
  const reviewCol = columns.findIndex((c) => c.header === "Next review") + 1;
  for (let r = 2; r <= v.cards.length + 1; r++) {
    ws.getCell(r, statusCol).dataValidation = { type: "list", allowBlank: true, formulae: [`"${STATUS_VALUES.join(",")}"`], showErrorMessage: true, errorTitle: "Status", error: `One of: ${STATUS_VALUES.join(", ")}` };
    ws.getCell(r, reviewCol).dataValidation = { type: "date", allowBlank: true, operator: "greaterThan", formulae: [new Date("2000-01-01T00:00:00Z")] };
    ws.getCell(r, reviewCol).numFmt = "yyyy-mm-dd";
  }
  const linkCol = columns.findIndex((c) => c.key === "permalink") + 1;
  ws.getColumn(linkCol).font = { color: { argb: "FF0B5394" }, underline: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, v.cards.length + 1), column: columns.length } };

  const sum = wb.addWorksheet("Summary");
  sum.columns = [
    { header: v.title, key: "label", width: 28 },
    { header: "", key: "text", width: 120 },
  ];
  sum.getRow(1).font = { bold: true, size: 13 };
  sum.addRow({ label: "Register", text: { text: v.url, hyperlink: v.url } });
  for (const l of summaryLines(v)) sum.addRow({ label: l.label, text: l.text }).alignment = { vertical: "top", wrapText: true };
  sum.addRow({ label: "Note", text: v.disclaimer });
  if (v.otherGeneral.length) {
    sum.addRow({});
    sum.addRow({ label: "Other general duties", text: "One line each, with the heaviest sanction a breach can bring" }).font = { bold: true };
    for (const g of v.otherGeneral)
      for (const l of g.lines) {
        const url = `${origin}${l.article.href}`;
        sum.addRow({ label: l.article.label, text: `${l.duty} Heaviest: ${l.heaviest ? `${l.heaviest.text} (${l.heaviest.when.toLowerCase()}, ${l.heaviest.article.label})` : "no penalty article linked"}. ${url}` }).alignment = { vertical: "top", wrapText: true };
      }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const run = (text: string, o: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, ...o });
const para = (...children: (TextRun | ExternalHyperlink | string)[]) => new Paragraph({ children: children.map((c) => (typeof c === "string" ? new TextRun(c) : c)) });
const link = (url: string, text = url) => new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: "Hyperlink" })] });
const cell = (text: string, bold = false) => new TableCell({ children: text.split("\n").map((t) => para(run(t, { bold }))) });

function table(head: string[], rows: string[][]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) }))] });
}

export async function registerDocx(v: RegisterView, origin: string): Promise<Buffer> {
  const worst = (w?: { text: string; when: string; article: { label: string } }) => (w ? `${w.text} (${w.when.toLowerCase()}, ${w.article.label})` : "–");
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [run(v.title)] }), para("Register: ", link(v.url))];
  for (const h of headerLines(v)) body.push(para(run(`${h.label}: `, { bold: true }), h.text));
  body.push(para(v.summary.generalSentence));
  for (const r of v.recentChanges) body.push(para(run(`${r.title} changed: its ${r.versionName} is in force from ${r.inForce}. `, { bold: true }), link(`${origin}${r.href}`, "What changed for these roles")));
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run("Summary")] }));
  if (v.exposure.length)
    body.push(
      table(
        ["Law", "Duties", "Fine on the entity", "Fine on managers", "Custody", "Criminal articles"],
        v.exposure.map((l) => [l.title, String(l.duties), worst(l.entityFine), worst(l.managersFine), worst(l.custody), l.criminal.map((c) => c.label).join(", ") || "–"]),
      ),
    );
  if (v.heaviest.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(v.heaviest.length === 1 ? "The heaviest duty" : `The ${v.heaviest.length} heaviest duties`)] }));
    v.heaviest.forEach((h, i) => body.push(para(`${i + 1}. `, run(h.article.label, { bold: true }), `: ${h.duty} ${h.worst}`)));
  }
  body.push(para(run(v.disclaimer, { italics: true })));
  for (const g of v.groups) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: false, children: [run(`${g.title} (${g.cards.length})`)] }));
    for (const c of g.cards) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(`${c.article.label} (${c.versionName}): ${c.heading}`)] }));
      body.push(para(c.duty));
      if (c.conditions) body.push(para(run("When: ", { italics: true }), c.conditions));
      body.push(para(run("Why it applies: ", { italics: true }), c.reasons.join("; ")));
      const steps = cardSteps(c);
      // The ladder as a list, one step a paragraph: a table per duty makes the writer ten times slower.
      for (const s of steps) body.push(new Paragraph({ bullet: { level: 0 }, children: stepCell(s).split("\n").map((line, i) => new TextRun({ text: line, break: i ? 1 : 0 })) }));
      if (!steps.length) body.push(para(run(noPenaltyNote(c), { italics: true })));
      body.push(para(link(c.permalink), run(`  ${c.key}`, { italics: true })));
    }
  }
  if (v.otherGeneral.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run("Other general duties, in brief")] }));
    for (const g of v.otherGeneral) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(g.title)] }));
      for (const l of g.lines) body.push(para(link(`${origin}${l.article.href}`, l.article.label), `: ${l.duty} Heaviest: ${l.heaviest ? worst(l.heaviest) : "no penalty article linked"}.`));
    }
  }
  return stableDocx(new Document({ title: v.title, creator: "China Law Explorer", description: v.summary.sentence, sections: [{ children: body }] }), v.asOf);
}
