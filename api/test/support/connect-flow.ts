import { answerConsentPage, type ConsentChoice as EmulatorConsentChoice } from '@ecm365/emulators';
import type { AttemptResponse, CodeResponse, ConnectResponse } from '@ecm365/shared';
import { Agent } from 'undici';
import { expect } from 'vitest';
import type { SignedIn, TestApp } from './test-app.js';

export interface ConsentChoice extends EmulatorConsentChoice {
  /** Stop at Microsoft's redirect back to us; the test follows it itself (`followCallback`). */
  stopBeforeCallback?: boolean;
}

export interface ConnectorResult {
  attemptId: string;
  /** Where the callback finally sent the browser (the connector window). */
  connectorLocation: string;
  /** Microsoft's redirect to our callback, with its authorization code and state (for leak checks). */
  microsoftRedirect: string;
  attempt: AttemptResponse;
}

const agents = new WeakMap<TestApp, Agent>();
function agentFor(t: TestApp): Agent {
  let agent = agents.get(t);
  if (!agent) {
    agent = new Agent({ connect: { ca: t.microsoft.caCertPem } });
    agents.set(t, agent);
  }
  return agent;
}

/** An unsafe request as the portal page makes it: cookie plus CSRF header. */
export function asUser(t: TestApp, who: SignedIn) {
  const headers = { host: who.host, cookie: who.cookie, 'x-csrf-token': who.csrfToken };
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload?: object) =>
      t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) }),
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers, payload }),
    delete: (url: string) => t.app.inject({ method: 'DELETE', url, headers }),
  };
}

/** Follows the app's redirects like a browser: only the cookie of the host the request goes to is sent. */
export async function followCallback(t: TestApp, who: SignedIn, location: string): Promise<string> {
  let url = new URL(location);
  for (let hop = 0; hop < 3; hop++) {
    if (!url.pathname.startsWith('/api/v1/ms365/callback')) return url.href;
    const response = await t.app.inject({
      method: 'GET',
      url: url.pathname + url.search,
      headers: { host: url.host, ...(url.host === who.host ? { cookie: who.cookie } : {}) },
    });
    expect(response.statusCode).toBe(303);
    url = new URL(response.headers.location as string);
  }
  throw new Error('too many callback hops');
}

/** „Verbindung herstellen“ in the connector window up to Microsoft's redirect back (and through our callback). */
export async function walkConnector(
  t: TestApp,
  who: SignedIn,
  choice: ConsentChoice,
  attemptId?: string,
): Promise<ConnectorResult> {
  const user = asUser(t, who);
  let id = attemptId;
  if (!id) {
    const started = await user.post('/api/v1/ms365/connect');
    expect(started.statusCode).toBe(201);
    id = started.json<ConnectResponse>().attemptId;
  }
  const authorize = await user.get(`/api/v1/ms365/connect/${id}/authorize`);
  expect(authorize.statusCode).toBe(302);
  const microsoftUrl = authorize.headers.location as string;
  expect(microsoftUrl.startsWith(t.microsoft.browserOrigin)).toBe(true);

  const { location: backToUs } = await answerConsentPage(microsoftUrl, { ...choice, dispatcher: agentFor(t) });
  const connectorLocation = choice.stopBeforeCallback ? backToUs : await followCallback(t, who, backToUs);
  const attempt = (await user.get(`/api/v1/ms365/connect/${id}`)).json<AttemptResponse>();
  return { attemptId: id, connectorLocation, attempt, microsoftRedirect: backToUs };
}

/** The connector window shows the MS365 code. */
export async function codeOf(t: TestApp, who: SignedIn, attemptId: string): Promise<string> {
  const response = await asUser(t, who).get(`/api/v1/ms365/connect/${attemptId}/code`);
  expect(response.statusCode).toBe(200);
  return response.json<CodeResponse>().code;
}

/** Connect, consent as `account`, and return the MS365 code (not yet redeemed). */
export async function obtainCode(t: TestApp, who: SignedIn, account = 'admin@contoso.example'): Promise<string> {
  const result = await walkConnector(t, who, { account, action: 'accept' });
  expect(result.attempt.status).toBe('code_ready');
  return codeOf(t, who, result.attemptId);
}
