import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { StatementLog } from '../support/statement-log.js';
import { createTestDatabase } from '../support/test-database.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

/** Queries sent while `work` runs. */
async function queriesOf(log: StatementLog, work: () => Promise<unknown>): Promise<number> {
  return (await log.during(work)).length;
}

/**
 * The status read is what portals and integrators poll (issue 13): one query for the session and one for the
 * connection, its feature settings and the support mail, with the caches off; none while they hold it.
 */
describe.each([
  { caches: false, env: { SESSION_CACHE_TTL_MS: '0', STATUS_CACHE_TTL_MS: '0' } },
  { caches: true, env: { SESSION_CACHE_TTL_MS: '60000', STATUS_CACHE_TTL_MS: '60000' } },
])('GET /ms365/connection, caches $caches', ({ caches, env }) => {
  let t: TestApp;
  let admin: SignedIn;
  const log = new StatementLog();
  beforeAll(async () => {
    const database = await createTestDatabase();
    t = await startTestApp({ env, database: { ...database, db: database.db.withPlugin(log) } });
    admin = await signIn(t.app, 'admin', 'admin');
  });
  afterAll(() => t.close());

  const read = async () => {
    const response = await asUser(t, admin).get('/api/v1/ms365/connection');
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('reads a tenant without a connection', async () => {
    await read(); // a cached run starts its cache periods here
    const queries = await queriesOf(log, read);
    expect(queries).toBe(caches ? 0 : 2);
  });

  it('reads a connected tenant with its features and support mail', async () => {
    const put = await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', {
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
    });
    expect(put.statusCode).toBe(200);
    const code = await obtainCode(t, admin);
    const redeemed = await asUser(t, admin).post('/api/v1/ms365/connection', { code });
    expect(redeemed.statusCode).toBe(200);

    let body: Record<string, unknown> = {};
    await read();
    const queries = await queriesOf(log, async () => {
      body = await read();
    });
    expect(queries).toBe(caches ? 0 : 2);
    expect(body).toMatchObject({
      status: 'connected',
      account: { username: 'admin@contoso.example' },
      features: [{ id: 'invoice-mail-import', enabled: true, mailbox: 'rechnungen@contoso.example' }],
      supportNotification: { status: 'pending' },
    });
    expect(body).toEqual(redeemed.json().connection);
  });

  it('lets reads arriving together share the session lookup, each session answered as its own', async () => {
    // Two users of the tenant, several reads each, sent at once: with the caches off their sessions are read in
    // one query (session-lookups.ts) and the status in one more (one load in flight per tenant).
    const gast = await signIn(t.app, 'gast', 'gast');
    await read();
    await asUser(t, gast).get('/api/v1/ms365/connection'); // a cached run: gast's cache period starts here
    let answers: number[] = [];
    const queries = await queriesOf(log, async () => {
      const reads = [admin, gast, admin, gast, admin].map((who) => asUser(t, who).get('/api/v1/ms365/connection'));
      answers = (await Promise.all(reads)).map((response) => response.statusCode);
    });
    // The admin may read the connection; gast, not in the ELO group, may not: each request got its own principal.
    expect(answers).toEqual([200, 403, 200, 403, 200]);
    expect(queries).toBe(caches ? 0 : 2);
  });
});
