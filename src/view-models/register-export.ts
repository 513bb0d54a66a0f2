// The register handed over: CSV (one row per duty, each penalty tier in its own columns, so a
// spreadsheet keeps each figure beside its trigger) and Markdown. The Word-ready HTML is a
// template (views/exports/register-word.eta). Links are absolute; nothing reads the clock.
import { referralWords } from "../domain/penalty-arithmetic.js";
import { formatDate } from "../domain/citation.js";
import { mdEscape } from "../memo/memo-export.js";
import type { DutyCard, LadderStep, RegisterView } from "./register.js";

/** A card's tiers in ladder order: each administrative ladder, then the criminal exposure. */
export function cardSteps(c: DutyCard): LadderStep[] {
  return [...c.ladders.flatMap((l) => l.steps), ...c.criminal];
}

const TIER_COLUMNS = ["article", "when", "trigger", "entity", "managers", "individual", "official"] as const;

export function registerCsvRows(v: RegisterView): (string | number | undefined)[][] {
  const width = Math.max(1, ...v.cards.map((c) => cardSteps(c).length));
  const header = ["obligation_id", "instrument", "instrument_title", "version", "article", "heading", "duty", "conditions", "roles", "reasons", "theme", "scope", "penalty_articles", "penalty_article_ids", "no_penalty_note"];
  for (let i = 1; i <= width; i++) for (const col of TIER_COLUMNS) header.push(`tier${i}_${col}`);
  header.push("permalink");
  const rows: (string | number | undefined)[][] = [header];
  for (const c of v.cards) {
    const steps = cardSteps(c);
    const row: (string | number | undefined)[] = [
      c.key,
      c.instrumentShort,
      c.instrumentTitle,
      c.versionId,
      c.number,
      c.heading,
      c.duty,
      c.conditions,
      c.roles.join(" | "),
      c.reasons.join(" | "),
      c.theme,
      c.general ? "general" : "specific",
      [...new Set(steps.map((s) => s.article.label))].join(" | "),
      c.penaltyIds.join(" | "),
      steps.length ? undefined : noPenaltyNote(c),
    ];
    for (let i = 0; i < width; i++) {
      const s = steps[i];
      row.push(s?.article.label, s?.when, s?.trigger, s?.entity.join("; "), s?.managers.join("; "), s?.individual.join("; "), s?.official.join("; "));
    }
    row.push(c.permalink);
    rows.push(row);
  }
  return rows;
}

export function noPenaltyNote(c: DutyCard): string {
  const general = c.generalLiability.map((l) => l.label).join(", ");
  return `No penalty article is linked to this duty in the rules.${general ? ` General liability: ${general}.` : ""}`;
}

/** The header block every hand-over format starts with. */
export function headerLines(v: RegisterView): { label: string; text: string }[] {
  return [
    { label: "Roles", text: v.roles.map((r) => (r.reasons.length ? `${r.label} (${r.reasons.join("; ")})` : r.label)).join(" + ") },
    ...(v.answers.length ? [{ label: "Answers", text: v.answers.map((a) => `${a.question} ${a.answers.join("; ")}`).join(" · ") }] : []),
    ...(v.review.length ? [{ label: "Needs review", text: v.review.map((r) => `${r.label}${r.definedBy ? ` (see ${r.definedBy.label})` : ""}`).join("; ") }] : []),
    { label: "Law as at", text: formatDate(v.date) },
    { label: "Data version", text: `${v.dataVersion} (rules as of ${formatDate(v.asOf)})` },
    { label: "Scope", text: v.summary.sentence },
    ...(v.chips.length ? [{ label: "Filters", text: v.chips.map((c) => c.label).join("; ") }] : []),
  ];
}

