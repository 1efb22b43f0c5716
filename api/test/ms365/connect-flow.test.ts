import {
  parseMs365Code,
  type ConnectionResponse,
  type ConnectionTestResponse,
  type RedeemResponse,
} from '@ecm365/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { asUser, obtainCode, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterEach(async () => {
  t.microsoft.controls.reset();
  await asUser(t, admin).delete('/api/v1/ms365/connection');
  await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', { enabled: false, mailbox: null });
});
afterAll(() => t.close());

const refreshGrants = () => t.microsoft.controls.stats().tokenRequests.refresh_token ?? 0;
const connectionOf = async () => (await asUser(t, admin).get('/api/v1/ms365/connection')).json<ConnectionResponse>();

describe('the Microsoft 365 connection, end to end over HTTP', () => {
  it('connect → consent → callback → MS365 code → redeem → test → disconnect', async () => {
    const user = asUser(t, admin);
    expect(await connectionOf()).toMatchObject({ status: 'not_connected' });

    const started = await user.post('/api/v1/ms365/connect');
    expect(started.statusCode).toBe(201);
    const { attemptId, connectorUrl, expiresAt } = started.json();
    expect(connectorUrl).toBe(`http://acme.ecm365.test/connector/${attemptId}`);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect((await user.get(`/api/v1/ms365/connect/${attemptId}`)).json()).toMatchObject({ status: 'pending' });

    const walked = await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' }, attemptId);
    expect(walked.connectorLocation).toBe(connectorUrl);
    expect(walked.attempt).toMatchObject({ status: 'code_ready', attemptId });

    const shown = await user.get(`/api/v1/ms365/connect/${attemptId}/code`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    const { code } = shown.json();
    expect(parseMs365Code(code)).toEqual({ ok: true, canonical: code });

    const redeemed = await user.post('/api/v1/ms365/connection', { code: `  ${code.toLowerCase()} ` });
    expect(redeemed.statusCode).toBe(200);
    const body = redeemed.json<RedeemResponse>();
    expect(body.test).toMatchObject({
      ok: true,
      checks: [
        { id: 'token', ok: true },
        { id: 'profile', ok: true },
      ],
    });
    expect(body.test.checks[1]?.message).toBe('Verbunden als Anna Admin (admin@contoso.example).');
    expect(body.connection).toMatchObject({
      status: 'connected',
      account: { username: 'admin@contoso.example', displayName: 'Anna Admin' },
      connectedBy: 'admin',
      lastTest: body.test,
    });
    expect(body.connection.scopes).toEqual(expect.arrayContaining(['User.Read']));
    // The answer is the connection as GET says it: the portal needs no second request.
    expect(body.connection).toEqual(await connectionOf());

    expect((await user.get(`/api/v1/ms365/connect/${attemptId}`)).json()).toMatchObject({ status: 'redeemed' });
    expect((await user.get(`/api/v1/ms365/connect/${attemptId}/code`)).json().error.code).toBe('code_redeemed');

    const checkedAt = Date.parse((await connectionOf()).lastCheckedAt as string); // by the test at redemption
    expect(checkedAt).not.toBeNaN();
    t.clock.advance(60_000);
    onTestFinished(() => t.clock.advance(-60_000));
    const retest = await user.post('/api/v1/ms365/connection/test');
    expect(retest.statusCode).toBe(200);
    const { connection: tested, ...result } = retest.json<ConnectionTestResponse>();
    expect(result).toMatchObject({ ok: true, checks: [{ id: 'token' }, { id: 'profile' }] });
    // With the connection this test left, as GET says it (its last test is this one, checked a minute later).
    expect(tested).toEqual(await connectionOf());
    expect(tested.lastTest).toEqual(result);
    expect(Date.parse(tested.lastCheckedAt as string)).toBeGreaterThanOrEqual(checkedAt + 60_000);

    const removed = await user.delete('/api/v1/ms365/connection');
    expect(removed.statusCode).toBe(204);
    expect(await connectionOf()).toMatchObject({ status: 'not_connected' });
    expect((await user.post('/api/v1/ms365/connection/test')).json().error.code).toBe('not_connected');
    const remaining = await t.database.db.selectFrom('ms365Connections').select('tenantId').execute();
    expect(remaining).toEqual([]);
  });

  it('asks for Mail.ReadWrite.Shared only when the invoice import is enabled', async () => {
    const user = asUser(t, admin);
    const scopeOf = async () => {
      const { attemptId } = (await user.post('/api/v1/ms365/connect')).json();
      const location = (await user.get(`/api/v1/ms365/connect/${attemptId}/authorize`)).headers.location as string;
      return new URL(location).searchParams.get('scope')?.split(' ') ?? [];
    };
    const base = await scopeOf();
    expect(base).toEqual(expect.arrayContaining(['User.Read', 'openid', 'profile', 'offline_access']));
    expect(base).not.toContain('Mail.ReadWrite.Shared');
    await user.put('/api/v1/ms365/features/invoice-mail-import', {
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
    });
    expect(await scopeOf()).toContain('Mail.ReadWrite.Shared');
  });

  it('sends state, nonce and a PKCE S256 challenge to Microsoft', async () => {
    const user = asUser(t, admin);
    const { attemptId } = (await user.post('/api/v1/ms365/connect')).json();
    const location = new URL(
      (await user.get(`/api/v1/ms365/connect/${attemptId}/authorize`)).headers.location as string,
    );
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')?.length).toBeGreaterThan(40);
    expect(location.searchParams.get('nonce')?.length).toBeGreaterThan(10);
    expect(location.searchParams.get('redirect_uri')).toBe('http://ecm365.test/api/v1/ms365/callback');
  });

  it('tests the invoice mailbox: ok for a user with access, the WICHTIG warning for one without', async () => {
    const user = asUser(t, admin);
    const settings = await user.put('/api/v1/ms365/features/invoice-mail-import', {
      enabled: true,
      mailbox: 'Rechnungen@Contoso.example',
    });
    expect(settings.json()).toMatchObject({
      id: 'invoice-mail-import',
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
      scopes: ['Mail.ReadWrite.Shared'],
    });

    const withAccess = (
      await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin, 'admin@contoso.example') })
    ).json<RedeemResponse>();
    expect(withAccess.test.ok).toBe(true);
    expect(withAccess.test.checks.at(-1)).toEqual({
      id: 'invoice-mail-import.mailbox',
      ok: true,
      message: 'Zugriff auf das Postfach rechnungen@contoso.example funktioniert.',
      code: 'check.mailbox_ok',
      params: { mailbox: 'rechnungen@contoso.example' },
    });

    // „Verbindung erneut einrichten“ with a Microsoft user who cannot open the mailbox replaces the connection.
    const withoutAccess = (
      await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin, 'ohne-zugriff@contoso.example') })
    ).json<RedeemResponse>();
    expect(withoutAccess.connection).toMatchObject({
      status: 'error',
      account: { username: 'ohne-zugriff@contoso.example' },
    });
    const mailbox = withoutAccess.test.checks.find((check) => check.id === 'invoice-mail-import.mailbox');
    expect(mailbox).toMatchObject({
      ok: false,
      message:
        'Der verbundene Microsoft-365-Benutzer ohne-zugriff@contoso.example hat keinen Zugriff auf das Postfach rechnungen@contoso.example.',
    });
    expect(mailbox?.hint).toMatch(
      /^WICHTIG: Der Benutzer, mit dem Sie die Microsoft 365 Verbindung herstellen, muss unbedingt/,
    );
    expect(mailbox).toMatchObject({
      code: 'check.mailbox_denied',
      params: { upn: 'ohne-zugriff@contoso.example', mailbox: 'rechnungen@contoso.example' },
      hintCode: 'hint.mailbox_access',
      hintParams: {},
    });
    expect((await connectionOf()).lastFailure).toMatchObject({
      reason: 'invoice-mail-import.mailbox',
      code: 'check.mailbox_denied',
    });

    // The same status for a client asking for English: the stored result rendered anew from its codes.
    const english = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/ms365/connection',
        headers: { host: admin.host, cookie: admin.cookie, 'accept-language': 'en-US,en;q=0.9' },
      })
    ).json<ConnectionResponse>();
    expect(english.lastFailure?.message).toBe(
      'The connected Microsoft 365 user ohne-zugriff@contoso.example has no access to the mailbox rechnungen@contoso.example.',
    );
    expect(english.lastTest?.checks.find((check) => !check.ok)?.hint).toMatch(/^IMPORTANT: The user you connect/);

    // Testing again in English: the result and the connection that comes with it, both in English.
    const retested = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/ms365/connection/test',
        headers: { host: admin.host, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
      })
    ).json<ConnectionTestResponse>();
    expect(retested.checks.find((check) => !check.ok)?.message).toBe(english.lastFailure?.message);
    expect(retested.connection.lastFailure?.message).toBe(english.lastFailure?.message);
    expect(retested.connection.lastTest?.checks.find((check) => !check.ok)?.hint).toMatch(/^IMPORTANT: The user/);
  });

  it.each(['resource', 'resource_lowercase'] as const)(
    'passes the mailbox check when Microsoft writes the granted scopes in the %s style, and shows them short',
    async (style) => {
      const user = asUser(t, admin);
      await user.put('/api/v1/ms365/features/invoice-mail-import', {
        enabled: true,
        mailbox: 'rechnungen@contoso.example',
      });
      t.microsoft.controls.setScopeStyle(style);
      const redeemed = (
        await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) })
      ).json<RedeemResponse>();
      const stored = await t.database.db.selectFrom('ms365Connections').select('scopes').executeTakeFirstOrThrow();
      expect(stored.scopes).toContain(
        style === 'resource'
          ? 'https://graph.microsoft.com/Mail.ReadWrite.Shared'
          : 'https://graph.microsoft.com/mail.readwrite.shared',
      );
      expect(redeemed.test.checks.at(-1)).toMatchObject({ id: 'invoice-mail-import.mailbox', ok: true });
      expect(redeemed.connection.status).toBe('connected');
      expect(redeemed.connection.scopes).toEqual(expect.arrayContaining(['User.Read', 'Mail.ReadWrite.Shared']));
      // And again later, through a refresh that keeps Microsoft's spelling.
      expect((await user.post('/api/v1/ms365/connection/test')).json().ok).toBe(true);
    },
  );

  it('reports a mailbox that is enabled after connecting without the permission, with the way out', async () => {
    const user = asUser(t, admin);
    await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    await user.put('/api/v1/ms365/features/invoice-mail-import', {
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
    });
    const test = (await user.post('/api/v1/ms365/connection/test')).json();
    expect(test.checks.at(-1)).toMatchObject({ ok: false, message: expect.stringContaining('Mail.ReadWrite.Shared') });
    expect(test.checks.at(-1).hint).toContain('Verbindung erneut einrichten');
  });

  it('refreshes expiring tokens, persisting each rotated refresh token', async () => {
    const user = asUser(t, admin);
    // Access tokens that expire within MSAL's five-minute margin: every test must refresh.
    t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    const cacheBefore = (
      await t.database.db.selectFrom('ms365Connections').select('tokenCache').executeTakeFirstOrThrow()
    ).tokenCache;
    const grantsBefore = refreshGrants();
    for (let i = 0; i < 3; i++) expect((await user.post('/api/v1/ms365/connection/test')).json().ok).toBe(true);
    // The emulator rotates strictly: three successful refreshes in a row prove each new refresh token was stored.
    expect(refreshGrants() - grantsBefore).toBeGreaterThanOrEqual(3);
    const cacheAfter = (
      await t.database.db.selectFrom('ms365Connections').select('tokenCache').executeTakeFirstOrThrow()
    ).tokenCache;
    expect(cacheAfter).not.toBe(cacheBefore);
  });

  it('serialises concurrent refreshes of one connection so no rotated token is lost', async () => {
    const user = asUser(t, admin);
    t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    const refreshesBefore = refreshGrants();
    const results = await Promise.all(Array.from({ length: 8 }, () => user.post('/api/v1/ms365/connection/test')));
    expect(results.map((result) => result.json().ok)).toEqual(Array(8).fill(true));
    expect((await user.post('/api/v1/ms365/connection/test')).json().ok).toBe(true);
    expect(refreshGrants() - refreshesBefore).toBeGreaterThanOrEqual(9);
  });

  it('turns a revoked refresh token into needs_reauth with the way out', async () => {
    const user = asUser(t, admin);
    t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    const test = (await user.post('/api/v1/ms365/connection/test')).json<ConnectionTestResponse>();
    expect(test).toMatchObject({ ok: false, checks: [{ id: 'token', ok: false }] });
    expect(test.checks[0]?.hint).toContain('Verbindung erneut einrichten');
    // The status the test changed comes with its answer.
    expect(test.connection).toMatchObject({ status: 'needs_reauth', lastFailure: { reason: 'token' } });
    expect(test.connection).toEqual(await connectionOf());
  });

  it('validates the feature settings', async () => {
    const user = asUser(t, admin);
    for (const payload of [
      { enabled: true, mailbox: null },
      { enabled: true, mailbox: 'not-an-address' },
      { enabled: 'yes', mailbox: 'rechnungen@contoso.example' },
      { enabled: true, mailbox: 'rechnungen@contoso.example', extra: 1 },
    ]) {
      const response = await user.put('/api/v1/ms365/features/invoice-mail-import', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect((await connectionOf()).features).toEqual([
      { id: 'invoice-mail-import', enabled: false, mailbox: null, scopes: ['Mail.ReadWrite.Shared'] },
    ]);
  });
});
