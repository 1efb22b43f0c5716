import { API_PREFIX, API_SCOPES, type ApiScope } from '@ecm365/shared';
import fc from 'fast-check';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareRouteAccess, declaredRoutesOf, requiresScope, type DeclaredRoute } from '../../src/http/route-scope.js';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';
import { fuzzParameters } from '../fuzz/support/fuzz-parameters.js';

let t: TestApp;
let admin: SignedIn;
let routes: readonly DeclaredRoute[];
beforeAll(async () => {
  t = await startTestApp({ env: { TENANT_API_TOKENS_PER_MINUTE: '1000', TENANT_CONNECTS_PER_MINUTE: '1000' } });
  admin = await signIn(t.app, 'admin', 'admin');
  routes = declaredRoutesOf(t.app).filter((route) => route.method !== 'HEAD');
});
afterAll(() => t.close());

/** One token per set of scopes, made through the API like an integrator would. */
const tokens = new Map<string, string>();
async function tokenWith(scopes: readonly ApiScope[]): Promise<string> {
  const key = [...scopes].sort().join(' ');
  const known = tokens.get(key);
  if (known) return known;
  const response = await asUser(t, admin).post('/api/v1/api-tokens', { name: `scopes ${key}`, scopes });
  expect(response.statusCode).toBe(201);
  const token = response.json().token as string;
  tokens.set(key, token);
  return token;
}

const filled = (url: string) => url.replace(/:(\w+)/g, () => '00000000-0000-4000-8000-000000000000');

function call(route: DeclaredRoute, token: string) {
  return t.app.inject({
    method: route.method as 'GET',
    url: filled(route.url),
    headers: { host: hostOf('acme'), authorization: `Bearer ${token}` },
    ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
  });
}

describe('every /api/v1 route declares who may call it', () => {
  it('the app enumerates its routes, each with a declared access', () => {
    const urls = routes.map((route) => `${route.method} ${route.url}`);
    expect(urls).toContain('POST /api/v1/ms365/connection/access-token');
    expect(urls).toContain('GET /api/v1/api-tokens/current');
    expect(urls.length).toBeGreaterThan(20);
    for (const route of routes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('a route without a declaration stops the app from starting', async () => {
    const app = Fastify();
    declareRouteAccess(app);
    expect(() => app.get(`${API_PREFIX}/undeclared`, async () => ({}))).toThrow(/declares no access/);
    await app.close();
  });

  it("the invoice import's routes take imports:read / imports:write by their path prefix", async () => {
    const app = Fastify();
    declareRouteAccess(app);
    const base = `${API_PREFIX}/ms365/features/invoice-mail-import`;
    app.get(`${base}/messages`, async () => ({}));
    app.post(`${base}/runs`, async () => ({}));
    app.put(`${base}/own`, { config: requiresScope('ms365:write') }, async () => ({}));
    await app.ready();
    const scopeOf = (method: string, url: string) => {
      const access = declaredRoutesOf(app).find((r) => r.method === method && r.url === url)?.access;
      return access?.kind === 'scope' ? access.scope : access?.kind;
    };
    expect(scopeOf('GET', `${base}/messages`)).toBe('imports:read');
    expect(scopeOf('POST', `${base}/runs`)).toBe('imports:write');
    expect(scopeOf('PUT', `${base}/own`)).toBe('ms365:write');
    await app.close();
  });
});

describe('scope enforcement, property-based over routes × scopes (SPEC §10)', () => {
  it('a token outside its scopes gets 403 insufficient_scope naming the missing scope; inside, never', async () => {
    const scoped = routes.filter((route) => route.access.kind === 'scope' || route.access.kind === 'any_token');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...scoped),
        fc.subarray([...API_SCOPES], { minLength: 1 }),
        async (route, scopes) => {
          const response = await call(route, await tokenWith(scopes));
          const error = response.statusCode === 403 ? response.json().error : undefined;
          const needed = route.access.kind === 'scope' ? route.access.scope : undefined;
          if (needed && !scopes.includes(needed)) {
            expect(response.statusCode, `${route.method} ${route.url} with ${scopes.join(',')}`).toBe(403);
            expect(error).toMatchObject({ code: 'insufficient_scope', details: { scope: needed } });
            expect(error.message).toContain(needed);
          } else {
            expect(error?.code, `${route.method} ${route.url} with ${scopes.join(',')}`).not.toBe('insufficient_scope');
          }
        },
      ),
      fuzzParameters(150),
    );
  });

  it('session-only routes never accept a token, whatever its scopes', async () => {
    const sessionRoutes = routes.filter((route) => route.access.kind === 'session');
    expect(sessionRoutes.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sessionRoutes),
        fc.subarray([...API_SCOPES], { minLength: 1 }),
        async (route, scopes) => {
          const response = await call(route, await tokenWith(scopes));
          expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        },
      ),
      fuzzParameters(40),
    );
  });

  it('every scoped route is tried with every single scope at least once', async () => {
    for (const route of routes) {
      if (route.access.kind !== 'scope') continue;
      for (const scope of API_SCOPES) {
        const response = await call(route, await tokenWith([scope]));
        const code = response.statusCode === 403 ? response.json().error.code : undefined;
        if (scope === route.access.scope) expect(code, `${route.method} ${route.url}`).not.toBe('insufficient_scope');
        else expect(code, `${route.method} ${route.url} with ${scope}`).toBe('insufficient_scope');
      }
    }
  });
});

