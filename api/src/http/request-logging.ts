import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Routes an orchestrator or a scraper calls every few seconds. Their successful answers are logged at debug, so that
 * an info log shows what people and integrations did; a failing probe (503 not ready, 401 wrong scrape token) stays
 * at info.
 */
const PROBE_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One log line per request, written when the reply is sent: method, redacted URL, host and client (the `req`
 * serializer of logging.ts), status and duration. Replaces Fastify's pair of "incoming request" and "request
 * completed" lines, which doubled the logging cost of every request without telling a reader anything more.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (reply.statusCode < 400 && PROBE_ROUTES.has(request.routeOptions.url ?? '')) {
      reply.log.debug(line, 'request completed');
    } else reply.log.info(line, 'request completed');
  }
}
