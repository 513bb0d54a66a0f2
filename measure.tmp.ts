import { buildApp } from "./src/app.ts";
import { loadConfig } from "./src/config.ts";
import { loadRules } from "./src/data/load-rules.ts";
import { questions } from "./src/query/questionnaire.ts";
const config = loadConfig({ NODE_ENV: "test", RULES_DIR: "rules", LAW_TEXTS_DIR: "../shared/law-texts" }, { publicOrigin: "http://test.local" });
const catalog = await loadRules(config.rulesDir);
const app = await buildApp(config, { catalog });
await app.ready();
const cpu = async (label: string, url: string | (() => string), runs = 3) => {
  const blocks: number[] = [];
  const times: number[] = [];
  let status = 0, len = 0;
  for (let i = 0; i < runs; i++) {
    const u = typeof url === "string" ? url : url();
    let last = performance.now(), maxGap = 0;
    const tick = setInterval(() => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; }, 1);
    const c0 = process.cpuUsage(); const t0 = performance.now();
    const r = await app.inject({ method: "GET", url: u });
    const c = process.cpuUsage(c0); const t = performance.now() - t0;
    maxGap = Math.max(maxGap, performance.now() - last); clearInterval(tick); blocks.push(Math.round(maxGap));
    status = r.statusCode; len = r.rawPayload.length;
    times.push(Math.round((c.user + c.system) / 1000));
    
  }
  console.log(`${label}: ${status} ${len} B, cpu ms per run ${times.join(" / ")}; longest block ${blocks.join(" / ")}`);
};
const all = catalog.actors.map((a) => a.id);
const tickAll = questions(catalog).map((q) => q.choose === "any" ? q.options.map((o) => `${q.id}=${o.value}`).join("&") : `${q.id}=${[...q.options].sort((a, b) => b.roles.length - a.roles.length)[0].value}`).join("&");
const n = (k: number) => `actor=${all.slice(0, k).join(",")}`;

const dates = Array.from({ length: 40 }, (_, i) => `2026-0${1 + (i % 9)}-${String(10 + Math.floor(i / 9)).padStart(2, "0")}`);
let d = 0;
const uniq = () => `&at=${dates[d++]}`;
await cpu("warm xlsx", `/profile.xlsx?${n(1)}`); await cpu("warm docx", `/profile.docx?${n(1)}`);

await cpu(`/profile.xlsx 50 unique`, () => `/profile.xlsx?${n(50)}${uniq()}`, 5);
await cpu(`/profile.docx 50 unique`, () => `/profile.docx?${n(50)}${uniq()}`, 5);
await cpu(`/profile.csv 50 unique`, () => `/profile.csv?${n(50)}${uniq()}`, 3);
await cpu(`/profile.docx 5 unique`, () => `/profile.docx?${n(5)}${uniq()}`, 3);
const provs = catalog.provisions.filter((p) => p.data.obligations.length > 0).sort((a, b) => b.data.obligations.length - a.data.obligations.length).slice(0, 50);
const items = provs.map((p) => { const v = p.versionIds[p.versionIds.length - 1]; return `${p.instrumentId}/${v}/art-${p.data.numbers[v]}`; });
let t = 0;
await cpu(`/memo.docx 50 unique`, () => `/memo.docx?items=${items.join(",")}&title=t${t++}`, 5);
