import { randomBytes } from 'node:crypto';
import type { WebhookDelivery, WebhookEventEnvelope, WebhookInfo } from '@ecm365/shared';
import type { WebhookListing } from './webhook.repository.js';
import type { WebhookDeliveryRow } from './webhook.table.js';

/** Standard Webhooks secret: `whsec_` and base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export const webhookSecretContext = (webhookId: string) => `webhooks:${webhookId}`;

/** The request body of an event: built from the stored event alone, so every attempt sends the same bytes. */
export function envelopeBody(event: {
  id: string;
  type: string;
  createdAt: Date;
  tenantSlug: string;
  data: Record<string, unknown>;
}): string {
  const envelope: WebhookEventEnvelope = {
    id: event.id,
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    tenant: { slug: event.tenantSlug },
    data: event.data,
  };
  return JSON.stringify(envelope);
}

export function toWebhookInfo(row: WebhookListing): WebhookInfo {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    test: row.isTest,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    responseStatus: row.responseStatus,
    durationMs: row.durationMs,
    error: row.error,
  };
}
