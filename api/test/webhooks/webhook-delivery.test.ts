import type { CreatedWebhook, EventType, WebhookDelivery } from '@ecm365/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorEndpoints } from '../../src/demo/microsoft-emulator.js';
import { callbackUrl } from '../../src/wiring/microsoft.js';
import { createServices } from '../../src/services.js';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { appendFailedImport, tenantIdOf } from '../support/events.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import {
  PUBLIC_URL,
  signIn,
  startTestApp,
  TEST_CLIENT,
  TEST_ENCRYPTION_KEY,
  type SignedIn,
  type TestApp,
} from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
let receiver: WebhookReceiver;
let acmeId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
  receiver = await startWebhookReceiver();
  acmeId = await tenantIdOf(t, 'acme');
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(async () => {
  // Tests move the clock by hours (retries), which ends sessions: each test signs in anew.
  admin = await signIn(t.app, 'admin', 'admin');
  await t.database.db.deleteFrom('webhooks').execute();
  await t.database.db.deleteFrom('outboxEvents').execute();
  receiver.received.length = 0;
  receiver.answerWith(204);
  t.microsoft.controls.reset();
});

async function registerHook(events: readonly EventType[], url = receiver.url, who = admin): Promise<CreatedWebhook> {
  const created = (await asUser(t, who).post('/api/v1/webhooks', { url, events })).json<CreatedWebhook>();
  receiver.useSecret(created.secret);
  return created;
}
const deliveriesOf = async (id: string) =>
  (await asUser(t, admin).get(`/api/v1/webhooks/${id}/deliveries`)).json<WebhookDelivery[]>();
const failedImport = (subject: string) => appendFailedImport(t, acmeId, subject);
const HOUR = 3_600_000;

describe('webhook delivery (a real receiver verifying Standard Webhooks signatures)', () => {
  it('delivers connected and deleted, correctly signed, with the event id as webhook-id', async () => {
    const hook = await registerHook(['ms365.connection.connected', 'ms365.connection.deleted']);
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    await asUser(t, admin).delete('/api/v1/ms365/connection');
    await t.services.relay.drain();

    expect(receiver.verifiedTypes()).toEqual(['ms365.connection.connected', 'ms365.connection.deleted']);
    const [connected] = receiver.received;
    expect(connected?.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(connected?.verified).toMatchObject({
      id: connected?.id,
      tenant: { slug: 'acme' },
      data: { account: { username: 'admin@contoso.example' }, connectedBy: 'admin' },
    });
    const outboxIds = (await t.database.db.selectFrom('outboxEvents').select('id').execute()).map((row) => row.id);
    expect(outboxIds).toContain(connected?.id);
    const log = await deliveriesOf(hook.id);
    expect(
      log.map((delivery) => [delivery.eventType, delivery.status, delivery.attempts, delivery.responseStatus]),
    ).toEqual([
      ['ms365.connection.deleted', 'delivered', 1, 204],
      ['ms365.connection.connected', 'delivered', 1, 204],
    ]);
    expect(log[0]?.durationMs).toEqual(expect.any(Number));
  });

  it('a receiver that verifies with another secret rejects the request (the signature means something)', async () => {
    await registerHook(['invoice_import.message.failed']);
    receiver.useSecret(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    await failedImport('x');
    await t.services.relay.drain();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.verified).toBeUndefined();
  });

  it('sends only subscribed events, and only to the tenant that owns the webhook', async () => {
    await registerHook(['ms365.connection.deleted']);
    const otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
    await registerHook(['invoice_import.message.failed'], receiver.url, otherAdmin);
    await failedImport('acme mail');
    await t.services.relay.drain();
    expect(receiver.received).toEqual([]);
  });

  it('retries a receiver that is down with backoff, then delivers the same event id once it is back', async () => {
    const hook = await registerHook(['invoice_import.message.failed']);
    receiver.answerWith(503);
    await failedImport('first');
    await t.services.relay.drain();
    let [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503, error: 'http_status' });
    expect(Date.parse(delivery?.nextAttemptAt ?? '')).toBeGreaterThan(t.clock.now().getTime());

    await t.services.relay.drain(); // not due yet
    expect(receiver.received).toHaveLength(1);

    receiver.answerWith(200);
    t.clock.advance(60_000);
    await t.services.relay.drain();
    [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 200 });
    expect(new Set(receiver.received.map((request) => request.id)).size).toBe(1);
  });

  it('retries a receiver whose port refuses connections (connection_refused)', async () => {
    const closed = await startWebhookReceiver();
    const url = closed.url;
    await closed.close();
    const hook = await registerHook(['invoice_import.message.failed'], url);
    await failedImport('to nowhere');
    await t.services.relay.drain();
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: 'connection_refused',
    });
  });

  it("keeps a tenant's order: a later event waits while an earlier one to the same receiver is retried", async () => {
    await registerHook(['invoice_import.message.failed']);
    let calls = 0;
    receiver.answerWith(() => (++calls === 1 ? 500 : 204));
    for (const subject of ['one', 'two', 'three']) await failedImport(subject);
    await t.services.relay.drain();
    expect(receiver.received.map((request) => request.verified?.data.subject)).toEqual(['one']);
    t.clock.advance(60_000);
    await t.services.relay.drain();
    expect(receiver.received.map((request) => request.verified?.data.subject)).toEqual(['one', 'one', 'two', 'three']);
  });

  it('the test button sends a signed webhook.test now and records it, without holding up real events', async () => {
    const hook = await registerHook(['invoice_import.message.failed']);
    const test = await asUser(t, admin).post(`/api/v1/webhooks/${hook.id}/test`);
    expect(test.statusCode).toBe(200);
    expect(test.json<WebhookDelivery>()).toMatchObject({
      test: true,
      status: 'delivered',
      attempts: 1,
      responseStatus: 204,
    });
    expect(receiver.verifiedTypes()).toEqual(['webhook.test']);

    receiver.answerWith(500);
    const failed = (await asUser(t, admin).post(`/api/v1/webhooks/${hook.id}/test`)).json<WebhookDelivery>();
    expect(failed).toMatchObject({ status: 'failed', responseStatus: 500, nextAttemptAt: null });
    receiver.answerWith(204);
    await failedImport('after the test');
    await t.services.relay.drain();
    expect(receiver.verifiedTypes()).toEqual(['webhook.test', 'webhook.test', 'invoice_import.message.failed']);
  });
});

