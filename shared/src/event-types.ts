/**
 * The events of SPEC §10, as plain data so the web bundle can import them without a schema library (their payload
 * schemas are in events.ts). Each is written to the outbox in the same transaction as the change that causes it and
 * delivered at least once (webhooks, notification mails) with a stable id, so receivers de-duplicate by id.
 */
export const EVENT_TYPES = [
  'ms365.connection.connected',
  'ms365.connection.tested',
  'ms365.connection.needs_reauth',
  'ms365.connection.error',
  'ms365.connection.deleted',
  'invoice_import.message.imported',
  'invoice_import.message.failed',
  'invoice_import.needs_attention',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Sent only by `POST /webhooks/{id}/test`; never subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** German labels of the event types for the portal's checkboxes and mails. */
export const EVENT_LABELS: Readonly<Record<EventType, { de: string; en: string }>> = {
  'ms365.connection.connected': { de: 'Verbindung eingerichtet', en: 'Connection set up' },
  'ms365.connection.tested': { de: 'Verbindung getestet', en: 'Connection tested' },
  'ms365.connection.needs_reauth': {
    de: 'Verbindung muss erneut eingerichtet werden',
    en: 'Connection needs re-authorisation',
  },
  'ms365.connection.error': { de: 'Verbindung gestört', en: 'Connection error' },
  'ms365.connection.deleted': { de: 'Verbindung getrennt/gelöscht', en: 'Connection deleted' },
  'invoice_import.message.imported': { de: 'Rechnungs-E-Mail importiert', en: 'Invoice mail imported' },
  'invoice_import.message.failed': { de: 'Rechnungs-E-Mail nicht importiert', en: 'Invoice mail failed' },
  'invoice_import.needs_attention': {
    de: 'Rechnungs-Import braucht Aufmerksamkeit',
    en: 'Invoice import needs attention',
  },
};
