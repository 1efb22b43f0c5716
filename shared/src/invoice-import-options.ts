/**
 * The invoice mail import's settings vocabulary (SPEC §9) as plain data, so the web bundle can import it without a
 * schema library; the request/response schemas are in invoice-import.ts.
 */

/** The default ELO path of imported documents: `¶` separates folders, `{yyyy}` `{MM}` `{dd}` the received date. */
export const DEFAULT_ELO_FOLDER = '¶Rechnungseingang¶{yyyy}¶{MM}';
/** The default ELO mask; where the ELO has none, the basic document mask is used (and the state says so). */
export const DEFAULT_ELO_MASK = 'Rechnung';
/** Placeholders an ELO path may contain. */
export const ELO_FOLDER_PLACEHOLDERS = ['{yyyy}', '{MM}', '{dd}'] as const;

/** What happens to a mail in the mailbox once all its documents are in ELO. */
export const AFTER_IMPORT_ACTIONS = ['move', 'mark_read', 'none'] as const;
export type AfterImportAction = (typeof AFTER_IMPORT_ACTIONS)[number];
/** Inbox child folders used by `afterImport: "move"`. */
export const IMPORTED_FOLDER_NAME = 'ELO importiert';
export const FAILED_FOLDER_NAME = 'ELO Fehler';

/** What of a mail is filed: its attachments, the whole mail as .eml, or both. */
export const IMPORT_CONTENT_OPTIONS = ['attachments', 'eml', 'both'] as const;
export type ImportContentOption = (typeof IMPORT_CONTENT_OPTIONS)[number];

/** The index values the import writes, each into the mask field (group name) the tenant chose. */
export const ELO_FIELD_KEYS = [
  'importKey',
  'messageId',
  'mailbox',
  'sender',
  'subject',
  'receivedAt',
  'fileName',
  'kind',
  'einvoiceSyntax',
  'einvoiceProfile',
  'invoiceNumber',
  'invoiceDate',
  'seller',
  'total',
] as const;
export type EloFieldKey = (typeof ELO_FIELD_KEYS)[number];

/** SPEC §9's defaults; the last three name the fields of the demo ELO's mask „Rechnung“. */
export const DEFAULT_ELO_FIELDS: Readonly<Record<EloFieldKey, string>> = {
  importKey: 'ECM365_IMPORT_KEY',
  messageId: 'ECM365_MESSAGE_ID',
  mailbox: 'ECM365_MAILBOX',
  sender: 'ECM365_FROM',
  subject: 'ECM365_SUBJECT',
  receivedAt: 'ECM365_RECEIVED',
  fileName: 'ELO_FNAME',
  kind: 'RE_KIND',
  einvoiceSyntax: 'RE_EINVOICE_SYNTAX',
  einvoiceProfile: 'RE_EINVOICE_PROFILE',
  invoiceNumber: 'RE_NUMMER',
  invoiceDate: 'RE_DATUM',
  seller: 'RE_LIEFERANT',
  total: 'RE_BETRAG',
};

/** The import's state in words (SPEC §9). */
export const IMPORT_STATES = [
  'disabled',
  'waiting_for_connection',
  'waiting_for_elo',
  'running',
  'needs_attention',
] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** A mail's state in the activity list. */
export const IMPORT_MESSAGE_STATES = ['pending', 'imported', 'failed', 'skipped'] as const;
export type ImportMessageState = (typeof IMPORT_MESSAGE_STATES)[number];
