import type { Logger } from 'pino';
import type { WebhookSender } from '../../adapters/webhooks/index.js';
import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { forEachLimited } from '../../support/concurrency.js';
import { nextAttemptAt, WEBHOOK_RETRY_WINDOW_MS } from '../events/delivery-schedule.js';
import { listDueDeliveries, recordDeliveryAttempt, type DueDelivery } from './webhook.repository.js';
import { envelopeBody, webhookSecretContext } from './webhook-payload.js';

/** Receivers attempted at once; each receiver gets one request at a time anyway (its events go in order). */
const PARALLEL_RECEIVERS = 8;

/**
 * The relay's webhook channel: attempts every due delivery (the oldest unfinished one per webhook), records status,
 * HTTP status and duration, and schedules the next attempt with backoff, or marks it failed after a day.
 * A crash between sending and recording sends the delivery again later with the same webhook-id (at least once).
 */
export class WebhookDeliverer {
  constructor(private readonly deps: { db: Db; clock: Clock; keys: KeyRing; sender: WebhookSender; logger: Logger }) {}

  /** One round over what is due now; answers how many attempts were made. */
  async deliverDue(limit = 50): Promise<number> {
    const due = await listDueDeliveries(this.deps.db, this.deps.clock.now(), limit);
    await forEachLimited(due, PARALLEL_RECEIVERS, (delivery) => this.attempt(delivery));
    return due.length;
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const { clock, keys, sender } = this.deps;
    const result = await sender.send({
      url: delivery.url,
      id: delivery.eventId,
      body: envelopeBody({
        id: delivery.eventId,
        type: delivery.eventType,
        createdAt: delivery.eventCreatedAt,
        tenantSlug: delivery.tenantSlug,
        data: delivery.eventData,
      }),
      secret: keys.decrypt(delivery.secret, webhookSecretContext(delivery.webhookId)),
      timestamp: clock.now(),
    });
    const at = clock.now();
    const attempts = delivery.attempts + 1;
    const next = result.ok ? null : nextAttemptAt(delivery.createdAt, attempts, at, WEBHOOK_RETRY_WINDOW_MS);
    const status = result.ok ? 'delivered' : next ? 'pending' : 'failed';
    await recordDeliveryAttempt(this.deps.db, delivery, {
      status,
      attempts,
      at,
      nextAttemptAt: next,
      responseStatus: result.status,
      durationMs: result.durationMs,
      error: result.error,
    });
    if (status === 'failed') {
      this.deps.logger.warn(
        {
          tenantId: delivery.tenantId,
          webhookId: delivery.webhookId,
          eventId: delivery.eventId,
          attempts,
          error: result.error,
        },
        'webhook delivery failed for good after a day of retries',
      );
    }
  }
}
