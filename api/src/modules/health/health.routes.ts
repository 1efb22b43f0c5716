import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { Db } from '../../db/database.js';
import { ReadinessProbe } from '../../db/readiness.js';

const Health = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String({ description: 'Version of the running build (package.json), e.g. 0.2.0' }),
});
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Type.Object({
    database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
    migrations: Type.Union([Type.Literal('ok'), Type.Literal('pending'), Type.Literal('unknown')]),
  }),
});

/** Liveness (the process answers) and readiness (database reachable, schema current) for orchestrators. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db; version: string }> = async (app, { db, version }) => {
  const readiness = new ReadinessProbe(db);
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        security: [],
        errors: ['internal_error'],
        tags: ['ops'],
        summary: 'Liveness: the process is up',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const, version }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        security: [],
        errors: ['service_unavailable'],
        tags: ['ops'],
        summary: 'Readiness: database reachable and all migrations applied (503 otherwise)',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const { database, migrations } = await readiness.check();
      const ready = database === 'ok' && migrations === 'ok';
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', checks: { database, migrations } });
    },
  );
};