describe('tokens of before scopes, and GET /api-tokens/current', () => {
  it('a token without stored scopes keeps ms365:read and ms365:write, nothing more', async () => {
    const made = await asUser(t, admin).post('/api/v1/api-tokens', { name: 'before scopes', scopes: ['ms365:read'] });
    const token = made.json().token as string;
    // As migrated: the scopes column is null for tokens made before scopes existed (set before its first use).
    await t.database.db.updateTable('apiTokens').set({ scopes: null }).where('id', '=', made.json().id).execute();
    const current = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-tokens/current',
      headers: { host: hostOf('acme'), authorization: `Bearer ${token}` },
    });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({
      name: 'before scopes',
      scopes: ['ms365:read', 'ms365:write'],
      tenant: { slug: 'acme' },
      createdBy: 'admin',
    });
    const webhooks = await t.app.inject({
      method: 'GET',
      url: '/api/v1/webhooks',
      headers: { host: hostOf('acme'), authorization: `Bearer ${token}` },
    });
    expect(webhooks.json().error).toMatchObject({ code: 'insufficient_scope', details: { scope: 'webhooks:write' } });
  });

  it('new tokens expire after 90 days unless told otherwise, at most 365', async () => {
    const made = await asUser(t, admin).post('/api/v1/api-tokens', { name: 'default', scopes: ['ms365:read'] });
    const days = (Date.parse(made.json().expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    expect(made.json().scopes).toEqual(['ms365:read']);
    const tooLong = await asUser(t, admin).post('/api/v1/api-tokens', { name: 'x', expiresInDays: 366 });
    expect(tooLong.statusCode).toBe(400);
    const unknown = await asUser(t, admin).post('/api/v1/api-tokens', { name: 'x', scopes: ['admin:all'] });
    expect(unknown.statusCode).toBe(400);
  });

  it('/api-tokens/current answers a browser session 401: it describes tokens only', async () => {
    expect((await asUser(t, admin).get('/api/v1/api-tokens/current')).statusCode).toBe(401);
  });

  it("a webhooks:write token sees only its own tenant's webhooks, and is no one's on another tenant's host", async () => {
    const otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
    const hook = { url: 'https://hooks.example.com/other', events: ['ms365.connection.connected'] };
    const theirs = await asUser(t, otherAdmin).post('/api/v1/webhooks', hook);
    expect(theirs.statusCode).toBe(201);
    const token = await tokenWith(['webhooks:write']);
    const headers = { host: hostOf('acme'), authorization: `Bearer ${token}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(theirs.json().id);
    for (const [method, url] of [
      ['DELETE', `/api/v1/webhooks/${theirs.json().id}`],
      ['GET', `/api/v1/webhooks/${theirs.json().id}/deliveries`],
    ] as const) {
      expect((await t.app.inject({ method, url, headers })).statusCode, `${method} ${url}`).toBe(404);
    }
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/api/v1/webhooks',
      headers: { ...headers, host: hostOf('other') },
    });
    expect(elsewhere.statusCode).toBe(401);
  });
});
