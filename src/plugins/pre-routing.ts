// What happens to a request before any route sees it, in one place:
//
// - the request target: an absolute-form target (`GET http://host/path HTTP/1.1`) is rewritten
//   to its path, so routes, links, the page cache and the /api test all see `/path` (originForm,
//   Fastify's rewriteUrl);
// - requests Node's parser refuses (an unknown or lower-case method, bytes not allowed in a
//   header or the path, headers over the size limit, a client too slow to send its headers) and
//   CONNECT: written to the socket by hand, as the site's error page or, under /api, as
//   problem+json, with the same security headers as every other answer (RawAnswers);
// - checks on a parsed request, before the page cache: exactly one Host header, and no request
//   body, except on the few addresses of BODY_PATHS (the plugin below).
//
// Fastify's own pre-routing errors (an undecodable path, a too-long parameter) are answered
// by sendFrameworkError in error-pages.ts.
import { QUERY_LIMITS } from "../config.js";
import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { HttpLimits } from "../config.js";
import { sendError, TITLES, type ErrorPage } from "./error-pages.js";
import { ALLOWED_METHODS } from "./known-paths.js";
import { SECURITY_HEADERS } from "./security.js";

/** The addresses that take a request body (POST), and the most they take: see the onRequest hook. */
export const BODY_PATHS: ReadonlySet<string> = new Set(["/check-citations", "/api/v1/citations/check", "/mcp"]);
export const BODY_LIMIT = QUERY_LIMITS.citationText;

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/** `http://host/path?q` → `/path?q`; an origin-form target is returned as it is. */
export function originForm(url: string): string {
  if (url.startsWith("/")) return url;
  const authority = ABSOLUTE_FORM.exec(url);
  if (!authority) return url; // "*" or garbage: routed as is, and not found
  const rest = url.slice(authority[0].length);
  return rest.startsWith("/") ? rest : `/${rest}`;
}

const HOME: ErrorPage["suggestions"] = [
  { label: "Home", href: "/" },
  { label: "Search", href: "/search" },
];

// Node's parser errors (llhttp codes) → status and what to tell the reader.
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_INVALID_METHOD: [501, "This site answers only the methods GET, HEAD and OPTIONS (written in capitals)."],
  HPE_HEADER_OVERFLOW: [431, "The request's headers are larger than this site accepts (16 KB in all)."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "The request took too long to arrive."],
  HPE_INVALID_URL: [400, "The address holds bytes that are not allowed: characters outside ASCII must be percent-encoded."],
  HPE_INVALID_HEADER_TOKEN: [400, "A header name holds characters that are not allowed."],
  HPE_INVALID_CHARACTER: [400, "A header holds characters that are not allowed."],
};
const GENERIC: [number, string] = [400, "The request could not be read: it is not well-formed HTTP/1.1."];
const RAW_STATUSES = [400, 405, 408, 413, 431, 501, 503];

function isApiPath(target: string | undefined): boolean {
  const path = originForm(target ?? "").split("?")[0] ?? "";
  return path === "/api" || path.startsWith("/api/");
}

/** The request target of a raw request, read from the bytes Node's parser refused. */
function targetOf(raw: Buffer | undefined): string | undefined {
  if (!raw) return undefined;
  const line = raw.subarray(0, Math.min(raw.length, 8192)).toString("latin1").split("\r\n", 1)[0] ?? "";
  return line.split(" ")[1];
}

/**
 * Answers written straight to the socket, for requests that never become a Fastify request.
 * The HTML pages are rendered once, when the app is ready; before that a plain-text body is sent.
 */
export class RawAnswers {
  private readonly pages = new Map<number, string>();

  async prepare(app: FastifyInstance): Promise<void> {
    for (const status of RAW_STATUSES) {
      const page: ErrorPage = { status, title: TITLES[status] ?? "Bad request", detail: "", suggestions: HOME };
      this.pages.set(status, (await app.view("pages/error", { page: { ...page, detail: "{{detail}}" }, title: page.title })) as string);
    }
  }

