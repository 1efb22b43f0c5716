import type { DeliveryStatus, EventType } from '@ecm365/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

export interface WebhooksTable {
  id: Generated<string>;
  tenantId: string;
  url: string;
  events: EventType[];
  description: string | null;
  /** The whsec_ secret, encrypted (context `webhooks:<id>`). */
  secret: string;
  createdAt: Date;
  createdBy: string;
}
export type WebhookRow = Selectable<WebhooksTable>;

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  tenantId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  /** The event's position in its tenant's sequence: deliveries to one webhook go out in this order. */
  eventSeq: ColumnType<string, string | number, never>;
  isTest: boolean;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  responseStatus: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: Date;
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
