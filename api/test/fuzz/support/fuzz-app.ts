import type { CreatedApiToken } from '@ecm365/shared';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { asUser } from '../../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../../support/test-app.js';
import { assertWellBehaved, type SentRequest } from './checks.js';
import { SESSION_ENDING, type RouteSpec, routeKey } from './routes.js';

/** Who sends a request: nobody, acme's admin by cookie (with or without CSRF token), or acme's API token. */
export const CALLERS = ['anonymous', 'acme', 'acme-no-csrf', 'acme-bearer'] as const;
export type Caller = (typeof CALLERS)[number];

export interface FuzzApp {
  t: TestApp;
  /** acme's admin (group member), signed in once and used by most runs. */
  acme: SignedIn;
  /** An API token of acme. */
  acmeToken: string;
  /** Sends a request through app.inject() and asserts the properties every reply has. */
  send(request: SentRequest): Promise<LightMyRequestResponse>;
  /** The headers of a caller; routes that end their session get a throwaway session. */
  callerHeaders(caller: Caller, route?: RouteSpec): Promise<Record<string, string>>;
  /** The app still answers, and logged no unexpected error. */
  expectAlive(): Promise<void>;
  close(): Promise<void>;
}

/** The message of the last unexpected error the app logged, to say why a 500 happened. */
function lastUnexpectedError(t: TestApp): string | undefined {
  const line = t.logs.findLast((entry) => entry.includes('"unexpected error"'));
  if (!line) return undefined;
  const err = (JSON.parse(line) as { err?: { message?: string; code?: string } }).err;
  return `${err?.code ?? ''} ${err?.message ?? ''}`.trim();
}

/**
 * The limits (login throttle, wrong codes and tokens per user and address, per-tenant caps) are tested elsewhere;
 * here they would turn every later request into a 429 and hide the paths behind it, so they are raised. The
 * per-session limit on wrong codes stays: the code fuzz works with it.
 */
const GENEROUS_LIMITS = {
  LOGIN_MAX_FAILURES_PER_USER: '1000',
  LOGIN_MAX_FAILURES_PER_IP: '100000',
  CODE_MAX_FAILURES_PER_USER: '10000',
  CODE_MAX_FAILURES_PER_IP: '100000',
  TOKEN_MAX_FAILURES_PER_IP: '100000',
  TENANT_CONNECTS_PER_MINUTE: '100000',
  TENANT_CONNECTION_TESTS_PER_MINUTE: '100000',
  TENANT_API_TOKENS_PER_MINUTE: '100000',
};

export async function startFuzzApp(env: Record<string, string> = {}): Promise<FuzzApp> {
  const t = await startTestApp({ env: { ...GENEROUS_LIMITS, ...env } });
  const acme = await signIn(t.app, 'admin', 'admin');
  const created = await asUser(t, acme).post('/api/v1/api-tokens', { name: 'fuzz' });
  expect(created.statusCode).toBe(201);
  const acmeToken = created.json<CreatedApiToken>().token;
  const logsBefore = () => t.logs.filter((line) => line.includes('"unexpected error"')).length;
  let baseline = logsBefore();

  async function callerHeaders(caller: Caller, route?: RouteSpec): Promise<Record<string, string>> {
    const host = hostOf('acme');
    if (caller === 'anonymous') return { host };
    if (caller === 'acme-bearer') return { host, authorization: `Bearer ${acmeToken}` };
    const who = route && SESSION_ENDING.has(routeKey(route)) ? await signIn(t.app, 'admin', 'admin') : acme;
    return caller === 'acme'
      ? { host, cookie: who.cookie, 'x-csrf-token': who.csrfToken }
      : { host, cookie: who.cookie };
  }

  return {
    t,
    acme,
    acmeToken,
    callerHeaders,
    async send(request) {
      const response = await t.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
      assertWellBehaved(request, response, response.statusCode >= 500 ? lastUnexpectedError(t) : undefined);
      return response;
    },
    async expectAlive() {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      const logged = logsBefore() - baseline;
      baseline += logged; // report each unexpected error once
      expect(logged, 'unexpected errors were logged').toBe(0);
    },
    close: () => t.close(),
  };
}
