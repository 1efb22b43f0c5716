import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent } from '../../src/modules/events/append-event.js';
import { listTenantEvents } from '../../src/modules/events/event.repository.js';
import { findConnection } from '../../src/modules/ms365/connection/connection.repository.js';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { handMonitor, tenantIdOf } from '../support/events.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
let acmeId: string;
let otherId: string;

/** The tenant's events, oldest first. */
const eventsOf = async (tenantId: string) => (await listTenantEvents(t.database.db, tenantId)).reverse();
const typesOf = async (tenantId: string) => (await eventsOf(tenantId)).map((event) => event.type);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
  acmeId = await tenantIdOf(t, 'acme');
  otherId = await tenantIdOf(t, 'other');
});
afterAll(() => t.close());
beforeEach(async () => {
  t.microsoft.controls.reset();
  await t.database.db.deleteFrom('outboxEvents').execute();
});

describe('connection events in the outbox', () => {
  it('writes connected and tested (trigger setup) when the set-up is completed, numbered in order with stable ids', async () => {
    const code = await obtainCode(t, admin);
    expect((await asUser(t, admin).post('/api/v1/ms365/connection', { code })).statusCode).toBe(200);

    const events = await eventsOf(acmeId);
    expect(events.map((event) => event.type)).toEqual(['ms365.connection.connected', 'ms365.connection.tested']);
    for (const event of events) expect(event.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(Number(events[1]?.tenantSeq)).toBe(Number(events[0]?.tenantSeq) + 1);
    const connection = await findConnection(t.database.db, acmeId);
    expect(events[0]?.data).toMatchObject({
      account: { username: 'admin@contoso.example' },
      connectedBy: 'admin',
      connectedAt: connection?.connectedAt.toISOString(),
    });
    expect(events[1]?.data).toMatchObject({ trigger: 'setup', status: 'connected', result: { ok: true } });
    expect(await typesOf(otherId)).toEqual([]);
  });

  it('writes tested for a manual test, and needs_reauth only when the status changes to it', async () => {
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    await t.database.db.deleteFrom('outboxEvents').execute();

    expect((await asUser(t, admin).post('/api/v1/ms365/connection/test')).json().ok).toBe(true);
    t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    const monitor = handMonitor(t);
    await monitor.check(acmeId);
    await monitor.check(acmeId); // still broken: no second needs_reauth

    const events = await eventsOf(acmeId);
    expect(events.map((event) => event.type)).toEqual([
      'ms365.connection.tested',
      'ms365.connection.tested',
      'ms365.connection.needs_reauth',
      'ms365.connection.tested',
    ]);
    expect(events.map((event) => event.data.trigger).filter(Boolean)).toEqual(['manual', 'monitor', 'monitor']);
    expect(events[2]?.data).toMatchObject({ previousStatus: 'connected', status: 'needs_reauth', reason: 'token' });
  });

  it("records a monitor page's outcomes together: each tenant's events numbered in order, a bad row costs only its own", async () => {
    const otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    await asUser(t, otherAdmin).post('/api/v1/ms365/connection', { code: await obtainCode(t, otherAdmin) });
    const page = async () => {
      const rows = await t.database.db
        .selectFrom('ms365Connections')
        .selectAll()
        .where('tenantId', 'in', [acmeId, otherId])
        .execute();
      return rows.map((connection) => ({ connection, features: [] }));
    };
    await t.database.db.deleteFrom('outboxEvents').execute();

    // Graph throttles every call: both connections turn to error, each reports tested and then the change.
    t.microsoft.controls.failNext({ target: 'graph', status: 503, times: 100 });
    const answers = await t.services.connection.testAndRecordPage(await page(), { trigger: 'monitor' });
    t.microsoft.controls.reset();
    expect(answers.map((answer) => ('outcome' in answer ? answer.outcome.status : 'threw'))).toEqual([
      'error',
      'error',
    ]);
    for (const tenantId of [acmeId, otherId]) {
      const events = await eventsOf(tenantId);
      expect(events.map((event) => event.type)).toEqual(['ms365.connection.tested', 'ms365.connection.error']);
      expect(Number(events[1]?.tenantSeq)).toBe(Number(events[0]?.tenantSeq) + 1);
      expect(events[1]?.data).toMatchObject({ previousStatus: 'connected', status: 'error' });
    }

    // An event of acme's that cannot be written fails the page's transaction; other's result is recorded alone.
    await sql`create function ecm365_fail_event() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure writing the event'; end $$`.execute(t.database.db);
    await sql`create trigger fail_event before insert on outbox_events
      for each row when (new.tenant_id = ${sql.lit(acmeId)}::uuid) execute function ecm365_fail_event()`.execute(
      t.database.db,
    );
    try {
      const again = await t.services.connection.testAndRecordPage(await page(), { trigger: 'monitor' });
      const byTenant = new Map(again.map((answer) => [answer.tenantId, answer]));
      expect(byTenant.get(acmeId)).toHaveProperty('error');
      expect(byTenant.get(otherId)).toMatchObject({ outcome: { status: 'connected' } });
    } finally {
      await sql`drop trigger fail_event on outbox_events`.execute(t.database.db);
      await sql`drop function ecm365_fail_event()`.execute(t.database.db);
    }
    const statuses = await t.database.db.selectFrom('ms365Connections').select(['tenantId', 'status']).execute();
    expect(Object.fromEntries(statuses.map((row) => [row.tenantId, row.status]))).toMatchObject({
      [acmeId]: 'error',
      [otherId]: 'connected',
    });
    expect((await typesOf(otherId)).at(-1)).toBe('ms365.connection.tested');
  });

  it('writes deleted in the transaction that deletes the connection', async () => {
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    expect((await asUser(t, admin).delete('/api/v1/ms365/connection')).statusCode).toBe(204);
    const events = await eventsOf(acmeId);
    expect(events.at(-1)).toMatchObject({
      type: 'ms365.connection.deleted',
      data: { deletedBy: 'admin', account: 'admin@contoso.example' },
    });
    // Deleting again (nothing there) reports nothing.
    await asUser(t, admin).delete('/api/v1/ms365/connection');
    expect((await typesOf(acmeId)).filter((type) => type === 'ms365.connection.deleted')).toHaveLength(1);
  });

  it('keeps cause and event together: when the event cannot be written, the disconnect does not happen either', async () => {
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    await sql`create function ecm365_fail_event() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure writing the event'; end $$`.execute(t.database.db);
    await sql`create trigger fail_event before insert on outbox_events
      for each row execute function ecm365_fail_event()`.execute(t.database.db);
    try {
      expect((await asUser(t, admin).delete('/api/v1/ms365/connection')).statusCode).toBe(500);
      expect(await findConnection(t.database.db, acmeId)).toBeDefined();
    } finally {
      await sql`drop trigger fail_event on outbox_events`.execute(t.database.db);
      await sql`drop function ecm365_fail_event()`.execute(t.database.db);
    }
  });

  it('numbers concurrent events of one tenant without gaps or duplicates, in commit order', async () => {
    const data = { mailbox: null, error: { code: 'x', message: 'y' } };
    await Promise.all(
      Array.from({ length: 12 }, () =>
        t.database.db
          .transaction()
          .execute((trx) => appendEvent(trx, { tenantId: acmeId, type: 'invoice_import.needs_attention', data })),
      ),
    );
    const seqs = (await eventsOf(acmeId)).map((event) => Number(event.tenantSeq));
    const first = seqs[0] ?? 0;
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => first + i));
  });
});
