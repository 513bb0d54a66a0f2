// The worker thread that writes the office files (src/view-models/office-files.ts starts it):
// the register's .xlsx and .docx and the memo's .docx. Each takes a few hundred milliseconds of
// CPU for a large register or memo, which on the main thread would hold every other answer.
import { parentPort } from "node:worker_threads";
import type { MemoDocument } from "../memo/memo-document.js";
import { memoDocx } from "../memo/memo-docx.js";
import type { OfficeJob } from "./office-files.js";
import { registerDocx, registerXlsx } from "./register-office.js";
import type { RegisterView } from "./register.js";

const port = parentPort;
if (!port) throw new Error("office-worker.ts runs as a worker thread (src/view-models/office-files.ts)");

port.on("message", async ({ id, job }: { id: number; job: OfficeJob }) => {
  try {
    const bytes = job.kind === "memo.docx" ? await memoDocx(job.input as MemoDocument) : await (job.kind === "register.xlsx" ? registerXlsx : registerDocx)(job.input as RegisterView, job.origin);
    const out = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    port.postMessage({ id, bytes: out }, [out]);
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
