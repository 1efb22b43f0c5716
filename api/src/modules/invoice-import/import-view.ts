import type { ImportMessage, ImportMessageState, ImportedDocument, InvoiceMailImportStatus } from '@ecm365/shared';
import type {
  InvoiceImportDocumentRow,
  InvoiceImportMailboxRow,
  InvoiceImportMessageRow,
  LedgerState,
} from './invoice-import.tables.js';
import { importProblem, storedNote, storedProblem } from './import-messages.js';

/** The ledger's states as the activity list names them. */
export function apiState(state: LedgerState): ImportMessageState {
  if (state === 'done') return 'imported';
  if (state === 'failed' || state === 'skipped') return state;
  return 'pending';
}

export function ledgerStates(state: ImportMessageState): LedgerState[] {
  if (state === 'imported') return ['done'];
  if (state === 'pending') return ['pending', 'fetched', 'filing', 'filed'];
  return [state];
}

export function documentView(row: InvoiceImportDocumentRow): ImportedDocument {
  return {
    name: row.name,
    size: Number(row.size),
    kind: row.kind as ImportedDocument['kind'],
    ...(row.einvoice ? { einvoice: row.einvoice } : {}),
    ...(row.eloObjId ? { eloObjId: row.eloObjId } : {}),
    ...(row.eloPath ? { eloPath: row.eloPath } : {}),
  };
}

export function messageView(row: InvoiceImportMessageRow, documents: InvoiceImportDocumentRow[]): ImportMessage {
  const from =
    row.fromName && row.fromName !== row.fromAddress ? `${row.fromName} <${row.fromAddress}>` : row.fromAddress;
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    from,
    subject: row.subject,
    state: apiState(row.state),
    documents: documents.map(documentView),
    ...(row.errorCode ? { error: storedProblem(row.errorCode, row.errorParams) } : {}),
    ...(row.skippedCode ? { skippedReason: storedProblem(row.skippedCode, row.skippedParams) } : {}),
    ...(row.notes.length > 0 ? { notes: row.notes.map(storedNote) } : {}),
    attempts: row.attempts,
  };
}

/** Keyset cursor of the activity list: the last item's received time and id. */
export function encodeCursor(row: InvoiceImportMessageRow): string {
  return Buffer.from(`${row.receivedAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string): { receivedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(receivedAt.getTime())) return null;
  return { receivedAt, id };
}

export interface StatusFacts {
  enabled: boolean;
  mailbox: string | null;
  connection: { status: string } | undefined;
  hasEloAccount: boolean;
  mailboxRow: InvoiceImportMailboxRow | undefined;
  counts: Record<LedgerState, number>;
  eloMaskUsed: string | null;
}

/** SPEC §9 "State", from what the database knows. */
export function computeStatus(facts: StatusFacts): InvoiceMailImportStatus {
  const { counts, mailboxRow } = facts;
  const base = {
    backlog: counts.pending + counts.fetched + counts.filing + counts.filed,
    counts: { imported: counts.done, failed: counts.failed, skipped: counts.skipped },
    ...(mailboxRow?.lastRunAt ? { lastRunAt: mailboxRow.lastRunAt.toISOString() } : {}),
    ...(facts.eloMaskUsed ? { eloMaskUsed: facts.eloMaskUsed } : {}),
  };
  if (!facts.enabled || !facts.mailbox) return { state: 'disabled', ...base };
  const next = mailboxRow?.nextRunAt ? { nextRunAt: mailboxRow.nextRunAt.toISOString() } : {};
  if (!facts.connection) {
    return { state: 'waiting_for_connection', ...base, lastError: importProblem('connection_missing') };
  }
  if (facts.connection.status === 'needs_reauth') {
    return { state: 'needs_attention', ...base, lastError: importProblem('connection_needs_reauth') };
  }
  if (!facts.hasEloAccount) {
    return { state: 'waiting_for_elo', ...base, ...next, lastError: importProblem('elo_service_account_missing') };
  }
  if (mailboxRow?.attentionCode) {
    return {
      state: 'needs_attention',
      ...base,
      ...next,
      lastError: storedProblem(mailboxRow.attentionCode, mailboxRow.attentionParams),
    };
  }
  return {
    state: 'running',
    ...base,
    ...next,
    ...(mailboxRow?.lastErrorCode
      ? { lastError: storedProblem(mailboxRow.lastErrorCode, mailboxRow.lastErrorParams) }
      : {}),
  };
}
