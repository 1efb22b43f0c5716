import Type, { type Static } from 'typebox';
import { WEBHOOK_TEST_EVENT, type EventType } from './event-types.js';
import { MessageCodeSchema, MessageParamsSchema } from './messages.js';
import { ConnectedAccount, ConnectionStatusValue, ConnectionTestResult } from './ms365.js';

const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

const SetUpAt = DateTime('When the set-up this event belongs to was completed (its connectedAt): one per set-up.');

export const ConnectionConnectedData = Type.Object({
  account: ConnectedAccount,
  scopes: Type.Array(Type.String()),
  connectedBy: Type.String({ description: 'ELO user who completed the set-up.' }),
  connectedAt: SetUpAt,
});
export type ConnectionConnectedData = Static<typeof ConnectionConnectedData>;

export const ConnectionTestTrigger = Type.Union([
  Type.Literal('setup', { description: '„Einrichtung abschließen & Verbindung testen“' }),
  Type.Literal('manual', { description: 'POST /ms365/connection/test' }),
  Type.Literal('monitor', { description: 'The background health check' }),
]);
export type ConnectionTestTrigger = Static<typeof ConnectionTestTrigger>;

export const ConnectionTestedData = Type.Object({
  connectedAt: SetUpAt,
  trigger: ConnectionTestTrigger,
  status: Type.Union([Type.Literal('connected'), Type.Literal('needs_reauth'), Type.Literal('error')]),
  previousStatus: ConnectionStatusValue,
  result: ConnectionTestResult,
});
export type ConnectionTestedData = Static<typeof ConnectionTestedData>;

/** `needs_reauth` and `error`: written only when the status changes to it, not on every failing check. */
export const ConnectionStatusChangedData = Type.Object({
  connectedAt: SetUpAt,
  status: Type.Union([Type.Literal('needs_reauth'), Type.Literal('error')]),
  previousStatus: ConnectionStatusValue,
  reason: Type.String({ description: 'Id of the first failing check, e.g. "token".' }),
  message: Type.String({ description: 'German explanation; `code` and `params` are the same text for any language.' }),
  code: Type.Optional(MessageCodeSchema),
  params: Type.Optional(MessageParamsSchema),
  hint: Type.Optional(Type.String()),
  hintCode: Type.Optional(MessageCodeSchema),
  hintParams: Type.Optional(MessageParamsSchema),
});
export type ConnectionStatusChangedData = Static<typeof ConnectionStatusChangedData>;

export const ConnectionDeletedData = Type.Object({
  deletedBy: Type.String({ description: 'ELO user, or "ops" for the admin CLI.' }),
  connectedAt: SetUpAt,
  account: Type.String({ description: 'User principal name of the Microsoft account that was connected.' }),
});
export type ConnectionDeletedData = Static<typeof ConnectionDeletedData>;

const ImportedMail = {
  messageId: Type.String({ description: "ecm365's id of the mail (the activity list's id)." }),
  mailbox: Type.String(),
  receivedAt: DateTime(),
  from: Type.String(),
  subject: Type.String(),
};

export const InvoiceImportMessageImportedData = Type.Object({
  ...ImportedMail,
  documents: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Type.String({ description: 'pdf | einvoice_xml | hybrid_pdf | image | eml | other' }),
      eloObjId: Type.Optional(Type.String()),
      eloPath: Type.Optional(Type.String()),
    }),
  ),
});
export type InvoiceImportMessageImportedData = Static<typeof InvoiceImportMessageImportedData>;

/** The import's problem as in the activity list (ImportProblem): render `messageCode` with `params` in your language. */
const ImportError = Type.Object({
  code: Type.String({ description: 'Stable snake_case identifier, e.g. "elo_rejected".' }),
  message: Type.String({ description: 'German rendering, kept for receivers written before codes.' }),
  messageCode: Type.Optional(
    Type.String({ pattern: '^import\\.[a-z0-9_]+$', description: 'The text (`import.<code>`).' }),
  ),
  params: Type.Optional(MessageParamsSchema),
});

export const InvoiceImportMessageFailedData = Type.Object({
  ...ImportedMail,
  error: ImportError,
  attempts: Type.Integer({ minimum: 1 }),
});
export type InvoiceImportMessageFailedData = Static<typeof InvoiceImportMessageFailedData>;

export const InvoiceImportNeedsAttentionData = Type.Object({
  mailbox: Type.Union([Type.String(), Type.Null()]),
  error: ImportError,
});
export type InvoiceImportNeedsAttentionData = Static<typeof InvoiceImportNeedsAttentionData>;

/** The `data` of each event type (the TypeScript side of the schemas above). */
export interface EventDataByType {
  'ms365.connection.connected': ConnectionConnectedData;
  'ms365.connection.tested': ConnectionTestedData;
  'ms365.connection.needs_reauth': ConnectionStatusChangedData;
  'ms365.connection.error': ConnectionStatusChangedData;
  'ms365.connection.deleted': ConnectionDeletedData;
  'invoice_import.message.imported': InvoiceImportMessageImportedData;
  'invoice_import.message.failed': InvoiceImportMessageFailedData;
  'invoice_import.needs_attention': InvoiceImportNeedsAttentionData;
}

export const EVENT_DATA_SCHEMAS = {
  'ms365.connection.connected': ConnectionConnectedData,
  'ms365.connection.tested': ConnectionTestedData,
  'ms365.connection.needs_reauth': ConnectionStatusChangedData,
  'ms365.connection.error': ConnectionStatusChangedData,
  'ms365.connection.deleted': ConnectionDeletedData,
  'invoice_import.message.imported': InvoiceImportMessageImportedData,
  'invoice_import.message.failed': InvoiceImportMessageFailedData,
  'invoice_import.needs_attention': InvoiceImportNeedsAttentionData,
} as const satisfies Record<EventType, unknown>;

/**
 * The body of every webhook request (Standard Webhooks' recommended shape plus `id` and `tenant`). The same
 * `id` is sent as the `webhook-id` header on every attempt: receivers de-duplicate by it.
 */
export const WebhookEventEnvelope = Type.Object(
  {
    id: Type.String({ description: 'Stable event id (evt_…), also the webhook-id header.' }),
    type: Type.String({ description: `One of the event types, or "${WEBHOOK_TEST_EVENT}" for a test.` }),
    timestamp: DateTime('When the event happened.'),
    tenant: Type.Object({ slug: Type.String() }),
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'See the event data schemas.' }),
  },
  { $id: 'WebhookEventEnvelope' },
);
export type WebhookEventEnvelope = Static<typeof WebhookEventEnvelope>;