  /** The whole HTTP/1.1 answer: status line, headers, body; the connection closes after it. */
  answer(status: number, detail: string, target: string | undefined, extra: Record<string, string> = {}): string {
    const title = TITLES[status] ?? STATUS_CODES[status] ?? "Error";
    let type: string;
    let body: string;
    if (isApiPath(target)) {
      type = "application/problem+json; charset=utf-8";
      body = JSON.stringify({ type: "about:blank", title, status, detail, instance: originForm(target ?? "").split("?")[0] });
    } else {
      const page = this.pages.get(status);
      type = page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
      body = page ? page.replace("{{detail}}", escapeHtml(detail)) : `${status} ${title}\n${detail}\n`;
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS, ...extra, "content-type": type, "content-length": String(Buffer.byteLength(body)), "cache-control": "no-store", connection: "close" };
    return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? title}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n${body}`;
  }

  /** Fastify's clientErrorHandler: Node's parser refused the request, or it timed out. */
  clientError(err: { code?: string; rawPacket?: unknown }, socket: Duplex): void {
    if (err.code === "ECONNRESET" || socket.destroyed) return;
    const [status, detail] = CLIENT_ERRORS[err.code ?? ""] ?? GENERIC;
    if (!socket.writable) return void socket.destroy();
    // The target: from the refused bytes, or, for a timeout after the headers (a body too slow),
    // from the request Node is answering on this socket.
    const target = targetOf(Buffer.isBuffer(err.rawPacket) ? err.rawPacket : undefined) ?? (socket as Duplex & { _httpMessage?: { req?: IncomingMessage } })._httpMessage?.req?.url;
    socket.end(this.answer(status, detail, target), () => socket.destroy());
  }

  /** Node's 'connect' event: CONNECT asks for a tunnel, which this site does not open. */
  connect(req: IncomingMessage, socket: Duplex): void {
    socket.on("error", () => socket.destroy());
    socket.end(this.answer(405, "This site is not a proxy: CONNECT is not allowed.", req.url, { allow: ALLOWED_METHODS }), () => socket.destroy());
  }
}

/**
 * Per client address: at most maxConnectionsPerClient open connections (one more gets a 503 and
 * is closed: one client holding a thousand idle sockets locked everyone out), and a new
 * connection that has sent nothing within firstByteTimeout is closed (Node's headersTimeout
 * answers a client that started a request and stalled).
 */
export function guardConnections(server: Server, limits: Readonly<HttpLimits>, raw: RawAnswers): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const client = socket.remoteAddress ?? "";
    const n = (open.get(client) ?? 0) + 1;
    open.set(client, n);
    let timer: NodeJS.Timeout | undefined;
    socket.once("close", () => {
      if (timer) clearTimeout(timer);
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
    if (limits.maxConnectionsPerClient > 0 && n > limits.maxConnectionsPerClient) {
      socket.on("error", () => socket.destroy());
      socket.end(raw.answer(503, `This address has ${limits.maxConnectionsPerClient} connections open, the most one client may: use those, or close some.`, undefined, { "retry-after": "1" }), () => socket.destroy());
      return;
    }
    if (limits.firstByteTimeout > 0) {
      // Node's parser reads the socket natively (no 'data' events): bytesRead says whether anything came.
      timer = setTimeout(() => {
        if (socket.bytesRead === 0) socket.destroy();
      }, limits.firstByteTimeout);
      timer.unref();
    }
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function countHostHeaders(raw: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if ((raw[i] as string).length === 4 && (raw[i] as string).toLowerCase() === "host") n++;
  return n;
}

function refuse(req: FastifyRequest, reply: FastifyReply, status: 400 | 413 | 501, detail: string): void {
  // The rest of a refused body is not read, and a request with two Hosts may be an attempt to
  // smuggle a second one: close the connection after the answer.
  reply.header("connection", "close");
  void sendError(req, reply, { status, title: TITLES[status] as string, detail, suggestions: HOME });
}

// The methods HTTP defines (RFC 9110, and PATCH): on a known address the site answers them with
// a 405 that names the ones it allows. Any other method Node's parser accepts (QUERY, the WebDAV
// ones …) is a 501, like one the parser refuses.
const HTTP_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT"]);

/** Registered before the page cache: a refused request is never answered from it. */
export default fp(
  async (app) => {
    // Requests per connection, counted here rather than by Node (whose 503 for a request past the
    // limit is bare: no security headers, no page): the last answer says Connection: close, and a
    // request pipelined after it gets the site's 503.
    const maxPerSocket = app.config.http.maxRequestsPerSocket;
    const served = new WeakMap<object, number>();
    app.addHook("onRequest", (req, reply, done) => {
      if (maxPerSocket > 0) {
        const socket = req.raw.socket;
        const n = (served.get(socket) ?? 0) + 1;
        served.set(socket, n);
        if (n >= maxPerSocket) reply.header("connection", "close");
        if (n > maxPerSocket) {
          void sendError(req, reply, { status: 503, title: TITLES[503] as string, detail: `This connection has carried ${maxPerSocket} requests, the most one may: open a new connection.`, suggestions: HOME });
          return;
        }
      }
      const hosts = countHostHeaders(req.raw.rawHeaders);
      if (hosts > 1) return refuse(req, reply, 400, "The request has more than one Host header.");
      if (hosts === 0 && req.raw.httpVersion === "1.1") return refuse(req, reply, 400, "The request has no Host header: HTTP/1.1 requires one.");
      if (!HTTP_METHODS.has(req.method)) return refuse(req, reply, 501, CLIENT_ERRORS.HPE_INVALID_METHOD?.[1] as string);
      const length = req.headers["content-length"];
      // --- Allow-list: the addresses that take a body (BODY_PATHS), POST only, at most BODY_LIMIT
      // bytes (a declared length over it is refused here; a chunked body over it by the route's
      // bodyLimit). Only they get "100 Continue" when the client asks for it; every other request
      // with a body, or announcing one, is a 413 at once (app.ts hands Expect: 100-continue
      // requests to the router without it).
      if (req.method === "POST" && BODY_PATHS.has(req.url.split("?", 1)[0] as string)) {
        if (length !== undefined && !(/^\d+$/.test(length) && Number(length) <= BODY_LIMIT)) return refuse(req, reply, 413, `This address takes a body of at most ${BODY_LIMIT / 1024} KB.`);
        if (/^100-continue$/i.test(String(req.headers.expect ?? ""))) reply.raw.writeContinue();
        return done();
      }
      // --- end of the allow-list
      if (req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0")) {
        return refuse(req, reply, 413, "This site takes no request body: send the request without one.");
      }
      done();
    });
  },
  { name: "pre-routing", dependencies: ["error-pages"] },
);
