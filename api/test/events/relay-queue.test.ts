import type { CreatedWebhook } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRelay } from '../../src/jobs/event-relay.js';
import { createJobQueue } from '../../src/jobs/job-queue.js';
import { appendEvent } from '../../src/modules/events/append-event.js';
import type { RelayRound } from '../../src/jobs/event-relay.js';
import { asUser } from '../support/connect-flow.js';
import { tenantIdOf } from '../support/events.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let receiver: WebhookReceiver;
let acmeId: string;

beforeAll(async () => {
  t = await startTestApp();
  receiver = await startWebhookReceiver();
  acmeId = await tenantIdOf(t, 'acme');
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

async function until(done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Rounds running at this moment across both instances, and the most ever seen. */
const rounds = { now: 0, max: 0 };

/** A relay that notes when it last found work and how many rounds overlap (both instances active would). */
class WatchedRelay extends EventRelay {
  lastBusyAt = 0;
  override async round(): Promise<RelayRound> {
    rounds.max = Math.max(rounds.max, ++rounds.now);
    try {
      const result = await super.round();
      if (result.dispatched + result.webhooks > 0) this.lastBusyAt = Date.now();
      return result;
    } finally {
      rounds.now--;
    }
  }
}

describe('the event relay on pg-boss', () => {
  it('runs on one instance at a time, delivering every event once and in order, and hands over when that one stops', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const hook = (
      await asUser(t, admin).post('/api/v1/webhooks', { url: receiver.url, events: ['invoice_import.needs_attention'] })
    ).json<CreatedWebhook>();
    receiver.useSecret(hook.secret);

    const relayDeps = (t.services.relay as unknown as { deps: ConstructorParameters<typeof EventRelay>[0] }).deps;
    const instances = [0, 1].map(() => {
      const boss = createJobQueue(t.database.pool, t.services.logger);
      const relay = new WatchedRelay(relayDeps, { pollMs: 100, leaseMs: 2_000 });
      return { boss, relay };
    });
    for (const { boss, relay } of instances) {
      await boss.start();
      await relay.start(boss);
    }
    try {
      const write = (n: number) =>
        t.database.db.transaction().execute((trx) =>
          appendEvent(trx, {
            tenantId: acmeId,
            type: 'invoice_import.needs_attention',
            data: { mailbox: null, error: { code: 'n', message: String(n) } },
          }),
        );
      for (let n = 1; n <= 5; n++) await write(n);
      await until(() => receiver.received.length >= 5);
      // Past at least one hand-over (lease 2 s) to whichever instance takes the next job.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      for (let n = 6; n <= 10; n++) await write(n);
      await until(() => receiver.received.length >= 10);

      const messages = receiver.received.map(
        (request) => (request.verified?.data.error as { message: string }).message,
      );
      expect(messages).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(new Set(receiver.received.map((request) => request.id)).size).toBe(10);

      expect(rounds.max).toBe(1);

      // Stop the instance that worked last; the other one takes over.
      const [working] = [...instances].sort((a, b) => b.relay.lastBusyAt - a.relay.lastBusyAt);
      if (!working) throw new Error('two instances expected');
      await working.relay.stop();
      await working.boss.stop({ graceful: true, wait: true, timeout: 5_000 });
      for (let n = 11; n <= 12; n++) await write(n);
      await until(() => receiver.received.length >= 12, 30_000);
      expect(receiver.received.length).toBe(12);
    } finally {
      for (const { boss, relay } of instances) {
        await relay.stop();
        // Graceful: a job still running completes on the pool before the test app closes it (not graceful, its
        // late `complete` met an ended pool: "Cannot use a pool after calling end on the pool").
        await boss.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {});
      }
    }
  }, 60_000);
});
