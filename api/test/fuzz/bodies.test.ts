import { LEGACY_API_SCOPES, type ApiScope } from '@ecm365/shared';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { malformedBody, mutatedBody, type BodyCase } from './arbitraries/bodies.js';
import { anyRoute } from './arbitraries/routes.js';
import { asUser } from '../support/connect-flow.js';
import { hostOf } from '../support/test-app.js';
import { errorCodeOf, expectValidationFailed } from './support/checks.js';
import { CALLERS, startFuzzApp, type Caller, type FuzzApp } from './support/fuzz-app.js';
import { fuzzParameters, fuzzTimeout } from './support/fuzz-parameters.js';
import { ALL_ROUTES, DOCUMENTED_ROUTES, EXAMPLE_BODIES, routeKey, urlOf, type RouteSpec } from './support/routes.js';

let fz: FuzzApp;
beforeAll(async () => {
  fz = await startFuzzApp();
});
afterEach(() => fz.expectAlive());
afterAll(() => fz.close());

/** Does this caller get past the route's guards (so that the body is read at all)? */
function passesGuards(route: RouteSpec, caller: Caller): boolean {
  if (route.unknown) return false;
  if (route.security === 'none') return true;
  if (route.security === 'session') return caller === 'acme';
  if (caller === 'acme') return route.security === 'sessionOrToken';
  // The fuzz token was made without scopes: it has what tokens had before scopes (ms365:read, ms365:write).
  return caller === 'acme-bearer' && (!route.bearerScope || LEGACY_API_SCOPES.includes(route.bearerScope as ApiScope));
}

const BODY_METHODS = new Set(['POST', 'PUT', 'DELETE']);

async function sendBody(route: RouteSpec, caller: Caller, body: BodyCase) {
  const response = await fz.send({
    method: route.method,
    url: urlOf(route, { attemptId: 'fuzzattempt', id: '5d1c2f4e-0000-4000-8000-000000000000', file: 'index.html' }),
    headers: {
      ...(await fz.callerHeaders(caller, route)),
      ...(body.contentType !== undefined ? { 'content-type': body.contentType } : {}),
    },
    ...(body.payload !== undefined ? { payload: body.payload } : {}),
  });
  if (body.kind === 'oversized' && BODY_METHODS.has(route.method)) {
    // Guards answer before the body is read; past them, an oversized body is always 413.
    const code = errorCodeOf(response);
    if (passesGuards(route, caller) && code !== 'payload_too_large')
      throw new Error(`oversized body got ${response.statusCode} ${code} on ${routeKey(route)} as ${caller}`);
  }
}

const caller = fc.constantFrom(...CALLERS);

describe('bodies', () => {
  it('fuzzes every route the running app documents', () => {
    const live = Object.entries(fz.t.app.swagger().paths ?? {}).flatMap(([path, operations]) =>
      Object.keys(operations ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(DOCUMENTED_ROUTES.map(routeKey).sort()).toEqual(live.sort());
  });

  it(
    'malformed, oversized, wrongly typed and unicode-heavy bodies on every route',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyRoute, caller, malformedBody, (r, c, body) => sendBody(r, c, body)),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );

  it(
    'valid bodies with one thing wrong, past the first validation error',
    async () => {
      const bodyRoutes = ALL_ROUTES.filter((r) => EXAMPLE_BODIES[routeKey(r)]);
      const cases = fc
        .constantFrom(...bodyRoutes)
        .chain((r) =>
          fc.tuple(
            fc.constant(r),
            fc.constantFrom<Caller>('acme', 'acme-bearer'),
            mutatedBody(EXAMPLE_BODIES[routeKey(r)]!),
          ),
        );
      await fc.assert(
        fc.asyncProperty(cases, ([r, c, body]) => sendBody(r, c, body)),
        fuzzParameters(150),
      );
    },
    fuzzTimeout(),
  );
});

describe('regressions found by the body fuzz', () => {
  it('a NUL character (Postgres text cannot hold it) in a stored field is a 400, not a 500', async () => {
    const tokenName = await asUser(fz.t, fz.acme).post('/api/v1/api-tokens', { name: 'ERP\u0000import' });
    expectValidationFailed(tokenName, '/name');
    const login = (host: string, payload: object) =>
      fz.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host }, payload });
    expectValidationFailed(await login(hostOf('acme'), { username: 'ad\u0000min', password: 'x' }), '/username');
    const tenant = await login(hostOf('selfhost'), { username: 'admin', password: 'admin', tenant: 'ac\u0000me' });
    expectValidationFailed(tenant, '/tenant');
  });
});
