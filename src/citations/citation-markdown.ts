// The citation report as Markdown: the export of /check-citations. Pure.
import { CITATION_STATUSES, FIGURE_STATUSES, STATUS_LABELS, type CitationReport } from "./check-citations.js";

const cell = (s: string) => s.replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`).replace(/\s+/g, " ");

export function citationReportMarkdown(report: CitationReport, origin: string): string {
  const lines: string[] = [];
  lines.push("# Citation check", "");
  lines.push(`- Law as at: ${report.asAt}${report.asAtSource === "data" ? " (the data's as-of date)" : ""}`);
  lines.push(`- Data version: ${report.dataVersion}`);
  lines.push(`- Coverage: ${report.coverage}`);
  lines.push(`- ${report.citations.length} citation${report.citations.length === 1 ? "" : "s"} found in ${report.characters} characters`, "");
  lines.push("| status | count |", "| --- | ---: |");
  for (const s of [...CITATION_STATUSES, ...FIGURE_STATUSES]) if (report.summary[s]) lines.push(`| ${STATUS_LABELS[s]} | ${report.summary[s]} |`);
  lines.push("");
  report.citations.forEach((c, i) => {
    lines.push(`## ${i + 1}. ${cell(c.text)} (line ${c.line}, column ${c.column})`, "");
    lines.push(`**${STATUS_LABELS[c.status]}**: ${cell(c.message)}`, "");
    if (c.article) lines.push(`- Resolves to: [${cell(c.article.label)}](${origin}${c.article.href}), ${cell(c.article.heading)}`);
    if (c.now) lines.push(`- In the text in force: [${cell(c.now.label)}](${origin}${c.now.href})`);
    for (const m of c.movedTo ?? []) lines.push(`- Conduct now under: [${cell(m.article.label)}](${origin}${m.article.href}) (${m.step})`);
    for (const ch of c.choices ?? []) lines.push(`- Choice: [${cell(ch.article.label)}](${origin}${ch.article.href}), ${cell(ch.article.heading)}: ${STATUS_LABELS[ch.status]}`);
    if (c.pinpointNote) lines.push(`- ${cell(c.pinpointNote)}`);
    if (c.suggestions?.length) lines.push(`- Closest: ${c.suggestions.map(cell).join(", ")}`);
    for (const f of c.figures) lines.push(`- ${STATUS_LABELS[f.status]}: ${cell(f.message)}`);
    lines.push("");
  });
  if (report.memoItems.length) lines.push(`[Add all to memo](${origin}/memo?items=${report.memoItems.slice(0, 50).map(encodeURIComponent).join(",")})`, "");
  return `${lines.join("\n").trimEnd()}\n`;
}
