import Type, { type Static } from 'typebox';
import { EVENT_TYPES } from './event-types.js';
import { StoredText } from './text.js';

const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Most webhooks a tenant may register. */
export const MAX_WEBHOOKS_PER_TENANT = 20;

export const CreateWebhookRequest = Type.Object(
  {
    url: StoredText({
      minLength: 1,
      maxLength: 2000,
      description: 'Where events are POSTed; https in production, no private or loopback addresses.',
    }),
    events: Type.Array(Type.Enum(EVENT_TYPES), { minItems: 1, maxItems: EVENT_TYPES.length, uniqueItems: true }),
    description: Type.Optional(StoredText({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateWebhookRequest = Static<typeof CreateWebhookRequest>;

export const CreatedWebhook = Type.Object({
  id: Type.String(),
  secret: Type.String({
    description: 'Signing secret (whsec_…) for the Standard Webhooks signature. Shown once, stored encrypted.',
  }),
});
export type CreatedWebhook = Static<typeof CreatedWebhook>;

export const WebhookInfo = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.Enum(EVENT_TYPES)),
  description: Nullable(Type.String()),
  createdAt: DateTime(),
  createdBy: Type.String({ description: 'ELO user who registered it.' }),
});
export type WebhookInfo = Static<typeof WebhookInfo>;

export const WebhookList = Type.Array(WebhookInfo);
export type WebhookList = Static<typeof WebhookList>;

export const WebhookIdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type WebhookIdParams = Static<typeof WebhookIdParams>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const WebhookDelivery = Type.Object({
  id: Type.String(),
  eventId: Type.String({ description: 'The webhook-id header of every attempt.' }),
  eventType: Type.String(),
  test: Type.Boolean({ description: 'Sent by the test button.' }),
  status: Type.Enum(DELIVERY_STATUSES, {
    description: 'pending: waiting for its (next) attempt; failed: gave up after a day of retries.',
  }),
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: DateTime(),
  lastAttemptAt: Nullable(DateTime()),
  nextAttemptAt: Nullable(DateTime()),
  deliveredAt: Nullable(DateTime()),
  responseStatus: Nullable(Type.Integer({ description: 'HTTP status of the last attempt.' })),
  durationMs: Nullable(Type.Integer({ description: 'Duration of the last attempt.' })),
  error: Nullable(Type.String({ description: 'Why the last attempt failed.' })),
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveryList = Type.Array(WebhookDelivery, { description: 'Newest first.' });
export type WebhookDeliveryList = Static<typeof WebhookDeliveryList>;

export const WebhookDeliveriesQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);
export type WebhookDeliveriesQuery = Static<typeof WebhookDeliveriesQuery>;
