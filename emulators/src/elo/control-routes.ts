import type { FastifyInstance } from 'fastify';
import { filingControlRoutes } from './filing-control-routes.js';
import {
  AVAILABILITY_MODES,
  type ControlState,
  type EloAvailability,
  type EloGroupMembershipChange,
} from './controls.js';

/**
 * The controls over HTTP, for processes that did not start the emulator (browser tests, a demo operator).
 * Every change answers the resulting state.
 */
export async function controlRoutes(app: FastifyInstance, controls: ControlState): Promise<void> {
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    return reply.code(status).send({ error: error.message });
  });

  app.get('/state', async () => controls.state());

  app.get('/calls', async () => ({ calls: controls.calls() }));

  await filingControlRoutes(app, controls);

  app.post<{ Body: { mode: EloAvailability } }>(
    '/availability',
    {
      schema: {
        body: {
          type: 'object',
          properties: { mode: { type: 'string', enum: [...AVAILABILITY_MODES] } },
          required: ['mode'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      controls.setAvailability(request.body.mode);
      return controls.state();
    },
  );

  app.post<{ Body: { ms: number } }>(
    '/latency',
    {
      schema: {
        body: {
          type: 'object',
          properties: { ms: { type: 'number', minimum: 0 } },
          required: ['ms'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      controls.setLatency(request.body.ms);
      return controls.state();
    },
  );

  app.post<{ Body: { repository: string; disabled: boolean } }>(
    '/password-login',
    {
      schema: {
        body: {
          type: 'object',
          properties: { repository: { type: 'string' }, disabled: { type: 'boolean' } },
          required: ['repository', 'disabled'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      if (!controls.repositories.has(request.body.repository)) {
        return reply.code(404).send({ error: `unknown repository "${request.body.repository}"` });
      }
      controls.setPasswordLoginDisabled(request.body.repository, request.body.disabled);
      return controls.state();
    },
  );

  app.post<{ Body: EloGroupMembershipChange }>(
    '/group-membership',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            repository: { type: 'string' },
            member: { type: 'string' },
            group: { type: 'string' },
            isMember: { type: 'boolean' },
          },
          required: ['repository', 'member', 'group', 'isMember'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      if (!controls.repositories.has(request.body.repository)) {
        return reply.code(404).send({ error: `unknown repository "${request.body.repository}"` });
      }
      controls.setGroupMembership(request.body);
      return controls.state();
    },
  );

  app.post('/reset', async () => {
    controls.reset();
    return controls.state();
  });
}
