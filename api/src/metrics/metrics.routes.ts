import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '@ecm365/shared';
import Type from 'typebox';
import { NotAuthenticatedError } from '../errors/domain-errors.js';
import { constantTimeEqual } from '../support/secrets.js';
import type { Metrics } from './metrics.js';

/**
 * Request durations for every route, and `GET /metrics` in Prometheus' text format. With METRICS_TOKEN set, the
 * scraper must send it as a bearer token.
 */
export async function registerMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  token: string | undefined,
): Promise<void> {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['ops'],
        summary: 'Prometheus metrics (HTTP, logins, connections, ELO and Microsoft calls)',
        response: {
          200: {
            description: 'Prometheus text exposition format',
            content: { 'text/plain': { schema: Type.String() } },
          },
          401: {
            description: 'METRICS_TOKEN is set and the scraper did not send it',
            content: { 'application/json': { schema: ErrorBody } },
          },
        },
      },
    },
    async (request, reply) => {
      if (token && !constantTimeEqual(request.headers.authorization ?? '', `Bearer ${token}`))
        throw new NotAuthenticatedError();
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}
