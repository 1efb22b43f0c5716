import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { controlRoutes } from '../../src/elo/control-routes.js';
import { ControlState } from '../../src/elo/controls.js';
import { FilingServices } from '../../src/elo/filing-services.js';
import { DEMO_ELO_REPOSITORY } from '../../src/elo/fixtures.js';
import { RepositoryState } from '../../src/elo/repository-state.js';
import { TicketStore } from '../../src/elo/tickets.js';

/**
 * The emulator's Fastify skips Ajv's meta-schema check of route schemas at start (`validateSchema: false` in
 * server.ts: compiling the meta-schema was most of its share of a demo start). This test registers the control
 * routes on a Fastify with that check on (its default), so a malformed schema still fails here.
 */
async function readyWithMetaCheck(register: (app: FastifyInstance) => Promise<void> | void): Promise<number> {
  const app = Fastify({ logger: false });
  let schemas = 0;
  app.addHook('onRoute', (route) => {
    if (route.schema) schemas += 1;
  });
  try {
    await app.register(async (scope) => register(scope));
    await app.ready();
    return schemas;
  } finally {
    await app.close();
  }
}

describe('ELO emulator control routes: schemas against the JSON-Schema meta-schema', () => {
  it('the check refuses a malformed schema', async () => {
    await expect(
      readyWithMetaCheck((app) => {
        app.post('/x', { schema: { body: { type: 'object', required: 'mode' } } }, async () => ({}));
      }),
    ).rejects.toThrow(/schema is invalid/);
  });

  it('every control route schema is valid', async () => {
    const filing = new FilingServices();
    const controls = new ControlState(
      new Map([['demo', new RepositoryState('demo', DEMO_ELO_REPOSITORY)]]),
      new TicketStore(600),
      filing,
    );
    try {
      expect(await readyWithMetaCheck((app) => controlRoutes(app, controls))).toBeGreaterThanOrEqual(8);
    } finally {
      filing.close();
    }
  });
});
