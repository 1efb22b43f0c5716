import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { NotAuthenticatedError, NotFoundError } from '../errors/domain-errors.js';
import { constantTimeEqual } from '../support/secrets.js';
import type { Metrics } from './metrics.js';

/**
 * Request durations for every route, and `GET /metrics` in Prometheus' text format. With METRICS_TOKEN set, the
 * scraper must send it as a bearer token. In production the endpoint exists only with a token: without one it
 * answers 404, so that a deployment that never set one does not publish its figures (tenant counts, traffic).
 */
export async function registerMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  { token, production }: { token: string | undefined; production: boolean },
): Promise<void> {
  const off = production && !token;
  if (off) app.log.info('GET /metrics is off: set METRICS_TOKEN to scrape it (production)');
  // Callback style and one labelled child per method, route and status: an async hook and prom-client's label
  // hashing on every observation were a visible share of the cached status read's CPU (issue 13's profile).
  const children = new Map<string, ReturnType<typeof metrics.httpDuration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = children.get(key);
    if (!child) {
      child = metrics.httpDuration.labels({ method: request.method, route, status_code: String(reply.statusCode) });
      children.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });

  app.get(
    '/metrics',
    {
      schema: {
        operationId: 'getMetrics',
        // METRICS_TOKEN, when set (required in production).
        security: [{ metricsToken: [] }, {}],
        errors: ['not_authenticated', 'not_found'],
        tags: ['ops'],
        summary: 'Prometheus metrics (HTTP, logins, connections, ELO and Microsoft calls)',
        description:
          'With METRICS_TOKEN set, 401 unless the scraper sends it as a bearer token; in production without ' +
          'METRICS_TOKEN the endpoint is off (404).',
        response: {
          200: {
            description: 'Prometheus text exposition format',
            content: { 'text/plain': { schema: Type.String() } },
          },
        },
      },
    },
    async (request, reply) => {
      if (off) throw new NotFoundError();
      if (token && !constantTimeEqual(request.headers.authorization ?? '', `Bearer ${token}`))
        throw new NotAuthenticatedError();
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}
