// One log line per answer: method, address, status, time and client. Fastify's own request
// logging writes two (incoming, completed), and logging was a quarter of the CPU of a cached
// answer (README, Benchmarks). Errors are logged where they are handled (error-pages.ts).
import fp from "fastify-plugin";

export default fp(
  async (app) => {
    app.addHook("onResponse", (req, reply, done) => {
      req.log.info({ method: req.method, url: req.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime, remoteAddress: req.ip }, "request completed");
      done();
    });
  },
  { name: "access-log" },
);
