// One log line per answer: method, address, status, time and client. Fastify writes two by
// default (incoming, completed), and logging was a quarter of the CPU of a cached answer
// (README, Benchmarks). Its other lines (errors, stream errors) are left as they are.
import { LogController, type FastifyReply, type FastifyRequest } from "fastify";

export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime, remoteAddress: request.ip };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request completed");
  }
}
