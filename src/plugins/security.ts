// Security headers through @fastify/helmet: a CSP with no inline scripts or styles and no
// third-party origins, nosniff, a strict referrer policy, no framing.
import helmet from "@fastify/helmet";
import fp from "fastify-plugin";

export default fp(
  async (app) => {
    await app.register(helmet, {
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
    });
  },
  { name: "security" },
);
