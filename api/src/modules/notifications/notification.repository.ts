import type { MessageLocale } from '@ecm365/shared';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { MailKind, NotificationMailRow } from './notification.table.js';

export function findNotificationEmail(db: Db, tenantId: string): Promise<string | null> {
  return findNotificationAddress(db, tenantId).then((row) => row?.email ?? null);
}

/** The address and the language its mails are written in. */
export function findNotificationAddress(
  db: Db,
  tenantId: string,
): Promise<{ email: string | null; locale: MessageLocale } | undefined> {
  return db
    .selectFrom('notificationSettings')
    .select(['email', 'locale'])
    .where('tenantId', '=', tenantId)
    .executeTakeFirst();
}

export async function upsertNotificationEmail(
  db: Db,
  row: { tenantId: string; email: string | null; locale: MessageLocale; updatedAt: Date; updatedBy: string },
): Promise<void> {
  await db
    .insertInto('notificationSettings')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('tenantId').doUpdateSet({
        email: row.email,
        locale: row.locale,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}

export interface NewMail {
  tenantId: string;
  dedupeKey: string;
  kind: MailKind;
  recipient: string | null;
  payload: Record<string, unknown>;
  /** The language of the text; German when not given (the support mail). */
  locale?: MessageLocale;
  at: Date;
}

const mailRow = (mail: NewMail) => ({
  tenantId: mail.tenantId,
  dedupeKey: mail.dedupeKey,
  kind: mail.kind,
  recipient: mail.recipient,
  payload: JSON.stringify(mail.payload),
  ...(mail.locale ? { locale: mail.locale } : {}),
  status: 'pending' as const,
  attempts: 0,
  nextAttemptAt: mail.at,
  createdAt: mail.at,
});

/** Queues a mail unless one with the same key exists; answers whether this call queued it. */
export async function queueMail(trx: Transaction<Database>, mail: NewMail): Promise<boolean> {
  const result = await trx
    .insertInto('notificationMails')
    .values(mailRow(mail))
    .onConflict((conflict) => conflict.column('dedupeKey').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * `queueMail` for several mails in one statement (the health monitor's page of passing tests); answers the keys of
 * the mails this call queued (not those that existed).
 */
export async function queueMails(trx: Transaction<Database>, mails: readonly NewMail[]): Promise<Set<string>> {
  if (mails.length === 0) return new Set();
  const queued = await trx
    .insertInto('notificationMails')
    .values(mails.map(mailRow))
    .onConflict((conflict) => conflict.column('dedupeKey').doNothing())
    .returning('dedupeKey')
    .execute();
  return new Set(queued.map((row) => row.dedupeKey));
}

export interface DueMail extends NotificationMailRow {
  tenantSlug: string;
  tenantName: string;
}

/** Mails whose (next) attempt is due, oldest first, with their tenant's names. */
export function listDueMails(db: Db, now: Date, limit: number): Promise<DueMail[]> {
  return db
    .selectFrom('notificationMails')
    .innerJoin('tenants', 'tenants.id', 'notificationMails.tenantId')
    .selectAll('notificationMails')
    .select(['tenants.slug as tenantSlug', 'tenants.name as tenantName'])
    .where('notificationMails.status', '=', 'pending')
    .where('notificationMails.nextAttemptAt', '<=', now)
    .orderBy('notificationMails.createdAt')
    .limit(limit)
    .execute();
}

export async function recordMailAttempt(
  db: Db,
  mail: { id: string; tenantId: string },
  outcome: {
    status: NotificationMailRow['status'];
    attempts: number;
    at: Date;
    nextAttemptAt: Date | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .updateTable('notificationMails')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      lastAttemptAt: outcome.at,
      nextAttemptAt: outcome.nextAttemptAt,
      error: outcome.error,
      ...(outcome.status === 'sent' ? { sentAt: outcome.at } : {}),
    })
    .where('id', '=', mail.id)
    .where('tenantId', '=', mail.tenantId)
    .execute();
}
