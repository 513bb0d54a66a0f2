// The load bench's yardstick, run as a child process (bench/load.ts forks it): a bare Fastify
// with no plugins and no logger. GET /hello answers {"hello":"world"}; every other URL the
// parent sends over IPC is answered from memory with the bytes and headers the real app gave
// for it (already compressed, same Content-Encoding, ETag, CSP …). So "page ÷ baseline" is what
// our routing, hooks, helmet and page-cache lookup cost on top of writing the same bytes.
import Fastify from "fastify";

interface StoredPage {
  url: string;
  headers: Record<string, string>;
  body: string; // base64
}

const pages = new Map<string, { headers: Record<string, string>; body: Buffer }>();
const app = Fastify({ logger: false });
app.get("/hello", async () => ({ hello: "world" }));
app.get("/*", async (req, reply) => {
  const page = pages.get(req.url);
  if (!page) return reply.code(404).send("not stored");
  return reply.headers(page.headers).send(page.body);
});

process.on("message", (msg: { pages: StoredPage[] }) => {
  for (const p of msg.pages) pages.set(p.url, { headers: p.headers, body: Buffer.from(p.body, "base64") });
  process.send?.({ stored: pages.size });
});

await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
