import { randomUUID } from 'node:crypto';
import {
  MAX_WEBHOOKS_PER_TENANT,
  WEBHOOK_TEST_EVENT,
  type CreatedWebhook,
  type CreateWebhookRequest,
  type WebhookDelivery,
  type WebhookInfo,
} from '@ecm365/shared';
import { refusedUrlReason, type WebhookSender } from '../../adapters/webhooks/index.js';
import type { WebhookSettings } from '../../config/config.js';
import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import { NotFoundError, WebhookLimitReachedError, WebhookUrlNotAllowedError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import { newEventId } from '../events/append-event.js';
import { insertOutboxEvent, nextTenantSeq } from '../events/event.repository.js';
import {
  countWebhooks,
  deleteWebhook,
  findWebhook,
  insertTestDelivery,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  recordDeliveryAttempt,
} from './webhook.repository.js';
import {
  envelopeBody,
  newWebhookSecret,
  toWebhookDelivery,
  toWebhookInfo,
  webhookSecretContext,
} from './webhook-payload.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WebhookServiceDeps {
  db: Db;
  clock: Clock;
  keys: KeyRing;
  sender: WebhookSender;
  settings: WebhookSettings;
  audit: AuditLog;
}

/** A tenant's webhooks (SPEC §10): register, list, delete, the delivery log, a test ping. */
export class WebhookService {
  constructor(private readonly deps: WebhookServiceDeps) {}

  async create(principal: Principal, request: CreateWebhookRequest, ip: string): Promise<CreatedWebhook> {
    const url = request.url.trim();
    const refused = refusedUrlReason(url, this.deps.settings);
    if (refused) throw new WebhookUrlNotAllowedError(refused);
    const tenantId = principal.tenant.id;
    if ((await countWebhooks(this.deps.db, tenantId)) >= MAX_WEBHOOKS_PER_TENANT) {
      throw new WebhookLimitReachedError(MAX_WEBHOOKS_PER_TENANT);
    }
    const id = randomUUID();
    const secret = newWebhookSecret();
    await insertWebhook(this.deps.db, {
      id,
      tenantId,
      url,
      events: [...request.events],
      description: request.description?.trim() || null,
      secret: this.deps.keys.encrypt(secret, webhookSecretContext(id)),
      createdAt: this.deps.clock.now(),
      createdBy: principal.user.name,
    });
    await this.deps.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'webhook.create',
      outcome: 'success',
      details: { webhookId: id, url, events: request.events },
      ip,
    });
    return { id, secret };
  }

  async list(principal: Principal): Promise<WebhookInfo[]> {
    return (await listWebhooks(this.deps.db, principal.tenant.id)).map(toWebhookInfo);
  }

  async remove(principal: Principal, id: string, ip: string): Promise<void> {
    const removed = UUID.test(id) && (await deleteWebhook(this.deps.db, principal.tenant.id, id));
    if (!removed) throw new NotFoundError('error.webhook_not_found');
    await this.deps.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'webhook.delete',
      outcome: 'success',
      details: { webhookId: id },
      ip,
    });
  }

  async deliveries(principal: Principal, id: string, limit: number): Promise<WebhookDelivery[]> {
    const webhook = await this.find(principal, id);
    return (await listDeliveries(this.deps.db, principal.tenant.id, webhook.id, limit)).map(toWebhookDelivery);
  }

  /**
   * Sends a `webhook.test` event to this webhook now and answers how it went. Recorded before (status sending) and
   * after; a test is not retried and never holds up the real events behind it.
   */
  async test(principal: Principal, id: string): Promise<WebhookDelivery> {
    const webhook = await this.find(principal, id);
    const tenantId = principal.tenant.id;
    const now = this.deps.clock.now();
    const eventId = newEventId();
    const data = { webhookId: webhook.id, requestedBy: principal.user.name };
    const delivery = await this.deps.db.transaction().execute(async (trx) => {
      const tenantSeq = await nextTenantSeq(trx, tenantId);
      await insertOutboxEvent(trx, {
        id: eventId,
        tenantId,
        tenantSeq,
        type: WEBHOOK_TEST_EVENT,
        data,
        createdAt: now,
        dispatchedAt: now,
      });
      return insertTestDelivery(trx, { tenantId, webhookId: webhook.id, eventId, eventSeq: tenantSeq, at: now });
    });
    const attempt = await this.deps.sender.send({
      url: webhook.url,
      id: eventId,
      body: envelopeBody({
        id: eventId,
        type: WEBHOOK_TEST_EVENT,
        createdAt: now,
        tenantSlug: principal.tenant.slug,
        data,
      }),
      secret: this.deps.keys.decrypt(webhook.secret, webhookSecretContext(webhook.id)),
      timestamp: this.deps.clock.now(),
    });
    const recorded = await recordDeliveryAttempt(this.deps.db, delivery, {
      status: attempt.ok ? 'delivered' : 'failed',
      attempts: 1,
      at: this.deps.clock.now(),
      nextAttemptAt: null,
      responseStatus: attempt.status,
      durationMs: attempt.durationMs,
      error: attempt.error,
    });
    return toWebhookDelivery(recorded ?? delivery);
  }

  private async find(principal: Principal, id: string) {
    const webhook = UUID.test(id) ? await findWebhook(this.deps.db, principal.tenant.id, id) : undefined;
    if (!webhook) throw new NotFoundError('error.webhook_not_found');
    return webhook;
  }
}
