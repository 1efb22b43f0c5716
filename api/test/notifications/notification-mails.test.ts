import { startSmtpSink, type RunningSmtpSink } from '@ecm365/emulators';
import type { ConnectionResponse } from '@ecm365/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { appendFailedImport, handMonitor, tenantIdOf } from '../support/events.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let sink: RunningSmtpSink;
let admin: SignedIn;
let acmeId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({
    env: {
      SMTP_URL: sink.smtpUrl,
      SUPPORT_EMAIL: 'support@ecm.test',
      MAIL_FROM: 'ecm365 <noreply@ecm.test>',
      // The support mail's state shows in the status at once.
      STATUS_CACHE_TTL_MS: '0',
    },
  });
  acmeId = await tenantIdOf(t, 'acme');
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(async () => {
  admin = await signIn(t.app, 'admin', 'admin');
  t.microsoft.controls.reset();
  sink.clear();
  sink.failNext(0);
  await t.database.db.deleteFrom('notificationMails').execute();
  await t.database.db.deleteFrom('notificationSettings').execute();
  await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', { enabled: false, mailbox: null });
});

const enableImport = () =>
  asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', {
    enabled: true,
    mailbox: 'rechnungen@contoso.example',
  });
const setUp = async () => {
  const response = await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const status = async () => (await asUser(t, admin).get('/api/v1/ms365/connection')).json<ConnectionResponse>();
const supportMails = () => sink.mails().filter((mail) => mail.envelope.to.includes('support@ecm.test'));

describe('the support mail after a set-up', () => {
  it('goes to SUPPORT_EMAIL exactly once per set-up, in German, with tenant, ELO user, account, features, mailbox and test', async () => {
    await enableImport();
    const redeemed = await setUp();
    expect(redeemed.test.ok).toBe(true);
    expect(redeemed.connection.supportNotification).toMatchObject({ status: 'pending', email: 'support@ecm.test' });

    await t.services.relay.drain();
    await asUser(t, admin).post('/api/v1/ms365/connection/test'); // a second passing test: no second mail
    await t.services.relay.drain();

    expect(supportMails()).toHaveLength(1);
    const [mail] = supportMails();
    expect(mail?.subject).toBe('Microsoft-365-Verbindung eingerichtet: ACME AG (acme)');
    expect(mail?.from).toContain('noreply@ecm.test');
    expect(mail?.messageId).toMatch(/^<[0-9a-f-]{36}@ecm365>$/);
    for (const fact of [
      'ACME AG (acme)',
      'ELO-Benutzer:      admin',
      'admin@contoso.example',
      'Rechnungs-Import via E-Mail (Postfach: rechnungen@contoso.example)',
      'Verbindungstest vom',
      'erfolgreich',
      '[OK]',
    ]) {
      expect(mail?.text).toContain(fact);
    }
    const after = await status();
    expect(after.supportNotification).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
  });

  it('is not sent for a set-up without an enabled feature (nothing for support to switch on)', async () => {
    expect((await setUp()).test.ok).toBe(true);
    await asUser(t, admin).post('/api/v1/ms365/connection/test');
    await t.services.relay.drain();
    expect(supportMails()).toEqual([]);
  });

  it('is not sent while the test fails (no mailbox access), and is sent by the first passing test after it', async () => {
    await enableImport();
    t.microsoft.controls.setMailboxAccess('admin@contoso.example', 'rechnungen@contoso.example', false);
    expect((await setUp()).test.ok).toBe(false);
    await t.services.relay.drain();
    expect(supportMails()).toEqual([]);

    t.microsoft.controls.setMailboxAccess('admin@contoso.example', 'rechnungen@contoso.example', true);
    expect((await asUser(t, admin).post('/api/v1/ms365/connection/test')).json().ok).toBe(true);
    await t.services.relay.drain();
    expect(supportMails()).toHaveLength(1);
  });

  it('each new set-up (Verbindung erneut einrichten) is reported again', async () => {
    await enableImport();
    await setUp();
    await setUp();
    await t.services.relay.drain();
    expect(supportMails()).toHaveLength(2);
  });

  it('waits while the mail server refuses, and is sent once it accepts again', async () => {
    await enableImport();
    sink.failNext(1);
    await setUp();
    await t.services.relay.drain();
    expect(supportMails()).toEqual([]);
    const queued = await t.database.db.selectFrom('notificationMails').selectAll().executeTakeFirstOrThrow();
    expect(queued).toMatchObject({ status: 'pending', attempts: 1, error: 'smtp_451' });

    t.clock.advance(60_000);
    await t.services.relay.drain();
    expect(supportMails()).toHaveLength(1);
  });
});

describe('the customer notification address', () => {
  it('is set and read through PUT/GET /notifications; a bad address is 400', async () => {
    expect((await asUser(t, admin).get('/api/v1/notifications')).json()).toEqual({ email: null });
    const put = await asUser(t, admin).put('/api/v1/notifications', { email: 'IT@Acme.example' });
    expect(put.json()).toEqual({ email: 'it@acme.example' });
    expect((await asUser(t, admin).get('/api/v1/notifications')).json()).toEqual({ email: 'it@acme.example' });
    expect((await asUser(t, admin).put('/api/v1/notifications', { email: 'no address' })).statusCode).toBe(400);
    const other = await signIn(t.app, 'admin', 'admin', 'other');
    expect((await asUser(t, other).get('/api/v1/notifications')).json()).toEqual({ email: null });
  });

  it('receives one needs_reauth mail per day, however often the connection is found broken', async () => {
    await asUser(t, admin).put('/api/v1/notifications', { email: 'it@acme.example' });
    await setUp();
    const monitor = handMonitor(t);
    t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    await monitor.check(acmeId);
    await setUp(); // set up again, broken again the same day
    t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    await monitor.check(acmeId);
    await t.services.relay.drain();

    const notices = sink.mails().filter((mail) => mail.envelope.to.includes('it@acme.example'));
    expect(notices.map((mail) => mail.subject)).toEqual(['Microsoft 365: Verbindung muss erneut eingerichtet werden']);
    expect(notices[0]?.text).toContain('Verbindung erneut einrichten');
  });

  it('receives one import-failure mail per day from the invoice import events', async () => {
    await asUser(t, admin).put('/api/v1/notifications', { email: 'it@acme.example' });
    for (const subject of ['Rechnung 1', 'Rechnung 2']) await appendFailedImport(t, acmeId, subject);
    await t.services.relay.drain();
    const notices = sink.mails().filter((mail) => mail.envelope.to.includes('it@acme.example'));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain('Betreff:   Rechnung 1');
    expect(notices[0]?.text).toContain('ELO ist nicht erreichbar.');
  });

  it('is written in the language the address was saved in (Accept-Language of the PUT)', async () => {
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications',
      headers: { host: admin.host, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
      payload: { email: 'it@acme.example' },
    });
    expect(saved.statusCode).toBe(200);
    await setUp();
    t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    await handMonitor(t).check(acmeId);
    await appendFailedImport(t, acmeId, 'Rechnung 3');
    await t.services.relay.drain();
    const notices = sink.mails().filter((mail) => mail.envelope.to.includes('it@acme.example'));
    expect(notices.map((mail) => mail.subject).sort()).toEqual([
      'Invoice import via email: action needed',
      'Microsoft 365: the connection has to be set up again',
    ]);
    const reauth = notices.find((mail) => mail.subject.startsWith('Microsoft 365'));
    expect(reauth?.text).toContain('Reason: The sign-in to Microsoft 365 has expired or was revoked.');
    expect(reauth?.text).toContain('“Set up the connection again”');
  });

  it('without an address, no mail is queued', async () => {
    await setUp();
    t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    await asUser(t, admin).post('/api/v1/ms365/connection/test');
    await t.services.relay.drain();
    expect(sink.mails()).toEqual([]);
  });
});
