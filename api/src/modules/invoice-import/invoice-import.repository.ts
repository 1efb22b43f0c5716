import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import {
  OPEN_STATES,
  type InvoiceImportDocumentRow,
  type InvoiceImportMailboxRow,
  type InvoiceImportMessageRow,
  type InvoiceImportSettingsRow,
  type InvoiceImportSettingsTable,
  type LedgerState,
  type MessageNote,
  type NewInvoiceImportMessage,
} from './invoice-import.tables.js';

type Executor = Db | Transaction<Database>;

// Settings ------------------------------------------------------------------------------------------------------

export function findImportSettings(db: Executor, tenantId: string): Promise<InvoiceImportSettingsRow | undefined> {
  return db.selectFrom('invoiceImportSettings').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
}

/** The stored settings of several tenants in one query (the health monitor's page of checks); defaults are missing. */
export function findImportSettingsOfTenants(
  db: Executor,
  tenantIds: readonly string[],
): Promise<InvoiceImportSettingsRow[]> {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('invoiceImportSettings').selectAll().where('tenantId', 'in', tenantIds).execute();
}

export type ImportSettingsValues = Omit<
  InvoiceImportSettingsTable,
  'tenantId' | 'updatedAt' | 'eloFields' | 'eloMaskUsed'
> & {
  eloFields: Record<string, string>;
};

export async function upsertImportSettings(
  db: Executor,
  tenantId: string,
  values: ImportSettingsValues,
  at: Date,
): Promise<void> {
  const row = { ...values, eloFields: JSON.stringify(values.eloFields), updatedAt: at };
  await db
    .insertInto('invoiceImportSettings')
    .values({ tenantId, ...row })
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet(row))
    .execute();
}

/** Demo mode: a cut-off before the seeded invoices, unless the tenant has import settings already. */
export async function seedImportCutOff(db: Executor, tenantId: string, importFrom: Date): Promise<void> {
  await db
    .insertInto('invoiceImportSettings')
    .values({ tenantId, importFrom, updatedAt: importFrom })
    .onConflict((conflict) => conflict.column('tenantId').doNothing())
    .execute();
}

export async function recordMaskUsed(db: Executor, tenantId: string, mask: string): Promise<void> {
  await db
    .updateTable('invoiceImportSettings')
    .set({ eloMaskUsed: mask })
    .where('tenantId', '=', tenantId)
    .where((eb) => eb.or([eb('eloMaskUsed', 'is', null), eb('eloMaskUsed', '!=', mask)]))
    .execute();
}

// Mailboxes -----------------------------------------------------------------------------------------------------

export function findMailboxState(
  db: Executor,
  tenantId: string,
  mailbox: string,
): Promise<InvoiceImportMailboxRow | undefined> {
  return db
    .selectFrom('invoiceImportMailboxes')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('mailbox', '=', mailbox)
    .executeTakeFirst();
}

export async function ensureMailboxState(db: Executor, tenantId: string, mailbox: string, at: Date): Promise<void> {
  await db
    .insertInto('invoiceImportMailboxes')
    .values({ tenantId, mailbox, nextRunAt: at, updatedAt: at })
    .onConflict((conflict) => conflict.columns(['tenantId', 'mailbox']).doNothing())
    .execute();
}

/** "Jetzt prüfen": the next sweep (or the job sent right away) picks it up; several requests are one run. */
export async function requestMailboxRun(db: Executor, tenantId: string, mailbox: string, at: Date): Promise<void> {
  await ensureMailboxState(db, tenantId, mailbox, at);
  await db
    .updateTable('invoiceImportMailboxes')
    .set({ runRequestedAt: at, nextRunAt: at, updatedAt: at })
    .where('tenantId', '=', tenantId)
    .where('mailbox', '=', mailbox)
    .execute();
}

/**
 * Takes the round lease of a mailbox when nobody holds it (or the holder's lease ran out: it crashed). One round
 * per mailbox across replicas; answers whether this owner got it.
 */
