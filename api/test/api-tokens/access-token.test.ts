import { Agent, fetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

const PER_MINUTE = 25;
let t: TestApp;
let admin: SignedIn;
let graphAgent: Agent;
beforeAll(async () => {
  t = await startTestApp({ env: { ACCESS_TOKENS_PER_MINUTE: String(PER_MINUTE) } });
  admin = await signIn(t.app, 'admin', 'admin');
  graphAgent = new Agent({ connect: { ca: t.microsoft.caCertPem } });
});
afterEach(async () => {
  t.microsoft.controls.reset();
  await asUser(t, admin).delete('/api/v1/ms365/connection');
});
afterAll(async () => {
  await graphAgent.close();
  await t.close();
});

async function createToken(scopes: string[]): Promise<{ id: string; token: string }> {
  const response = await asUser(t, admin).post('/api/v1/api-tokens', { name: 'ELO-Skript', scopes });
  expect(response.statusCode).toBe(201);
  return response.json();
}

const fetchToken = (token: string, payload?: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/ms365/connection/access-token',
    headers: { host: hostOf('acme'), authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });

const refreshGrants = () => t.microsoft.controls.stats().tokenRequests.refresh_token ?? 0;

/**
 * A connection whose cached access token is inside MSAL's five-minute margin (200 s lifetime), while Microsoft now
 * issues hour-long ones: the next caller must refresh, once, and everyone after it gets the refreshed token.
 */
async function connectWithTokenDueForRefresh() {
  t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 200 });
  const redeemed = await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
  expect(redeemed.json().test.ok).toBe(true);
  t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 3600 });
}

describe('POST /api/v1/ms365/connection/access-token (SPEC §10)', () => {
  it('hands an API token with ms365:token a Graph token that Graph accepts for /me, valid ≥ 5 more minutes', async () => {
    await connectWithTokenDueForRefresh();
    const { token } = await createToken(['ms365:token']);
    const response = await fetchToken(token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', account: { username: 'admin@contoso.example' } });
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(5 * 60_000);

    const me = await fetch(`${t.microsoft.graphBaseUrl}v1.0/me`, {
      headers: { authorization: `Bearer ${body.accessToken}` },
      dispatcher: graphAgent,
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { userPrincipalName: string }).userPrincipalName).toBe('admin@contoso.example');
  });

  it('20 concurrent callers cause exactly one refresh at Microsoft’s token endpoint', async () => {
    await connectWithTokenDueForRefresh();
    const { token } = await createToken(['ms365:token']);
    const before = refreshGrants();
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetchToken(token)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(20).fill(200));
    expect(refreshGrants() - before).toBe(1);
    const tokens = new Set(answers.map((answer) => answer.json().accessToken as string));
    expect(tokens.size).toBe(1);
    // The rotated refresh token was stored: the connection still works afterwards.
    expect((await asUser(t, admin).post('/api/v1/ms365/connection/test')).json().ok).toBe(true);
  });

  it('is refused to browser sessions and to tokens without ms365:token (403 insufficient_scope)', async () => {
    await connectWithTokenDueForRefresh();
    const session = await asUser(t, admin).post('/api/v1/ms365/connection/access-token', {});
    expect(session.statusCode).toBe(403);
    expect(session.json().error).toMatchObject({ code: 'insufficient_scope', details: { scope: 'ms365:token' } });

    const { token } = await createToken(['ms365:read', 'ms365:write']);
    const refused = await fetchToken(token, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'insufficient_scope', details: { scope: 'ms365:token' } });
    expect(refused.json().error.message).toContain('ms365:token');
  });

  it('answers 409 not_connected and needs_reauth with the German hint', async () => {
    const { token } = await createToken(['ms365:token']);
    const none = await fetchToken(token);
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({
      code: 'not_connected',
      details: { hint: expect.stringContaining('Einrichtung') },
    });

    await connectWithTokenDueForRefresh();
    // The refresh token expires now: the refresh fails with invalid_grant (AADSTS700082).
    t.microsoft.controls.setTokenLifetimes({ refreshTokenSeconds: 0 });
    const expired = await fetchToken(token);
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error).toMatchObject({
      code: 'needs_reauth',
      details: { hint: expect.stringContaining('erneut einrichten') },
    });
    // The refusal is recorded at once (status, ms365.connection.needs_reauth event), and later callers are told
    // without asking Microsoft again.
    expect((await asUser(t, admin).get('/api/v1/ms365/connection')).json().status).toBe('needs_reauth');
    const events = await t.database.db.selectFrom('outboxEvents').select('type').execute();
    expect(events.map((event) => event.type)).toContain('ms365.connection.needs_reauth');
    const before = t.microsoft.controls.stats().tokenRequests.refresh_token ?? 0;
    expect((await fetchToken(token)).json().error.code).toBe('needs_reauth');
    expect(t.microsoft.controls.stats().tokenRequests.refresh_token ?? 0).toBe(before);
  });

  it('with a feature: asks only for its permissions, 409 needs_reauth when the connection lacks them', async () => {
    await connectWithTokenDueForRefresh();
    const { token } = await createToken(['ms365:token']);
    const response = await fetchToken(token, { feature: 'invoice-mail-import' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'needs_reauth',
      details: { missingScopes: ['Mail.ReadWrite.Shared'] },
    });
    expect((await fetchToken(token, { feature: 'no-such-feature' })).statusCode).toBe(400);
  });

  it('audits every issuance (who, which token, when) and never stores or logs the access token', async () => {
    await connectWithTokenDueForRefresh();
    const { id, token } = await createToken(['ms365:token']);
    const logsBefore = t.logs.length;
    const issued = (await fetchToken(token)).json();
    const rows = await t.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'ms365.access_token')
      .execute();
    const row = rows.find((candidate) => (candidate.details as { tokenId?: string }).tokenId === id);
    expect(row).toMatchObject({ actor: 'admin', outcome: 'success', tenantSlug: 'acme' });
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(JSON.stringify(rows)).not.toContain(issued.accessToken);
    expect(t.logs.slice(logsBefore).join('\n')).not.toContain(issued.accessToken);
  });

  it(`limits each API token to ${PER_MINUTE} issuances a minute (429 with Retry-After), others unaffected`, async () => {
    await connectWithTokenDueForRefresh();
    const { token } = await createToken(['ms365:token']);
    const other = await createToken(['ms365:token']);
    for (let i = 0; i < PER_MINUTE; i++) expect((await fetchToken(token)).statusCode).toBe(200);
    const limited = await fetchToken(token);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error.code).toBe('too_many_attempts');
    expect((await fetchToken(other.token)).statusCode).toBe(200);
  });
});
