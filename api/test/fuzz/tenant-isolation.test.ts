import { parseMs365Code } from '@ecm365/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn } from '../support/test-app.js';
import { otherInputs, type CrossCaller } from './arbitraries/other-tenant.js';
import { startFuzzApp, type FuzzApp } from './support/fuzz-app.js';
import { fuzzParameters, fuzzTimeout } from './support/fuzz-parameters.js';
import {
  OTHER_ACCOUNT,
  OTHER_TENANT_NAME,
  setUpOtherTenant,
  snapshotOf,
  type OtherTenant,
} from './support/other-tenant.js';
import {
  DOCUMENTED_ROUTES,
  EXAMPLE_BODIES,
  SESSION_ENDING,
  routeKey,
  urlOf,
  type RouteSpec,
} from './support/routes.js';

let fz: FuzzApp;
let other: OtherTenant;
let before: string;

type OtherInput = { attemptId: string; id: string; code: string; caller: CrossCaller };
beforeAll(async () => {
  fz = await startFuzzApp();
  other = await setUpOtherTenant(fz.t);
  before = await snapshotOf(fz.t, other);
});
afterAll(() => fz.close());

/**
 * The headers of a caller. Signing in or out ends the session presented (the holder of a session id may always
 * end it), so those routes get throwaway sessions of the same tenants.
 */
async function headersOf(caller: CrossCaller, route: RouteSpec): Promise<Record<string, string>> {
  const fresh = SESSION_ENDING.has(routeKey(route));
  const acme = fresh ? await signIn(fz.t.app, 'admin', 'admin') : fz.acme;
  const otherAdmin = fresh ? await signIn(fz.t.app, 'admin', 'admin', 'other') : other.admin;
  const acmeHost = hostOf('acme');
  const session = (who: typeof acme, host: string, csrf = who.csrfToken) => ({
    host,
    cookie: who.cookie,
    'x-csrf-token': csrf,
  });
  switch (caller) {
    case 'acme-session':
      return session(acme, acmeHost);
    case 'acme-bearer':
      return { host: acmeHost, authorization: `Bearer ${fz.acmeToken}` };
    case 'other-session-on-acme-host':
      return session(otherAdmin, acmeHost);
    case 'acme-session-with-other-csrf':
      return session(acme, acmeHost, otherAdmin.csrfToken);
    case 'acme-session-on-other-host':
      return session(acme, hostOf('other'));
    case 'acme-bearer-on-other-host':
      return { host: hostOf('other'), authorization: `Bearer ${fz.acmeToken}` };
  }
}

/** Credentials that must not authenticate: a session or token on another tenant's host, or another session's CSRF token. */
function rejectedCredentials(route: RouteSpec, caller: CrossCaller): boolean {
  if (['other-session-on-acme-host', 'acme-session-on-other-host', 'acme-bearer-on-other-host'].includes(caller))
    return true;
  return caller === 'acme-session-with-other-csrf' && route.method !== 'GET';
}

/** Does the request carry something of `other` that the route would act on? Then it must not succeed. */
function targetsOther(route: RouteSpec, caller: CrossCaller, params: Omit<OtherInput, 'caller'>) {
  if (route.security === 'none') return false;
  if (rejectedCredentials(route, caller)) return true;
  if (route.params.includes('attemptId'))
    return [other.codeAttemptId, other.pendingAttemptId].includes(params.attemptId);
  if (route.params.includes('id')) return params.id === other.apiTokenId;
  if (routeKey(route) === 'POST /api/v1/ms365/connection') return parseMs365Code(params.code).ok;
  return false;
}

/** What of `other` must never appear in a reply to acme's side (unless the request itself contained it). */
const otherSecrets = () => [
  other.code,
  other.apiToken,
  other.codeAttemptId,
  other.pendingAttemptId,
  other.apiTokenId,
  OTHER_ACCOUNT,
  OTHER_TENANT_NAME,
];

/** One request of acme's side carrying `other`'s ids, code or credentials, and the checks on its reply. */
async function tryOthersInput(route: RouteSpec, input: OtherInput): Promise<void> {
  const example = EXAMPLE_BODIES[routeKey(route)];
  const body = example && 'code' in example ? { code: input.code } : example;
  const sent = {
    method: route.method,
    url: urlOf(route, input),
    headers: { ...(await headersOf(input.caller, route)), 'content-type': 'application/json' },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  };
  const response = await fz.send(sent);
  const what = `${routeKey(route)} as ${input.caller}`;
  if (targetsOther(route, input.caller, input) && response.statusCode < 300)
    throw new Error(`${what} with other's input answered ${response.statusCode}`);
  const requested = JSON.stringify(sent);
  for (const secret of otherSecrets()) {
    if (response.body.includes(secret) && !requested.includes(secret))
      throw new Error(`${what} revealed ${secret}: ${response.body.slice(0, 300)}`);
  }
}

describe('tenant isolation', () => {
  it(
    "another tenant's attempt ids, API token id, MS365 code and credentials get nowhere on any route",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...DOCUMENTED_ROUTES), otherInputs(other), tryOthersInput),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );

  it("leaves the other tenant's data as it was: code still redeemable, connection and token unchanged", async () => {
    await fz.expectAlive();
    expect(await snapshotOf(fz.t, other)).toBe(before);
    const user = asUser(fz.t, other.admin);
    expect((await user.get(`/api/v1/ms365/connect/${other.pendingAttemptId}`)).json().status).toBe('pending');
    const status = await fz.t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/connection',
      headers: { host: hostOf('other'), authorization: `Bearer ${other.apiToken}` },
    });
    expect(status.json()).toMatchObject({ status: 'connected', account: { username: OTHER_ACCOUNT } });
    expect((await user.post('/api/v1/ms365/connection', { code: other.code })).statusCode).toBe(200);
  });
});
