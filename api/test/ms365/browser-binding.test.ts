import { answerConsentPage } from '@ecm365/emulators';
import type { AttemptResponse, ConnectResponse } from '@ecm365/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
  const created = await asUser(t, admin).post('/api/v1/api-tokens', { name: 'ELO script' });
  token = created.json<{ token: string }>().token;
});
afterAll(() => t.close());

const ACME = hostOf('acme');

/** The integrator: API token, no browser. */
const integrator = (method: 'GET' | 'POST', url: string) =>
  t.app.inject({ method, url, headers: { host: ACME, authorization: `Bearer ${token}` } });

/** A browser with its own cookie jar (only the connector binding cookie matters here), no portal session. */
function browser() {
  let binding: string | undefined;
  const remember = (response: LightMyRequestResponse) => {
    const set = response.cookies.find((cookie) => cookie.name === 'ecm365_connector');
    if (set) binding = set.value;
    return response;
  };
  const get = async (url: string) => {
    const target = new URL(url, `http://${ACME}`);
    return remember(
      await t.app.inject({
        method: 'GET',
        url: target.pathname + target.search,
        headers: { host: target.host, ...(binding ? { cookie: `ecm365_connector=${binding}` } : {}) },
      }),
    );
  };
  return { get, binding: () => binding };
}

async function startAsIntegrator(): Promise<ConnectResponse> {
  const started = await integrator('POST', '/api/v1/ms365/connect');
  expect(started.statusCode).toBe(201);
  return started.json<ConnectResponse>();
}

/** In the browser: „Verbindung herstellen“ → Microsoft (consent as admin) → Microsoft's redirect back to us. */
async function toMicrosoftAndBack(owner: ReturnType<typeof browser>, attemptId: string): Promise<string> {
  const authorize = await owner.get(`/api/v1/ms365/connect/${attemptId}/authorize`);
  expect(authorize.statusCode).toBe(302);
  const { location } = await answerConsentPage(authorize.headers.location as string, {
    account: 'admin@contoso.example',
    action: 'accept',
  });
  return location;
}

/** The callback lands on the public host and hops to the tenant host; follows both like a browser would. */
async function followCallback(visitor: ReturnType<typeof browser>, location: string): Promise<string> {
  let url = location;
  for (let hop = 0; hop < 3 && new URL(url).pathname.startsWith('/api/v1/ms365/callback'); hop++) {
    const response = await visitor.get(url);
    expect(response.statusCode).toBe(303);
    url = response.headers.location as string;
  }
  return url;
}

describe('an attempt started with an API token belongs to the first browser that opens its connector link', () => {
  it('is opened by one browser, refused to every other, and completed only by the first', async () => {
    const { attemptId, connectorUrl } = await startAsIntegrator();
    expect(new URL(connectorUrl).host).toBe(ACME);

    const first = browser();
    const opened = await first.get(`/api/v1/ms365/connect/${attemptId}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json<AttemptResponse>().status).toBe('pending');
    const cookie = opened.cookies.find((entry) => entry.name === 'ecm365_connector');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/ms365' });
    // Only its hash is kept.
    const stored = await t.database.db
      .selectFrom('ms365Attempts')
      .select('browserBindingHash')
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(stored.browserBindingHash).toBeTruthy();
    expect(stored.browserBindingHash).not.toBe(first.binding());

    const second = browser();
    const refused = await second.get(`/api/v1/ms365/connect/${attemptId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('session_mismatch');
    const refusedTrip = await second.get(`/api/v1/ms365/connect/${attemptId}/authorize`);
    expect(refusedTrip.statusCode).toBe(303);
    expect(refusedTrip.headers.location).toBe(`/connector/${attemptId}?error=session_mismatch`);

    // Microsoft's redirect forwarded to the second browser: nothing is redeemed there.
    const backFromMicrosoft = await toMicrosoftAndBack(first, attemptId);
    expect(await followCallback(second, backFromMicrosoft)).toBe(
      `http://${ACME}/connector/${attemptId}?error=session_mismatch`,
    );
    expect((await integrator('GET', `/api/v1/ms365/connect/${attemptId}`)).json().status).toBe('pending');

    // The first browser completes it; the integrator takes the code with its token.
    expect(await followCallback(first, backFromMicrosoft)).toBe(`http://${ACME}/connector/${attemptId}`);
    expect((await first.get(`/api/v1/ms365/connect/${attemptId}`)).json().status).toBe('code_ready');
    expect((await first.get(`/api/v1/ms365/connect/${attemptId}/code`)).statusCode).toBe(401);
    expect((await integrator('GET', `/api/v1/ms365/connect/${attemptId}/code`)).statusCode).toBe(200);
  });

  it('cannot be completed by a browser that never opened the connector link', async () => {
    const { attemptId } = await startAsIntegrator();
    // The integrator fetches Microsoft's URL itself and forwards it: the callback has no binding to match.
    const authorize = await integrator('GET', `/api/v1/ms365/connect/${attemptId}/authorize`);
    expect(authorize.statusCode).toBe(302);
    const { location } = await answerConsentPage(authorize.headers.location as string, {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    expect(await followCallback(browser(), location)).toBe(
      `http://${ACME}/connector/${attemptId}?error=session_mismatch`,
    );
    expect((await integrator('GET', `/api/v1/ms365/connect/${attemptId}`)).json().status).toBe('pending');
  });

  it("is not opened on another tenant's host, and a session's attempt is never opened by a browser", async () => {
    const { attemptId } = await startAsIntegrator();
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ms365/connect/${attemptId}`,
      headers: { host: hostOf('other') },
    });
    expect(elsewhere.statusCode).toBe(401);

    const own = (await asUser(t, admin).post('/api/v1/ms365/connect')).json<ConnectResponse>();
    const stranger = await browser().get(`/api/v1/ms365/connect/${own.attemptId}`);
    expect(stranger.statusCode).toBe(401);
    expect(stranger.cookies).toEqual([]);
  });
});
