// The citation check's CPU time on a 64 KB memo with 200 citations (issue 26: under 50 ms).
// The memo is written here, deterministically: paragraphs of prose, each with a few citations
// in English and Chinese forms and the figures a memo states beside them. Run alone with
// `npx tsx bench/citations.ts`, or as part of `npm run bench`.
import { fileURLToPath } from "node:url";
import { checkCitations } from "../src/citations/check-citations.js";
import { PROJECT_ROOT } from "../src/config.js";
import type { Catalog } from "../src/domain/catalog.js";
import { loadRules } from "../src/data/load-rules.js";
import { prepareCitationSearch } from "../src/search/citation-query.js";
import path from "node:path";

const CITATIONS = [
  "CSL Art. 37 (2017)", "Article 21 of the Cybersecurity Law (2017)", "《网络安全法》第三十七条", "网络安全法第二十一条第（三）项", "PIPL Art. 66", "PIPL 38",
  "《个人信息保护法》第六十六条第二款", "CSL Art. 64 (2017)", "网络安全法第九十条", "《刑法》第二百八十七条之二", "DSL Art. 45", "CSL Art. 63 (2026)", "Art. 40",
  "《电子商务法》第十条", "Counterterrorism Law Art. 84", "CSL Art. 66 (2017)", "PIPL Art. 66 para. 3", "Criminal Law Art. 286-1",
];
const FIGURES = ["a fine of up to RMB 1 million", "1 to 10 times the illegal gains", "up to 5% of the previous year's turnover", "RMB 50,000 to 500,000", "处五万元以上五十万元以下罚款", "detention of up to 15 days", "up to 10% of annual turnover", ""];
const PROSE =
  "The company operates an online platform in mainland China and processes the personal information of users at scale. Counsel reviewed the data flows, the retention of logs, the security assessment process and the contracts with overseas affiliates, and reports the following points for the board's attention. ";

/** A memo of about `bytes` UTF-8 bytes holding exactly `citations` citations. */
export function benchMemo(bytes = 64 * 1024, citations = 200): string {
  const paragraphs: string[] = [];
  const perParagraph = 4;
  const paragraphCount = Math.ceil(citations / perParagraph);
  let n = 0;
  for (let p = 0; p < paragraphCount; p++) {
    const sentences: string[] = [];
    for (let k = 0; k < perParagraph && n < citations; k++, n++) {
      const cite = CITATIONS[n % CITATIONS.length] as string;
      const figure = FIGURES[n % FIGURES.length] as string;
      sentences.push(`Under ${cite}, the conduct described is sanctioned${figure ? ` with ${figure}` : ""}.`);
    }
    paragraphs.push(sentences.join(" "));
  }
  // Prose between the paragraphs up to the size asked for.
  const fixed = Buffer.byteLength(paragraphs.join("\n\n"));
  const pad = Math.max(0, Math.floor((bytes - fixed) / paragraphs.length));
  const filler = PROSE.repeat(Math.ceil(pad / PROSE.length) + 1).slice(0, pad);
  return paragraphs.map((p) => `${filler.slice(0, pad - 2)}\n\n${p}`).join("\n\n").slice(0, bytes);
}

/**
 * CPU milliseconds of one check of the memo: the first (after the names' patterns are built, as
 * the server builds them at start-up) and the median of `rounds` more.
 */
export function timeCitationCheck(catalog: Catalog, rounds = 20) {
  const memo = benchMemo();
  const t0 = process.cpuUsage();
  prepareCitationSearch(catalog);
  const prepared = process.cpuUsage(t0);
  const cpu = () => {
    const t0 = process.cpuUsage();
    const report = checkCitations(catalog, memo, catalog.meta.asOf, "data");
    const u = process.cpuUsage(t0);
    return { ms: (u.user + u.system) / 1000, found: report.citations.length };
  };
  const cold = cpu();
  const warm = Array.from({ length: rounds }, () => cpu().ms).sort((a, b) => a - b);
  return { bytes: Buffer.byteLength(memo), citations: cold.found, prepareMs: (prepared.user + prepared.system) / 1000, coldMs: cold.ms, medianMs: warm[Math.floor(warm.length / 2)] as number, maxMs: warm.at(-1) as number };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const catalog = await loadRules(path.join(PROJECT_ROOT, "rules"));
  const r = timeCitationCheck(catalog);
  console.log("| memo | citations found | names' patterns (once, at start-up) | first check (CPU) | median of 20 (CPU) | slowest |\n| --- | ---: | ---: | ---: | ---: | ---: |");
  console.log(`| ${(r.bytes / 1024).toFixed(0)} KB | ${r.citations} | ${r.prepareMs.toFixed(1)} ms | ${r.coldMs.toFixed(1)} ms | ${r.medianMs.toFixed(1)} ms | ${r.maxMs.toFixed(1)} ms |`);
}
