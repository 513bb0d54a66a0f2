// The office files (the register's .xlsx and .docx, the memo's .docx) are written in one worker
// thread, off the event loop: a 50-role register's .docx costs ~0.4 s of CPU and a 50-article
// memo's ~0.2 s (README, Limits on clients), time in which no other page could be answered. The
// worker starts with the first office file asked for; the input (the register's view or the
// memo, plain data) is copied to it (~15 ms for a 50-role register) and the bytes come back
// moved, not copied. The writers (the docx and exceljs libraries) load only there, so the main
// thread never holds them. One worker: the machine's other core serves pages, and the render slots
// (src/plugins/page-cache.ts) already bound how many answers are made at once.
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { MemoDocument } from "../memo/memo-document.js";
import type { RegisterView } from "./register.js";

export type OfficeJob = { kind: "register.xlsx" | "register.docx"; input: RegisterView; origin: string } | { kind: "memo.docx"; input: MemoDocument; origin?: undefined };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here); // .js when built, .ts under tsx and vitest
  const entry = path.join(path.dirname(here), `office-worker${ext}`);
  // Under tsx (npm run dev, the tests) the worker registers tsx's loader before loading the
  // TypeScript entry; built, it is plain JavaScript.
  const tsx = () => pathToFileURL(path.join(path.dirname(createRequire(here).resolve("tsx")), "esm/api/index.mjs")).href; // tsx's register()
  const w = ext === ".ts" ? new Worker(`import(${JSON.stringify(tsx())}).then((t) => { t.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`, { eval: true }) : new Worker(entry);
  w.unref(); // an idle writer never keeps the process alive
  w.on("message", ({ id, bytes, error }: { id: number; bytes?: ArrayBuffer; error?: string }) => {
    const p = pending.get(id);
    pending.delete(id);
    if (!p) return;
    if (bytes) p.resolve(Buffer.from(bytes));
    else p.reject(new Error(`office file: ${error}`));
  });
  // A worker that dies fails what it was writing; the next file starts a new one.
  const fail = (e: Error) => {
    if (worker === w) worker = undefined;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`office file: the writer stopped (exit code ${code})`)));
  return w;
}

/** The bytes of one office file, written in the worker thread. */
export function officeFile(job: OfficeJob): Promise<Buffer> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    if (pending.size === 1) w.ref(); // a file being written keeps the process alive until it is done
    w.postMessage({ id, job });
  }).finally(() => {
    if (pending.size === 0) w.unref();
  });
}
