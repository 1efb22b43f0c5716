import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CHECK_QUEUE, HealthMonitor } from '../../src/jobs/health-monitor.js';
import { createJobQueue } from '../../src/jobs/job-queue.js';
import { claimDueConnections } from '../../src/modules/ms365/connection/connection.repository.js';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { tenantIdOf } from '../support/events.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
let monitor: HealthMonitor;
let stopQueue: () => Promise<void>;

beforeAll(async () => {
  t = await startTestApp({ env: { HEALTH_MONITOR_INTERVAL_MINUTES: '360' } });
  admin = await signIn(t.app, 'admin', 'admin');
  const boss = createJobQueue(t.database.pool, t.services.logger);
  monitor = new HealthMonitor(
    boss,
    { db: t.database.db, connections: t.services.connection, clock: t.clock, logger: t.services.logger },
    // A sweep schedule that never fires on its own: the tests sweep by hand.
    { concurrency: 4, sweepCron: '0 0 1 1 *' },
  );
  await boss.start();
  await monitor.start();
  stopQueue = () => boss.stop({ graceful: false, wait: true });
});
afterAll(async () => {
  await stopQueue();
  await t.close();
});

const connection = async () => (await asUser(t, admin).get('/api/v1/ms365/connection')).json();
const makeDue = () =>
  t.database.db
    .updateTable('ms365Connections')
    .set({ nextCheckAt: new Date(Date.now() - 1000) })
    .execute();