/** The summary lines every export starts with: header block, counts, exposure by law, heaviest duties. */
export function summaryLines(v: RegisterView): { label: string; text: string }[] {
  const worst = (w?: { text: string; when: string; article: { label: string } }) => (w ? `${w.text} (${w.when.toLowerCase()}, ${w.article.label})` : "–");
  return [
    ...headerLines(v),
    { label: "General duties", text: v.summary.generalSentence },
    ...v.recentChanges.map((r) => ({ label: "Changed", text: `${r.title}: its ${r.versionName} is in force from ${r.inForce}` })),
    ...v.exposure.map((l) => ({
      label: `Exposure: ${l.title}`,
      text: `${l.duties} dut${l.duties === 1 ? "y" : "ies"}; entity fine ${worst(l.entityFine)}; managers' fine ${worst(l.managersFine)}; custody ${worst(l.custody)}; criminal articles ${l.criminal.map((c) => c.label).join(", ") || "–"}`,
    })),
    ...v.heaviest.map((h, i) => ({ label: `Heaviest ${i + 1}`, text: `${h.article.label}: ${h.duty} ${h.worst}` })),
  ];
}

function stepLines(s: LadderStep, origin: string): string[] {
  const out = [`- **${mdEscape(s.when)}** ([${mdEscape(s.article.label)}](${origin}${s.article.href})): ${mdEscape(s.trigger)}`];
  for (const [who, list] of [["Entity", s.entity], ["Managers", s.managers], ["Individual", s.individual], ["Officials", s.official]] as const) {
    if (list.length) out.push(`  - ${who}: ${list.map(mdEscape).join("; ")}`);
  }
  for (const r of s.refersTo) out.push(`  - ${referralWords(s.refersToReading).lead} [${mdEscape(r.label)}](${origin}${r.href})${referralWords(s.refersToReading).tail}`);
  return out;
}

export function registerMarkdown(v: RegisterView, origin: string): string {
  const out: string[] = [`# ${mdEscape(v.title)}`, ""];
  for (const h of summaryLines(v)) out.push(`- **${h.label}:** ${mdEscape(h.text)}`);
  out.push(`- **Register:** <${v.url}>`, "", `> ${mdEscape(v.disclaimer)}`, "");
  for (const g of v.groups) {
    out.push(`## ${mdEscape(g.title)} (${g.cards.length})`, "");
    for (const c of g.cards) {
      out.push(`### ${mdEscape(c.article.label)}${c.article.label.endsWith(")") ? "" : ` (${c.versionName})`}: ${mdEscape(c.heading)}`, ""); // "CSL Art. 10 (2026)" already names its text
      out.push(mdEscape(c.duty), "");
      if (c.conditions) out.push(`*When:* ${mdEscape(c.conditions)}`, "");
      out.push(`*Why it applies:* ${c.reasons.map(mdEscape).join("; ")}`, "");
      const steps = cardSteps(c);
      if (steps.length) {
        out.push("**Penalty ladder**", "");
        for (const s of steps) out.push(...stepLines(s, origin));
        out.push("");
      } else {
        const general = c.generalLiability.map((l) => `[${mdEscape(l.label)}](${origin}${l.href})`).join(", ");
        out.push(`*No penalty article is linked to this duty in the rules.${general ? ` General liability: ${general}.` : ""}*`, "");
      }
      out.push(`<${c.permalink}>`, "");
    }
  }
  if (v.otherGeneral.length) {
    out.push(`## Other general duties, in brief (${v.otherGeneral.reduce((n, g) => n + g.lines.length, 0)})`, "", mdEscape(v.summary.generalSentence), "");
    for (const g of v.otherGeneral) {
      out.push(`### ${mdEscape(g.title)}`, "");
      for (const l of g.lines) out.push(`- [${mdEscape(l.article.label)}](${origin}${l.article.href}): ${mdEscape(l.duty)} Heaviest: ${l.heaviest ? mdEscape(`${l.heaviest.text} (${l.heaviest.when.toLowerCase()}, ${l.heaviest.article.label})`) : "no penalty article linked"}.`);
      out.push("");
    }
  }
  return `${out.join("\n")}\n`;
}

/** A file name that says the roles and the date: register_cii-operator+instant-messaging-provider_2026-06-01.xlsx */
export function exportFileName(v: RegisterView, ext: string): string {
  const roles = v.roles.map((r) => r.id).join("+");
  const short = roles.length > 120 ? `${roles.slice(0, 120).replace(/\+[^+]*$/, "")}+more` : roles;
  return `register_${short}_${v.date}.${ext}`;
}
