import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/**
 * One log line per request, written when the reply is sent: method, redacted URL, host and client (the `req`
 * serializer of logging.ts), status and duration. Replaces Fastify's pair of "incoming request" and "request
 * completed" lines, which doubled the logging cost of every request without adding anything a reader needs.
 */
export const requestLogging = fastifyPlugin(
  async (app: FastifyInstance) => {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
        'request completed',
      );
      done();
    });
  },
  { name: 'request-logging' },
);
