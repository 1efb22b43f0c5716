import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { pathId } from './arbitraries/ids.js';
import { callbackQuery } from './arbitraries/query.js';
import { expectValidationFailed } from './support/checks.js';
import { CALLERS, startFuzzApp, type Caller, type FuzzApp } from './support/fuzz-app.js';
import { fuzzParameters, fuzzTimeout } from './support/fuzz-parameters.js';
import { ALL_ROUTES, EXAMPLE_BODIES, routeKey, urlOf, type RouteSpec } from './support/routes.js';

let fz: FuzzApp;
beforeAll(async () => {
  fz = await startFuzzApp();
});
afterEach(() => fz.expectAlive());
afterAll(() => fz.close());

/** Ids that cannot move the request to another route (slashes, dot segments, query or fragment markers). */
const staysOnRoute = (id: string) => id !== '' && !/[/\\?#;]|^(?:\.|%2e){1,2}$/i.test(id);

async function tryId(route: RouteSpec, caller: Caller, id: string, query: string | null): Promise<void> {
  const example = EXAMPLE_BODIES[routeKey(route)];
  const response = await fz.send({
    method: route.method,
    url: urlOf(route, { attemptId: id, id }) + (query === null ? '' : `?${query}`),
    headers: { ...(await fz.callerHeaders(caller, route)), 'content-type': 'application/json' },
    ...(example ? { payload: JSON.stringify(example) } : {}),
  });
  // None of these ids exists: nothing may succeed on it.
  if (!route.unknown && staysOnRoute(id) && response.statusCode < 300)
    throw new Error(`${routeKey(route)} with id ${JSON.stringify(id)} answered ${response.statusCode}`);
}

describe('path ids', () => {
  it(
    'attempt and API token ids (empty-ish, huge, unicode, dot segments, NUL, percent junk) with junk queries',
    async () => {
      const routes = ALL_ROUTES.filter((route) => route.params.length > 0 && route.path.startsWith('/api/'));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.constantFrom(...CALLERS),
          pathId,
          fc.option(callbackQuery),
          tryId,
        ),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );
});

describe('regressions found by the path fuzz', () => {
  it('a NUL character in an attempt id is a 400, not a 500 (Postgres text cannot hold it)', async () => {
    for (const path of ['', '/authorize', '/code']) {
      expectValidationFailed(await asUser(fz.t, fz.acme).get(`/api/v1/ms365/connect/a%00b${path}`), '/attemptId');
    }
  });

  it("bad percent-encoding (400) and a path parameter over the router's limit (414) in the error format", async () => {
    const badEncoding = await asUser(fz.t, fz.acme).get('/api/v1/ms365/connect/%E0%A4%A/code');
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json()).toMatchObject({
      error: { code: 'validation_failed', correlationId: expect.any(String) },
    });
    const tooLong = await asUser(fz.t, fz.acme).get(`/api/v1/ms365/connect/${'a'.repeat(101)}`);
    expect(tooLong.statusCode).toBe(414);
    expect(tooLong.json().error.code).toBe('validation_failed');
  });
});