export async function claimMailboxLease(
  db: Executor,
  key: { tenantId: string; mailbox: string },
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('invoiceImportMailboxes')
    .set({ leaseOwner: owner, leaseUntil: until, runRequestedAt: null, updatedAt: now })
    .where('tenantId', '=', key.tenantId)
    .where('mailbox', '=', key.mailbox)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now), eb('leaseOwner', '=', owner)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function renewMailboxLease(
  db: Executor,
  key: { tenantId: string; mailbox: string },
  owner: string,
  until: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('invoiceImportMailboxes')
    .set({ leaseUntil: until })
    .where('tenantId', '=', key.tenantId)
    .where('mailbox', '=', key.mailbox)
    .where('leaseOwner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function releaseMailboxLease(
  db: Executor,
  key: { tenantId: string; mailbox: string },
  owner: string,
  outcome: { lastRunAt: Date; nextRunAt: Date },
): Promise<void> {
  await db
    .updateTable('invoiceImportMailboxes')
    .set((eb) => ({
      leaseOwner: null,
      leaseUntil: null,
      lastRunAt: outcome.lastRunAt,
      // A "Jetzt prüfen" that came in during the round runs right after it.
      nextRunAt: eb
        .case()
        .when('runRequestedAt', 'is not', null)
        .then(eb.ref('runRequestedAt'))
        .else(outcome.nextRunAt)
        .end(),
      updatedAt: outcome.lastRunAt,
    }))
    .where('tenantId', '=', key.tenantId)
    .where('mailbox', '=', key.mailbox)
    .where('leaseOwner', '=', owner)
    .execute();
}

/** jsonb values go in as JSON text (node-postgres would make an array a Postgres array); undefined: unchanged. */
function asJsonText<K extends string>(values: Partial<Record<K, unknown>>): Partial<Record<K, string | null>> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, value === null ? null : JSON.stringify(value)]),
  ) as Partial<Record<K, string | null>>;
}

export async function updateMailboxState(
  db: Executor,
  key: { tenantId: string; mailbox: string },
  patch: Partial<
    Pick<
      InvoiceImportMailboxRow,
      | 'deltaLink'
      | 'importedFolderId'
      | 'failedFolderId'
      | 'attentionCode'
      | 'attentionParams'
      | 'lastErrorCode'
      | 'lastErrorParams'
      | 'nextRunAt'
    >
  >,
  at: Date,
): Promise<void> {
  const { attentionParams, lastErrorParams, ...rest } = patch;
  await db
    .updateTable('invoiceImportMailboxes')
    .set({ ...rest, ...asJsonText({ attentionParams, lastErrorParams }), updatedAt: at })
    .where('tenantId', '=', key.tenantId)
    .where('mailbox', '=', key.mailbox)
    .execute();
}

/** Mailboxes of tenants with the import switched on whose round is due and not held by a live lease. */
export function listDueMailboxes(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('tenantFeatures as f')
    .leftJoin('invoiceImportMailboxes as m', (join) =>
      join.onRef('m.tenantId', '=', 'f.tenantId').onRef('m.mailbox', '=', 'f.mailbox'),
    )
    .select(['f.tenantId', 'f.mailbox'])
    .where('f.featureId', '=', 'invoice-mail-import')
    .where('f.enabled', '=', true)
    .where('f.mailbox', 'is not', null)
    .where((eb) => eb.or([eb('m.nextRunAt', 'is', null), eb('m.nextRunAt', '<=', now)]))
    .where((eb) => eb.or([eb('m.leaseUntil', 'is', null), eb('m.leaseUntil', '<', now)]))
    .limit(limit)
    .execute() as Promise<Array<{ tenantId: string; mailbox: string }>>;
}

// Messages ------------------------------------------------------------------------------------------------------

