import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

type Operation = { responses: Record<string, { $ref?: string; content?: Record<string, { examples?: object }> }> };

let t: TestApp;
let admin: SignedIn;
let documented: (method: string, path: string, status: number) => string[];
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
  const document = t.app.swagger() as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { responses: Record<string, Operation['responses'][string]> };
  };
  documented = (method, path, status) => {
    const response = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
    const resolved = response?.$ref ? document.components.responses[response.$ref.split('/').pop()!] : response;
    return Object.keys(resolved?.content?.['application/json']?.examples ?? {});
  };
});
afterAll(() => t.close());

/**
 * Failures the routes' services and guards really answer, each checked against the codes the document lists for
 * that route and status: a route that starts throwing a new code fails here until it declares it.
 */
const CASES: Array<{
  name: string;
  method: string;
  url: string;
  path: string;
  session?: boolean;
  csrf?: boolean;
  payload?: object;
}> = [
  {
    name: 'wrong password',
    method: 'POST',
    url: '/api/v1/auth/login',
    path: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'wrong' },
  },
  { name: 'no session', method: 'GET', url: '/api/v1/ms365/connection', path: '/api/v1/ms365/connection' },
  {
    name: 'no CSRF token',
    method: 'POST',
    url: '/api/v1/ms365/connect',
    path: '/api/v1/ms365/connect',
    session: true,
    csrf: false,
  },
  {
    name: 'not a code',
    method: 'POST',
    url: '/api/v1/ms365/connection',
    path: '/api/v1/ms365/connection',
    session: true,
    payload: { code: 'nope' },
  },
  {
    name: 'test without connection',
    method: 'POST',
    url: '/api/v1/ms365/connection/test',
    path: '/api/v1/ms365/connection/test',
    session: true,
  },
  {
    name: 'unknown attempt',
    method: 'GET',
    url: '/api/v1/ms365/connect/att_unknown/code',
    path: '/api/v1/ms365/connect/{attemptId}/code',
    session: true,
  },
  {
    name: 'unknown webhook',
    method: 'DELETE',
    url: '/api/v1/webhooks/wh_unknown',
    path: '/api/v1/webhooks/{id}',
    session: true,
  },
  {
    name: 'private webhook address',
    method: 'POST',
    url: '/api/v1/webhooks',
    path: '/api/v1/webhooks',
    session: true,
    payload: { url: 'ftp://hooks.example/in', events: ['ms365.connection.error'] },
  },
  {
    name: 'unknown field',
    method: 'PUT',
    url: '/api/v1/notifications',
    path: '/api/v1/notifications',
    session: true,
    payload: { email: null, extra: 1 },
  },
  {
    name: 'unknown API token',
    method: 'DELETE',
    url: '/api/v1/api-tokens/tok_unknown',
    path: '/api/v1/api-tokens/{id}',
    session: true,
  },
];

describe('the error codes routes answer', () => {
  it.each(CASES)(
    'are documented for the route: $name',
    async ({ method, url, path, session, csrf = true, payload }) => {
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        headers: {
          host: hostOf('acme'),
          ...(session ? { cookie: admin.cookie, ...(csrf ? { 'x-csrf-token': admin.csrfToken } : {}) } : {}),
        },
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      const code = response.json<{ error: { code: string } }>().error.code;
      expect(
        documented(method, path, response.statusCode),
        `${method} ${path} ${response.statusCode} ${code}`,
      ).toContain(code);
    },
  );
});
