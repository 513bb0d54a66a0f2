// Security headers through @fastify/helmet: a CSP with no inline scripts or styles and no
// third-party origins, nosniff, a strict referrer policy, no framing.
import type { IncomingMessage, ServerResponse } from "node:http";
import fastifyHelmet from "@fastify/helmet";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";

const OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  crossOriginEmbedderPolicy: false,
  hsts: false, // set by the TLS terminator in front of us, not on plain HTTP
} satisfies HelmetOptions;

const middleware = helmet(OPTIONS);

/** The same headers, for the answers Fastify gives before any hook runs (see error-pages.ts). */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  middleware(req, res, () => {});
}

export default fp(
  async (app) => {
    await app.register(fastifyHelmet, OPTIONS);
  },
  { name: "security" },
);
