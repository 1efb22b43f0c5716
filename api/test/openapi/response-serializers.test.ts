import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { offlineServices } from '../../src/http/openapi-document.js';

/**
 * The app compiles a route's response serializer on its first answer (app.ts, `lazySerializers`), so a response
 * schema fast-json-stringify cannot compile would only fail when that route answers. Here every serializer is
 * compiled at `ready`, as Fastify does by default, so such a schema fails CI instead.
 */
async function appWith(serializers: 'lazy' | 'eager') {
  const { services, database } = offlineServices();
  let responseSchemas = 0;
  const app = await buildApp({
    services,
    webDist: false,
    serializers,
    onRoute: (route) => {
      responseSchemas += Object.keys((route.schema as { response?: object } | undefined)?.response ?? {}).length;
    },
  });
  return { app, database, responseSchemas: () => responseSchemas };
}

describe('response serializers', () => {
  it('every route response schema compiles (eager, as at a default Fastify start)', async () => {
    const { app, database, responseSchemas } = await appWith('eager');
    try {
      await app.ready();
      expect(responseSchemas()).toBeGreaterThan(50);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('a lazily compiled serializer answers like the eager one', async () => {
    const answers: string[] = [];
    for (const mode of ['lazy', 'eager'] as const) {
      const { app, database } = await appWith(mode);
      try {
        const response = await app.inject({
          method: 'GET',
          url: '/api/v1/ms365/connection',
          headers: { 'x-request-id': '0f6e2a1c-5b3d-4e8f-9a7b-2c4d6e8f0a1b' },
        });
        answers.push(`${response.statusCode} ${response.body}`);
      } finally {
        await app.close();
        await database.close();
      }
    }
    expect(answers[0]).toMatch(/^4\d\d /);
    expect(answers[0]).toBe(answers[1]);
  });
});