const refreshes = () => t.microsoft.controls.stats().tokenRequests.refresh_token ?? 0;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the connection health monitor (pg-boss)', () => {
  it('checks a due connection through the queue: forced refresh, test, next check in the interval', async () => {
    t.microsoft.controls.reset();
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    const before = await connection();
    expect(Date.parse(before.nextCheckAt) - Date.now()).toBeGreaterThan(359 * 60_000);
    expect(await monitor.sweep()).toBe(0); // not due yet

    await makeDue();
    const refreshesBefore = refreshes();
    expect(await monitor.sweep()).toBe(1);
    const after = await until(connection, (c) => c.lastCheckedAt !== before.lastCheckedAt);
    expect(after.status).toBe('connected');
    expect(refreshes() - refreshesBefore).toBe(1); // the refresh token was exercised even with a valid access token
    expect(Date.parse(after.nextCheckAt) - Date.now()).toBeGreaterThan(359 * 60_000);
  });

  it('turns a revoked consent into needs_reauth with the reason, visible in GET /connection', async () => {
    t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    await makeDue();
    await monitor.sweep();
    const after = await until(connection, (c) => c.status === 'needs_reauth');
    expect(after.lastFailure).toMatchObject({ reason: 'token', message: expect.stringContaining('widerrufen') });
    expect(after.lastTest.checks[0]).toMatchObject({ id: 'token', ok: false });
  });

  it("honours Microsoft's Retry-After: a throttled connection is checked again after it, not after the interval", async () => {
    t.microsoft.controls.reset();
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    t.microsoft.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 600, times: 50 });
    onTestFinished(() => t.microsoft.controls.reset()); // also when an assertion fails
    await makeDue();
    await monitor.sweep();
    const after = await until(connection, (c) => c.status === 'error');
    const delay = Date.parse(after.nextCheckAt) - Date.parse(after.lastCheckedAt);
    expect(delay).toBeGreaterThanOrEqual(599_000);
    expect(delay).toBeLessThanOrEqual(601_000);
  });

  it('checks a page of connections in one job; one that cannot be checked does not cost the others theirs', async () => {
    t.microsoft.controls.reset();
    const otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    await asUser(t, otherAdmin).post('/api/v1/ms365/connection', { code: await obtainCode(t, otherAdmin) });
    const [acmeId, otherId] = [await tenantIdOf(t, 'acme'), await tenantIdOf(t, 'other')];
    const checkedAt = async (tenantId: string) =>
      (
        await t.database.db
          .selectFrom('ms365Connections')
          .select(['lastCheckedAt', 'status'])
          .where('tenantId', '=', tenantId)
          .executeTakeFirstOrThrow()
      ).lastCheckedAt;
    const before = { acme: await checkedAt(acmeId), other: await checkedAt(otherId) };
    // A token cache the key ring cannot decrypt: not Microsoft's failure, so the check throws instead of recording.
    await t.database.db
      .updateTable('ms365Connections')
      .set({ tokenCache: 'v1:broken' })
      .where('tenantId', '=', acmeId)
      .execute();
    onTestFinished(() =>
      asUser(t, admin)
        .delete('/api/v1/ms365/connection')
        .then(() => undefined),
    );
    const since = new Date();

    await monitor.checkPage([acmeId, otherId]);

    expect(await checkedAt(otherId)).not.toEqual(before.other); // recorded although acme's check threw
    expect(await checkedAt(acmeId)).toEqual(before.acme);
    const requeued = await t.database.pool.query<{ data: { tenantIds: string[] } }>(
      'select data from pgboss.job where name = $1 and created_on >= $2',
      [CHECK_QUEUE, since],
    );
    // The failed connection alone is queued again (pg-boss retries a job of one on its own).
    expect(requeued.rows.map((row) => row.data.tenantIds)).toEqual([[acmeId]]);
  });

  it('hands each due connection to exactly one sweep, however many instances sweep at once', async () => {
    await makeDue();
    const now = new Date();
    const lease = new Date(now.getTime() + 60_000);
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => claimDueConnections(t.database.db, now, lease, 100)),
    );
    expect(claims.flat()).toHaveLength(1);
  });

  it("probes each tenant's import with that tenant's stored settings, read for the whole page", async () => {
    const otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
    const importTo = (who: SignedIn, mailbox: string, afterImport: 'move' | 'none') =>
      asUser(t, who).put('/api/v1/ms365/features/invoice-mail-import', { enabled: true, mailbox, afterImport });
    // acme moves imported mails into the import's folders; other leaves them where they are (no folders needed).
    expect((await importTo(admin, 'rechnungen@contoso.example', 'move')).statusCode).toBe(200);
    expect((await importTo(otherAdmin, 'admin@contoso.example', 'none')).statusCode).toBe(200);
    for (const who of [admin, otherAdmin]) {
      const redeemed = await asUser(t, who).post('/api/v1/ms365/connection', { code: await obtainCode(t, who) });
      expect(redeemed.json().test.ok).toBe(true);
    }
    onTestFinished(async () => {
      for (const who of [admin, otherAdmin]) {
        await asUser(t, who).delete('/api/v1/ms365/connection');
        await asUser(t, who).put('/api/v1/ms365/features/invoice-mail-import', { enabled: false, mailbox: null });
      }
    });
    /** Graph requests for child folders of the mailbox's Inbox (the import's folders), by mailbox. */
    const folderRequests = (mailbox: string) =>
      Object.entries(t.microsoft.controls.stats().graphRequests)
        .filter(([path]) => /childFolders/i.test(path) && decodeURIComponent(path).toLowerCase().includes(mailbox))
        .reduce((sum, [, count]) => sum + count, 0);
    const before = { acme: folderRequests('rechnungen@'), other: folderRequests('admin@') };

    await monitor.checkPage([await tenantIdOf(t, 'acme'), await tenantIdOf(t, 'other')]);

    // The monitor's checks probe afresh: acme's two folders are looked up again; other's settings ask for none.
    // Had the page handed the probe no settings (or the other tenant's), other's mailbox would be asked too.
    expect(folderRequests('rechnungen@') - before.acme).toBeGreaterThanOrEqual(2);
    expect(folderRequests('admin@') - before.other).toBe(0);
    for (const who of [admin, otherAdmin]) {
      const status = (await asUser(t, who).get('/api/v1/ms365/connection')).json();
      expect(status.status).toBe('connected');
      expect(status.lastTest.checks.map((check: { ok: boolean }) => check.ok)).toEqual([true, true, true]);
    }
  });
});
