import type { Db } from '../../db/database.js';
import { OPEN_STATES, type InvoiceImportMessageRow, type MessageNote } from './invoice-import.tables.js';

/**
 * The ledger statements of one mail's attempt, each the fewest round trips that keep its guarantee: what must be
 * written before an outside effect (the import keys before a check-in) or after it (the ELO id after the check-in)
 * is its own statement; pure local steps are folded into them.
 */

/**
 * Starts an attempt on a mail that is still open (attempts + 1), only while `owner` holds the mailbox's round lease —
 * checked in the same statement, so a round that lost its lease to another replica starts no further mail.
 * The mail as it is now, or undefined (not open any more, or the lease is gone).
 */
export function startMessageAttempt(
  db: Db,
  key: { tenantId: string; mailbox: string },
  id: string,
  owner: string,
  at: Date,
): Promise<InvoiceImportMessageRow | undefined> {
  return db
    .updateTable('invoiceImportMessages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updatedAt: at }))
    .where('tenantId', '=', key.tenantId)
    .where('id', '=', id)
    .where('state', 'in', OPEN_STATES)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('invoiceImportMailboxes')
          .select('leaseOwner')
          .where('tenantId', '=', key.tenantId)
          .where('mailbox', '=', key.mailbox)
          .where('leaseOwner', '=', owner),
      ),
    )
    .returningAll()
    .executeTakeFirst();
}

export interface NewImportDocument {
  tenantId: string;
  messageId: string;
  position: number;
  importKey: string;
  name: string;
  size: number;
  kind: string;
  einvoice: { syntax: 'ubl' | 'cii'; profile: string } | null;
  createdAt: Date;
}

/**
 * An attempt's plan, in one statement, before anything goes to ELO: documents of an earlier plan that this one no
 * longer has are dropped if never filed, the plan's documents are recorded under their import keys (a key already
 * there keeps its row and its ELO id), and the mail becomes `filing` with its notes. Answers every planned key with
 * the ELO id and path it already has (null: not filed yet).
 */
export async function recordFilingPlan(
  db: Db,
  mail: { tenantId: string; id: string },
  documents: NewImportDocument[],
  notes: MessageNote[],
  at: Date,
): Promise<Map<string, { eloObjId: string | null; eloPath: string | null }>> {
  if (documents.length === 0) throw new Error('a filing plan without documents');
  const keys = documents.map((document) => document.importKey);
  const rows = await db
    .with('dropped', (qc) =>
      qc
        .deleteFrom('invoiceImportDocuments')
        .where('tenantId', '=', mail.tenantId)
        .where('messageId', '=', mail.id)
        .where('eloObjId', 'is', null)
        .where('importKey', 'not in', keys)
        .returning('id'),
    )
    .with('filing', (qc) =>
      qc
        .updateTable('invoiceImportMessages')
        .set({ state: 'filing', skippedCode: null, notes: JSON.stringify(notes), updatedAt: at })
        .where('tenantId', '=', mail.tenantId)
        .where('id', '=', mail.id)
        .returning('id'),
    )
    .insertInto('invoiceImportDocuments')
    .values(
      documents.map((document) => ({
        ...document,
        einvoice: document.einvoice ? JSON.stringify(document.einvoice) : null,
      })),
    )
    // A no-op update, so that RETURNING also answers the keys an earlier attempt recorded (with their ELO ids).
    .onConflict((conflict) =>
      conflict.columns(['tenantId', 'importKey']).doUpdateSet((eb) => ({ position: eb.ref('excluded.position') })),
    )
    .returning(['importKey', 'eloObjId', 'eloPath'])
    .execute();
  return new Map(rows.map((row) => [row.importKey, { eloObjId: row.eloObjId, eloPath: row.eloPath }]));
}

export interface DocumentFiling {
  eloObjId: string;
  eloPath: string;
  eloMask: string;
  omittedFields: string[];
  at: Date;
}

/**
 * A document ELO has now, recorded right after its check-in. With `lastOfMail` (the mail's last document to file),
 * the mail becomes `filed` with its final notes in the same statement.
 */
export async function recordDocumentFiled(
  db: Db,
  tenantId: string,
  importKey: string,
  filed: DocumentFiling,
  lastOfMail?: { id: string; notes: MessageNote[] },
): Promise<void> {
  const set = {
    eloObjId: filed.eloObjId,
    eloPath: filed.eloPath,
    eloMask: filed.eloMask,
    omittedFields: JSON.stringify(filed.omittedFields),
    filedAt: filed.at,
  };
  if (!lastOfMail) {
    await db
      .updateTable('invoiceImportDocuments')
      .set(set)
      .where('tenantId', '=', tenantId)
      .where('importKey', '=', importKey)
      .execute();
    return;
  }
  await db
    .with('mail', (qc) =>
      qc
        .updateTable('invoiceImportMessages')
        .set({ state: 'filed', notes: JSON.stringify(lastOfMail.notes), updatedAt: filed.at })
        .where('tenantId', '=', tenantId)
        .where('id', '=', lastOfMail.id)
        .returning('id'),
    )
    .updateTable('invoiceImportDocuments')
    .set(set)
    .where('tenantId', '=', tenantId)
    .where('importKey', '=', importKey)
    .execute();
}
