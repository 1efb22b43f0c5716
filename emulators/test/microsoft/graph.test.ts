import type { Client } from '@microsoft/microsoft-graph-client';
import type { ConfidentialClientApplication } from '@azure/msal-node';
import { fetch, type Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningMicrosoftEmulator } from '../../src/microsoft/index.js';
import {
  connect,
  createGraphClient,
  createMsalClient,
  graphErrorOf,
  startTestEmulator,
  trustingAgent,
} from './support.js';

let emulator: RunningMicrosoftEmulator;
let agent: Agent;
const tokens = new Map<string, string>();

beforeAll(async () => {
  emulator = await startTestEmulator();
  agent = trustingAgent(emulator);
  for (const upn of ['admin@contoso.example', 'ohne-zugriff@contoso.example']) {
    const msal: ConfidentialClientApplication = createMsalClient(emulator, agent);
    tokens.set(upn, (await connect(emulator, msal, agent, upn)).accessToken);
  }
});
afterAll(async () => {
  await agent.close();
  await emulator.close();
});
beforeEach(() => emulator.controls.reset());

function graphAs(upn: string): Client {
  const token = tokens.get(upn);
  if (!token) throw new Error(`no token for ${upn}`);
  return createGraphClient(emulator, agent, async () => token);
}

async function rawGet(path: string, token?: string) {
  const response = await fetch(`${emulator.origin}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    dispatcher: agent,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('GET /me', () => {
  it('should return the signed-in user', async () => {
    const me = (await graphAs('admin@contoso.example').api('/me').get()) as Record<string, unknown>;
    expect(me).toMatchObject({
      id: '9fbf7154-ff88-4fac-9676-e456169129c5',
      displayName: 'Anna Admin',
      userPrincipalName: 'admin@contoso.example',
      mail: 'admin@contoso.example',
    });
  });

  it('should answer a missing, forged or expired token with 401 InvalidAuthenticationToken', async () => {
    expect((await rawGet('/v1.0/me')).status).toBe(401);
    const forged = `${tokens.get('admin@contoso.example') ?? ''}x`;
    const answer = await rawGet('/v1.0/me', forged);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    expect(answer.body.error).toHaveProperty('innerError.request-id');
    expect(answer.body.error).toHaveProperty('innerError.client-request-id');
    expect(answer.body.error).toHaveProperty('innerError.date');

    emulator.controls.setTokenLifetimes({ accessTokenSeconds: 1 });
    const shortLived = (await connect(emulator, createMsalClient(emulator, agent), agent)).accessToken;
    const { exp } = JSON.parse(Buffer.from(shortLived.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    const expired = await rawGet('/v1.0/me', shortLived);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { message: 'Lifetime validation failed, the token is expired.' } });
  });
});

describe('the invoice mailbox', () => {
  const inbox = '/users/rechnungen@contoso.example/mailFolders/inbox';

  it('should open for a user with access and Mail.ReadWrite.Shared', async () => {
    const folder = (await graphAs('admin@contoso.example').api(inbox).get()) as Record<string, unknown>;
    expect(folder).toMatchObject({ displayName: 'Posteingang', totalItemCount: 4, unreadItemCount: 3 });
  });

  it('should list messages with $top and $select, and a nextLink', async () => {
    const page = (await graphAs('admin@contoso.example')
      .api(`${inbox}/messages`)
      .top(2)
      .select(['subject', 'hasAttachments'])
      .get()) as { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string };
    expect(page.value).toHaveLength(2);
    expect(Object.keys(page.value[0] ?? {}).sort()).toEqual(['@odata.etag', 'hasAttachments', 'id', 'subject']);
    expect(page['@odata.nextLink']).toContain('%24skip=2');
  });

  it('should answer 403 ErrorAccessDenied to a user without access', async () => {
    const err = await graphErrorOf(graphAs('ohne-zugriff@contoso.example').api(inbox).get());
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('ErrorAccessDenied');
    expect(err.message).toBe('Access is denied. Check credentials and try again.');
  });

  it('should follow setMailboxAccess both ways', async () => {
    emulator.controls.setMailboxAccess('ohne-zugriff@contoso.example', 'rechnungen@contoso.example', true);
    await expect(graphAs('ohne-zugriff@contoso.example').api(inbox).get()).resolves.toBeTruthy();
    emulator.controls.setMailboxAccess('admin@contoso.example', 'rechnungen@contoso.example', false);
    expect((await graphErrorOf(graphAs('admin@contoso.example').api(inbox).get())).statusCode).toBe(403);
  });

  it('should answer 404 ErrorInvalidUser for an unknown mailbox', async () => {
    const err = await graphErrorOf(
      graphAs('admin@contoso.example').api('/users/gibtsnicht@contoso.example/mailFolders/inbox').get(),
    );
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('ErrorInvalidUser');
  });

  it('should open the own mailbox', async () => {
    const folder = (await graphAs('ohne-zugriff@contoso.example').api('/me/mailFolders/inbox').get()) as Record<
      string,
      unknown
    >;
    expect(folder.displayName).toBe('Posteingang');
  });
});

describe('throttling and failures', () => {
  it('should answer 429 with Retry-After and a Graph error body', async () => {
    emulator.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 7 });
    const answer = await rawGet('/v1.0/me', tokens.get('admin@contoso.example'));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect((await rawGet('/v1.0/me', tokens.get('admin@contoso.example'))).status).toBe(200);
  });

  it("should let the Graph client's retry handler honour Retry-After and succeed", async () => {
    emulator.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 1, path: '/v1.0/me' });
    const started = Date.now();
    await expect(graphAs('admin@contoso.example').api('/me').get()).resolves.toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(emulator.controls.stats().graphRequests['/v1.0/me']).toBe(2);
  });

  it('should surface a 503 once the retries are used up', async () => {
    emulator.controls.failNext({ target: 'graph', status: 503, retryAfterSeconds: 0, times: 10 });
    const err = await graphErrorOf(graphAs('admin@contoso.example').api('/me').get());
    expect(err.statusCode).toBe(503);
    expect(emulator.controls.stats().graphRequests['/v1.0/me']).toBe(4);
  });

  it('should only fail requests below the given path', async () => {
    emulator.controls.failNext({ target: 'graph', status: 500, path: '/v1.0/users' });
    await expect(graphAs('admin@contoso.example').api('/me').get()).resolves.toBeTruthy();
    expect(
      (await rawGet('/v1.0/users/rechnungen@contoso.example/mailFolders/inbox', tokens.get('admin@contoso.example')))
        .status,
    ).toBe(500);
  });

  it('should delay responses by the configured latency', async () => {
    emulator.controls.setLatency({ target: 'graph', ms: 300 });
    const started = Date.now();
    await graphAs('admin@contoso.example').api('/me').get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
