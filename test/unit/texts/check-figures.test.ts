// The figures check on the fixture rules and the short fixture texts in test/fixtures/law-texts,
// then on copies with one fact changed: each change must fail with the file, line and both sides.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadRules } from "../../../src/data/load-rules.js";
import { formatProblem } from "../../../src/data/problems.js";
import { checkFigures, formatFiguresReport } from "../../../src/texts/check-figures.js";
import { checkTextCoverage } from "../../../src/texts/check-text-coverage.js";
import { loadLawTexts } from "../../../src/texts/load-law-texts.js";
import { rulesLines } from "../../../src/texts/rules-lines.js";
import { FIXTURE_RULES, FIXTURE_TEXTS } from "../../helpers/test-app.js";

const TEXT_2016 = "网络安全法(2016-11-07).md";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function copyOf(source: string, file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "texts-"));
  dirs.push(dir);
  await cp(source, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = await readFile(target, "utf8");
  const after = edit(before);
  expect(after).not.toBe(before); // the edit must change something
  await writeFile(target, after);
  return dir;
}

async function check(rulesDir = FIXTURE_RULES, textsDir = FIXTURE_TEXTS) {
  const catalog = await loadRules(rulesDir);
  // A text edited here is not the file whose SHA-256 the fixture rules record: these tests are about the figures.
  const texts = await loadLawTexts(textsDir, catalog, { checkHashes: textsDir === FIXTURE_TEXTS });
  const report = await checkFigures(catalog, texts, rulesLines(rulesDir));
  return { catalog, texts, report, lines: formatFiguresReport(report).split("\n") };
}

const contradictionLines = (lines: string[]) => lines.filter((l) => /^\S+\.yaml:\d+ /.test(l));

