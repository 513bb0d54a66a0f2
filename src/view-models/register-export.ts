// The register handed over: CSV (one row per duty, each penalty tier in its own columns, so a
// spreadsheet keeps each figure beside its trigger) and Markdown. The Word-ready HTML is a
// template (views/exports/register-word.eta). Links are absolute; nothing reads the clock.
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

function stepLines(s: LadderStep, origin: string): string[] {
  const out = [`- **${mdEscape(s.when)}** ([${mdEscape(s.article.label)}](${origin}${s.article.href})): ${mdEscape(s.trigger)}`];
  for (const [who, list] of [["Entity", s.entity], ["Managers", s.managers], ["Individual", s.individual], ["Officials", s.official]] as const) {
    if (list.length) out.push(`  - ${who}: ${list.map(mdEscape).join("; ")}`);
  }
  for (const r of s.refersTo) out.push(`  - Punished under [${mdEscape(r.label)}](${origin}${r.href})`);
  return out;
}

export function registerMarkdown(v: RegisterView, origin: string): string {
  const out: string[] = [`# ${mdEscape(v.title)}`, ""];
  for (const h of headerLines(v)) out.push(`- **${h.label}:** ${mdEscape(h.text)}`);
  out.push(`- **Register:** <${v.url}>`, "", `> ${mdEscape(v.disclaimer)}`, "");
  for (const g of v.groups) {
    out.push(`## ${mdEscape(g.title)} (${g.cards.length})`, "");
    for (const c of g.cards) {
      out.push(`### ${mdEscape(c.article.label)} (${c.versionName}): ${mdEscape(c.heading)}`, "");
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
  return `${out.join("\n")}\n`;
}