describe('crashes between the steps', () => {
  it('an event committed while no relay ran is sent once by a relay started afterwards (a second instance)', async () => {
    await registerHook(['invoice_import.message.failed']);
    await failedImport('committed before the crash');
    // The first instance "crashed" after the commit: its relay never ran. Another instance starts its own.
    const second = createServices({
      config: t.config,
      db: t.database.db,
      microsoft: emulatorEndpoints(t.microsoft, TEST_CLIENT, callbackUrl({ publicUrl: PUBLIC_URL }), 5000),
      encryptionKeys: [TEST_ENCRYPTION_KEY],
      logger: t.services.logger,
      clock: t.clock,
    });
    try {
      await second.relay.drain();
      await second.relay.drain();
      await t.services.relay.drain();
    } finally {
      await second.close();
    }
    expect(receiver.verifiedTypes()).toEqual(['invoice_import.message.failed']);
  });

  it('a crash after sending but before recording sends again later with the same webhook-id (receivers de-duplicate)', async () => {
    const hook = await registerHook(['invoice_import.message.failed']);
    await failedImport('sent, then crashed');
    await sql`create function ecm365_fail_record() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash before recording the attempt'; end $$`.execute(t.database.db);
    await sql`create trigger fail_record before update on webhook_deliveries
      for each row execute function ecm365_fail_record()`.execute(t.database.db);
    await expect(t.services.relay.drain()).rejects.toThrow(/simulated crash/);
    await sql`drop trigger fail_record on webhook_deliveries`.execute(t.database.db);
    await sql`drop function ecm365_fail_record()`.execute(t.database.db);

    await t.services.relay.drain();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.id).toBe(receiver.received[1]?.id);
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});

// Last: it moves the clock a day on, and receivers refuse signatures whose timestamp is more than 5 minutes off.
describe('the end of retrying', () => {
  it('gives up after a day of retries and marks the delivery failed', async () => {
    const hook = await registerHook(['invoice_import.message.failed']);
    receiver.answerWith(500);
    await failedImport('never');
    for (let hour = 0; hour < 30; hour++) {
      await t.services.relay.drain();
      t.clock.advance(HOUR);
    }
    admin = await signIn(t.app, 'admin', 'admin');
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery?.status).toBe('failed');
    expect(delivery?.nextAttemptAt).toBeNull();
    expect(delivery?.attempts).toBeGreaterThan(5);
    // The last attempt was scheduled inside the day; the relay ran at most one of the test's hour steps later.
    expect(Date.parse(delivery?.lastAttemptAt ?? '') - Date.parse(delivery?.createdAt ?? '')).toBeLessThanOrEqual(
      25 * HOUR,
    );
  });
});
