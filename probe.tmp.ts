import net from "node:net";
import { buildTestApp } from "./test/helpers/test-app.js";
const app = await buildTestApp();
const addr = new URL(await app.listen({ host: "127.0.0.1", port: 0 }));
const raw = (data: string | Buffer) => new Promise<string>((resolve) => {
  const s = net.connect(Number(addr.port), "127.0.0.1", () => s.write(data));
  let out = ""; s.on("data", (d) => (out += d.toString("latin1"))); s.on("close", () => resolve(out)); s.on("error", () => resolve(out + "[err]"));
  setTimeout(() => { s.destroy(); resolve(out + "[timeout]"); }, 1500);
});
const show = (s: string) => { const [h, b = ""] = s.split("\r\n\r\n"); const lines = h!.split("\r\n"); return lines[0] + " | " + lines.filter(l => /^(content-type|allow|x-frame|connection|location):/i.test(l)).join(" | ") + " || " + b.replace(/\s+/g, " ").slice(0, 60) + (s.includes("[timeout]") ? " [timeout]" : ""); };
for (const [name, req] of Object.entries({
  foo: "FOO / HTTP/1.1\r\nHost: x\r\n\r\n",
  fooApi: "FOO /api/v1/actors HTTP/1.1\r\nHost: x\r\n\r\n",
  lower: "get / HTTP/1.1\r\nHost: x\r\n\r\n",
  propfind: "PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n",
  connect: "CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n",
  post: "POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
  optionsApi: "OPTIONS /api/nope HTTP/1.1\r\nHost: x\r\n\r\n",
  optionsApi2: "OPTIONS /api/v1/actors HTTP/1.1\r\nHost: x\r\n\r\n",
  badHeader: "GET / HTTP/1.1\r\nHost: x\r\nX-A\x01b: 1\r\n\r\n",
  nonAscii: Buffer.concat([Buffer.from("GET /actors/"), Buffer.from("中文", "utf8"), Buffer.from(" HTTP/1.1\r\nHost: x\r\n\r\n")]),
  nonAsciiApi: Buffer.concat([Buffer.from("GET /api/"), Buffer.from("中文", "utf8"), Buffer.from(" HTTP/1.1\r\nHost: x\r\n\r\n")]),
  bigHeader: "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(17000) + "\r\n\r\n",
  noHost: "GET / HTTP/1.1\r\n\r\n",
  twoHost: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
  absolute: "GET http://x/api/v1/provisions HTTP/1.1\r\nHost: x\r\n\r\n",
  absolute404: "GET http://x/api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n",
  getBody: "GET /search HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc",
})) console.log(name.padEnd(12), show(await raw(req)));
await app.close();
