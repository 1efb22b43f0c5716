import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { EinvoiceSummary, MessageCode, MessageParamsSchema } from '@ecm365/shared';

type Json<T> = ColumnType<T, string | undefined, string>;
/** A problem's parameters (jsonb): its text is the catalogue's `import.<code>` filled with them. */
type Params = ColumnType<MessageParamsSchema | null, string | null | undefined, string | null>;

/** Settings of SPEC §9 beyond enabled/mailbox (those are in tenant_features); null: the default. */
export interface InvoiceImportSettingsTable {
  tenantId: string;
  eloFolder: string | null;
  eloMask: string | null;
  afterImport: string | null;
  importFrom: Date | null;
  content: string | null;
  includeInline: boolean | null;
  eloFields: Json<Record<string, string>>;
  eloMaskUsed: string | null;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}
export type InvoiceImportSettingsRow = Selectable<InvoiceImportSettingsTable>;

export interface InvoiceImportMailboxesTable {
  tenantId: string;
  mailbox: string;
  deltaLink: string | null;
  importedFolderId: string | null;
  failedFolderId: string | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  runRequestedAt: Date | null;
  lastRunAt: Date | null;
  nextRunAt: Date | null;
  attentionCode: string | null;
  attentionParams: Params;
  lastErrorCode: string | null;
  lastErrorParams: Params;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}
export type InvoiceImportMailboxRow = Selectable<InvoiceImportMailboxesTable>;

/** The ledger's states of a mail; the API shows pending (the first four), imported (done), failed, skipped. */
export const LEDGER_STATES = ['pending', 'fetched', 'filing', 'filed', 'done', 'failed', 'skipped'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];
export const OPEN_STATES: readonly LedgerState[] = ['pending', 'fetched', 'filing', 'filed'];

/**
 * A remark of the activity list: a skipped attachment, an index value left out, an inspection note. `code` names
 * the case, `messageCode` + `params` are its text; `document` the attachment it is about.
 */
export interface MessageNote {
  code: string;
  messageCode: MessageCode;
  params: MessageParamsSchema;
  document?: string;
}

export interface InvoiceImportMessagesTable {
  id: ColumnType<string, string | undefined, never>;
  tenantId: string;
  mailbox: string;
  graphId: string;
  internetMessageId: string | null;
  receivedAt: Date;
  fromAddress: string;
  fromName: string;
  subject: string;
  state: LedgerState;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: Date;
  errorCode: string | null;
  errorParams: Params;
  skippedCode: string | null;
  skippedParams: Params;
  notes: Json<MessageNote[]>;
  mailboxAction: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}
export type InvoiceImportMessageRow = Selectable<InvoiceImportMessagesTable>;
export type NewInvoiceImportMessage = Insertable<InvoiceImportMessagesTable>;

export interface InvoiceImportDocumentsTable {
  id: ColumnType<string, string | undefined, never>;
  tenantId: string;
  messageId: string;
  position: number;
  importKey: string;
  name: string;
  size: ColumnType<string, number, number>;
  kind: string;
  einvoice: ColumnType<EinvoiceSummary | null, string | null, string | null>;
  eloObjId: string | null;
  eloPath: string | null;
  eloMask: string | null;
  omittedFields: Json<string[]>;
  filedAt: Date | null;
  createdAt: Date;
}
export type InvoiceImportDocumentRow = Selectable<InvoiceImportDocumentsTable>;