describe("checkFigures on the fixture texts", () => {
  it("confirms every figure and enforces link of the versions whose text is there", async () => {
    const { report } = await check();
    expect(report.contradictions).toEqual([]);
    const csl = report.versions.filter((v) => v.instrumentId === "cybersecurity-law");
    expect(csl.map((v) => [v.versionId, v.text, v.figures, v.confirmed, v.articles, v.enforcesConfirmed])).toEqual([
      ["2017-06-01", TEXT_2016, 4, 4, 6, 3],
      ["2026-01-01", "网络安全法(2025-10-28).md", 2, 2, 6, 1],
    ]);
    const ctl = report.versions.find((v) => v.instrumentId === "counterterrorism-law");
    expect([ctl?.loaded, ctl?.text, ctl?.noText]).toEqual([false, "none named", 3]);
  });

  it("fails a fine changed in a copy of the rules, naming the file, line and both figures", async () => {
    const rules = await copyOf(FIXTURE_RULES, "cybersecurity-law.yaml", (t) => t.replace("{ bearer: entity, kind: fine, min: 50000, max: 500000, unit: CNY }", "{ bearer: entity, kind: fine, min: 50000, max: 400000, unit: CNY }"));
    const { report, lines } = await check(rules);
    const line = (await readFile(path.join(rules, "cybersecurity-law.yaml"), "utf8")).split("\n").findIndex((l) => l.includes("max: 400000")) + 1;
    expect(contradictionLines(lines)).toEqual([
      `${path.relative(process.cwd(), path.join(rules, "cybersecurity-law.yaml"))}:${line} p66 penalties[0].sanctions[0].max: rules say 50000–400000 CNY, text says Art. 66: 五万元以上五十万元以下 = 50000–500000 CNY (figures in 元: 五万元以上五十万元以下、一万元以上十万元以下)`,
    ]);
    expect(report.versions.find((v) => v.versionId === "2017-06-01")?.contradicted).toBe(1);
  });

  it("fails an article number the text lacks", async () => {
    const textsDir = await copyOf(FIXTURE_TEXTS, TEXT_2016, (t) => t.replace(/^第三十九条 .*$/m, ""));
    const { catalog, texts, lines } = await check(FIXTURE_RULES, textsDir);
    const line = (await readFile(path.join(FIXTURE_RULES, "cybersecurity-law.yaml"), "utf8")).split("\n").findIndex((l) => l.includes('numbers: { 2017-06-01: "39"')) + 1;
    const file = path.relative(process.cwd(), path.join(FIXTURE_RULES, "cybersecurity-law.yaml"));
    expect(contradictionLines(lines)).toEqual([`${file}:${line} p39 numbers.2017-06-01: rules say Art. 39 in the 2017-06-01 text, text says 网络安全法(2016-11-07).md has no Art. 39`]);
    // npm run validate reports it too, at the same line
    const problems = (await checkTextCoverage(catalog, texts, rulesLines(FIXTURE_RULES))).map(formatProblem);
    expect(problems).toEqual([`${file}:${line} provisions[3].numbers.2017-06-01: Art. 39 is not an article of the official text 网络安全法(2016-11-07).md`]);
  });

  it("reports paragraph and item counts that are not the text's (npm run validate)", async () => {
    const rules = await copyOf(FIXTURE_RULES, "cybersecurity-law.yaml", (t) =>
      t.replace('numbers: { 2017-06-01: "21", 2026-01-01: "23" }', 'numbers: { 2017-06-01: "21", 2026-01-01: "23" }\n    paragraphs: { 2017-06-01: 2, 2026-01-01: 1 }\n    items: { 1: 4 }'),
    );
    const catalog = await loadRules(rules);
    const problems = (await checkTextCoverage(catalog, await loadLawTexts(FIXTURE_TEXTS, catalog), rulesLines(rules))).map(formatProblem);
    expect(problems.map((p) => p.replace(/^.*cybersecurity-law\.yaml/, ""))).toEqual([
      ":27 provisions[0].paragraphs.2017-06-01: Art. 21 has 1 paragraph in 网络安全法(2016-11-07).md, not 2",
      ":28 provisions[0].items.1: Art. 21 para. 1 has 3 items in 网络安全法(2016-11-07).md, not 4",
      ":28 provisions[0].items.1: Art. 23 para. 1 has 3 items in 网络安全法(2025-10-28).md, not 4",
    ]);
  });

  it("fails an enforces link to an article the penalty article does not name", async () => {
    const rules = await copyOf(FIXTURE_RULES, "cybersecurity-law.yaml", (t) => t.replace("enforces: [p37]", "enforces: [p24]"));
    const { lines } = await check(rules);
    expect(contradictionLines(lines)).toEqual([expect.stringMatching(/:\d+ p66 penalties\[0\]\.enforces\[0\]: rules say enforces p24 \(Art\. 24\), text says Art\. 66 names Arts\. 37$/)]);
  });

  it("does not hold to the article's citations a link the editors made from a description of the conduct", async () => {
    const rules = await copyOf(FIXTURE_RULES, "cybersecurity-law.yaml", (t) => t.replace("enforces: [p37]", "enforces: [p24]\n        enforcesBy: description"));
    const { report, lines } = await check(rules);
    expect(contradictionLines(lines)).toEqual([]);
    expect(report.versions.find((v) => v.instrumentId === "cybersecurity-law" && v.versionId === "2017-06-01")?.enforcesNotNamed).toBeGreaterThan(0);
  });

  it("fails a cap the rules give to an open bound (以上 with no cap)", async () => {
    const texts = await copyOf(FIXTURE_TEXTS, TEXT_2016, (t) => t.replace("处五万元以上五十万元以下罚款", "处五万元以上罚款"));
    const { lines } = await check(FIXTURE_RULES, texts);
    expect(contradictionLines(lines)).toEqual([expect.stringMatching(/:\d+ p66 penalties\[0\]\.sanctions\[0\]\.max: rules say 50000–500000 CNY, text says Art\. 66: 五万元以上 = 50000 CNY or more, no cap/)]);
  });

  it("fails a sanction marked optional where the text has no 可以, and one not marked where it has", async () => {
    const texts = await copyOf(FIXTURE_TEXTS, TEXT_2016, (t) => t.replace("并可以吊销相关业务许可证", "并吊销相关业务许可证").replace("处一万元以上十万元以下罚款，对直接", "可以处一万元以上十万元以下罚款，对直接"));
    const { lines } = await check(FIXTURE_RULES, texts);
    expect(contradictionLines(lines)).toEqual([
      expect.stringMatching(/p59 penalties\[1\]\.sanctions\[0\]\.optional: rules say not optional, text says “可以处一万元以上十万元以下” \(可以\)$/),
      expect.stringMatching(/p66 penalties\[0\]\.sanctions\[1\]\.optional: rules say licence-revocation optional \(可以\), text says no 可以 before 吊销相关业务许可证$/),
    ]);
  });

  it("checks a multiple's base and a condition's threshold, and finds a managers' tier's figures in the paragraph it draws on", async () => {
    const article = "第六十五条 关键信息基础设施的运营者违反本法第三十七条规定的，处采购金额一倍以上十倍以下罚款；违法所得不足十万元的，处十万元以上一百万元以下罚款。\n\n单位有前款行为的，对直接负责的主管人员依照前款规定处罚。\n\n";
    const texts = await copyOf(FIXTURE_TEXTS, TEXT_2016, (t) => t.replace("第六十六条", `${article}第六十六条`));
    const provision = `  - id: p65
    numbers: { 2017-06-01: "65" }
    paragraphs: 2
    heading: { en: Fixture penalty }
    summary: A fixture penalty article.
    penalties:
      - id: basic
        para: 1
        trigger: A CII operator breaches Art. 37.
        enforces: [p37]
        punishes: [cii-operator]
        sanctions:
          - { bearer: entity, kind: fine, min: 1, max: 10, unit: multiple, base: illegal-gains }
          - { bearer: entity, kind: fine, min: 100000, max: 1000000, unit: CNY, if: { gains: { below: 100000 } } }
          - { bearer: entity, kind: fine, min: 100000, max: 1000000, unit: CNY, if: { gains: { below: 200000 } } }
      - id: managers
        para: 2
        trigger: Its managers, under para. 1.
        enforces: [p37]
        punishes: [cii-operator]
        sanctions:
          - { bearer: managers, kind: fine, min: 100000, max: 1000000, unit: CNY }
    confidence: high
`;
    const rules = await copyOf(FIXTURE_RULES, "cybersecurity-law.yaml", (t) => t.replace("  - id: p66\n", `${provision}  - id: p66\n`));
    const { report, lines } = await check(rules, texts);
    expect(contradictionLines(lines).map((l) => l.replace(/^\S+ /, ""))).toEqual([
      "p65 penalties[0].sanctions[0].base: rules say base illegal-gains (违法所得), text says “处采购金额一倍以上十倍以下”",
      "p65 penalties[0].sanctions[2].if: rules say illegal gains below 200000 CNY, text says Art. 65 para. 1: 不足十万元 = below 100000 CNY (figures in 元: 不足十万元、十万元以上一百万元以下)",
    ]);
    const row = report.versions.find((v) => v.versionId === "2017-06-01");
    expect([row?.figures, row?.confirmed, row?.contradicted, row?.enforcesConfirmed]).toEqual([10, 9, 1, 5]);
  });

  it("confirms a tier's criminal thresholds (counts, amounts, a multiple) and reports one the text does not state", async () => {
    const article = "第六十五条 同一信息实际被点击、浏览次数达到五千次以上，或者被转发次数达到五百次以上的，属于情节严重；个人非法经营数额在五万元以上的，亦同。\n\n数额达到前款规定的数额五倍以上的，属于情节特别严重。\n\n";
    const texts = await copyOf(FIXTURE_TEXTS, TEXT_2016, (t) => t.replace("第六十六条", `${article}第六十六条`));
    const provision = `  - id: p65
    numbers: { 2017-06-01: "65" }
    paragraphs: 2
    heading: { en: Fixture thresholds }
    summary: A fixture article with criminal thresholds.
    penalties:
      - id: serious
        level: serious
        para: 1
        trigger: The post reaches the thresholds.
        thresholds:
          - { measure: views, atLeast: 5000, unit: times }
          - { measure: reposts, atLeast: 600, unit: times }
          - { measure: business-volume, bearer: individual, atLeast: 50000, unit: CNY }
        sanctions:
          - { bearer: individual, kind: criminal-liability }
      - id: especially-serious
        level: especially-serious
        escalates: serious
        para: 2
        trigger: Five times the amounts.
        thresholds:
          - { measure: business-volume, bearer: individual, atLeast: 5, unit: multiple }
        sanctions:
          - { bearer: individual, kind: criminal-liability }
    confidence: high
`;
    const rules = await copyOf(FIXTURE_RULES, "cybersecurity-law.yaml", (t) => t.replace("  - id: p66\n", `${provision}  - id: p66\n`));
    const { report, lines } = await check(rules, texts);
    expect(contradictionLines(lines).map((l) => l.replace(/^\S+ /, ""))).toEqual([
      "p65 penalties[0].thresholds[1].atLeast: rules say reposts ≥ 600 times, text says Art. 65 para. 1: counts 五千次以上、五百次以上",
    ]);
    const row = report.versions.find((v) => v.versionId === "2017-06-01");
    expect([row?.figures, row?.confirmed, row?.contradicted]).toEqual([8, 7, 1]);
  });

  it("takes 根据情况 as leaving a sanction to the authority's judgment, like 可以", async () => {
    const texts = await copyOf(FIXTURE_TEXTS, TEXT_2016, (t) => t.replace("并可以吊销相关业务许可证", "并根据情况吊销相关业务许可证"));
    const { report } = await check(FIXTURE_RULES, texts);
    expect(report.contradictions).toEqual([]);
  });

  it("counts a text that cannot be parsed as not loaded, and reports its file and line", async () => {
    const texts = await copyOf(FIXTURE_TEXTS, TEXT_2016, (t) => t.replace("第三十九条", "第三十七条"));
    const { texts: loaded, report } = await check(FIXTURE_RULES, texts);
    expect(loaded.problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`)).toEqual([`${TEXT_2016}:23: Art. 37 (第三十七条) appears twice; the first is at line 21`]);
    expect(loaded.status("cybersecurity-law", "2017-06-01")).toBe("unreadable");
    expect(report.versions.find((v) => v.versionId === "2017-06-01")?.text).toBe(`${TEXT_2016}: cannot be parsed`);
  });

  it("treats a missing folder, or a file given as the folder, as no texts and one problem that says so", async () => {
    const catalog = await loadRules(FIXTURE_RULES);
    for (const dir of [path.join(tmpdir(), "no-such-folder-of-texts"), path.join(FIXTURE_TEXTS, TEXT_2016)]) {
      const texts = await loadLawTexts(dir, catalog);
      expect([texts.loaded, texts.problems, texts.status("cybersecurity-law", "2017-06-01")]).toEqual([0, [{ file: dir, message: "LAW_TEXTS_DIR does not name a folder: no official text is shown", textShown: true }], "file-missing"]);
    }
  });
});