/** New mails of a delta page; a replay of one already in the ledger changes nothing. */
export async function insertNewMessages(trx: Executor, rows: NewInvoiceImportMessage[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await trx
    .insertInto('invoiceImportMessages')
    .values(rows)
    .onConflict((conflict) => conflict.columns(['tenantId', 'mailbox', 'graphId']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export async function knownGraphIds(
  db: Executor,
  tenantId: string,
  mailbox: string,
  graphIds: string[],
): Promise<Set<string>> {
  if (graphIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('invoiceImportMessages')
    .select('graphId')
    .where('tenantId', '=', tenantId)
    .where('mailbox', '=', mailbox)
    .where('graphId', 'in', graphIds)
    .execute();
  return new Set(rows.map((row) => row.graphId));
}

export function findImportMessage(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<InvoiceImportMessageRow | undefined> {
  return db
    .selectFrom('invoiceImportMessages')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The mails a round works on next, oldest first. */
export function listDueMessages(
  db: Executor,
  key: { tenantId: string; mailbox: string },
  now: Date,
  limit: number,
): Promise<InvoiceImportMessageRow[]> {
  return db
    .selectFrom('invoiceImportMessages')
    .selectAll()
    .where('tenantId', '=', key.tenantId)
    .where('mailbox', '=', key.mailbox)
    .where('state', 'in', OPEN_STATES)
    .where('nextAttemptAt', '<=', now)
    .orderBy('receivedAt', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

export interface MessagePage {
  tenantId: string;
  states?: readonly LedgerState[];
  limit: number;
  after?: { receivedAt: Date; id: string };
}

/** Newest first, keyset-paged by (received, id). */
export function listImportMessages(db: Executor, page: MessagePage): Promise<InvoiceImportMessageRow[]> {
  let query = db.selectFrom('invoiceImportMessages').selectAll().where('tenantId', '=', page.tenantId);
  if (page.states) query = query.where('state', 'in', page.states);
  if (page.after) {
    const { receivedAt, id } = page.after;
    query = query.where(sql<boolean>`(received_at, id) < (${receivedAt}, ${id}::uuid)`);
  }
  return query.orderBy('receivedAt', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export type MessagePatch = Partial<
  Pick<
    InvoiceImportMessageRow,
    | 'state'
    | 'attempts'
    | 'nextAttemptAt'
    | 'errorCode'
    | 'errorParams'
    | 'skippedCode'
    | 'skippedParams'
    | 'mailboxAction'
    | 'finishedAt'
  >
> & { notes?: MessageNote[] };

/** Changes a mail; with `fromStates` only when it is still in one of them (answers whether it changed). */
export async function updateImportMessage(
  db: Executor,
  tenantId: string,
  id: string,
  patch: MessagePatch,
  at: Date,
  fromStates?: readonly LedgerState[],
): Promise<boolean> {
  const { notes, errorParams, skippedParams, ...rest } = patch;
  let query = db
    .updateTable('invoiceImportMessages')
    .set({
      ...rest,
      ...(notes ? { notes: JSON.stringify(notes) } : {}),
      ...asJsonText({ errorParams, skippedParams }),
      updatedAt: at,
    })
    .where('tenantId', '=', tenantId)
    .where('id', '=', id);
  if (fromStates) query = query.where('state', 'in', fromStates);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countMessagesByState(db: Executor, tenantId: string): Promise<Record<LedgerState, number>> {
  const rows = await db
    .selectFrom('invoiceImportMessages')
    .select(['state', (eb) => eb.fn.countAll<string>().as('count')])
    .where('tenantId', '=', tenantId)
    .groupBy('state')
    .execute();
  const counts = { pending: 0, fetched: 0, filing: 0, filed: 0, done: 0, failed: 0, skipped: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}

// Documents -----------------------------------------------------------------------------------------------------

export function listMessageDocuments(
  db: Executor,
  tenantId: string,
  messageIds: string[],
): Promise<InvoiceImportDocumentRow[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('invoiceImportDocuments')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('messageId', 'in', messageIds)
    .orderBy('messageId')
    .orderBy('position')
    .execute();
}

// Tenants -------------------------------------------------------------------------------------------------------

export function findTenantElo(
  db: Executor,
  tenantId: string,
): Promise<{ id: string; slug: string; eloIxUrl: string } | undefined> {
  return db.selectFrom('tenants').select(['id', 'slug', 'eloIxUrl']).where('id', '=', tenantId).executeTakeFirst();
}
