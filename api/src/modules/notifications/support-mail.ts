import type { ConnectedAccount, ConnectionTestResult, SupportNotification } from '@ecm365/shared';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { queueMail, queueMails, type NewMail } from './notification.repository.js';

/** One support mail per set-up: a set-up is named by its tenant and the moment it was completed. */
export const supportMailKey = (tenantId: string, connectedAt: Date) =>
  `support:${tenantId}:${connectedAt.toISOString()}`;

/**
 * The same key computed by PostgreSQL from a connection row's columns (the status read joins the mail in its one
 * query). `connected_at` comes from a JavaScript Date, so milliseconds are its whole precision and `MS` matches
 * `toISOString()` exactly.
 */
export const supportMailKeySql = (tenantIdColumn: string, connectedAtColumn: string): RawBuilder<string> =>
  sql<string>`'support:' || ${sql.ref(tenantIdColumn)}::text || ':' || to_char(${sql.ref(connectedAtColumn)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The support mail's columns the status shows, as the status query reads them. */
export interface SupportMailState {
  status: SupportNotification['status'];
  createdAt: Date;
  sentAt: Date | null;
}

export function toSupportNotification(mail: SupportMailState, supportEmail: string): SupportNotification {
  return {
    status: mail.status,
    queuedAt: mail.createdAt.toISOString(),
    ...(mail.sentAt ? { sentAt: mail.sentAt.toISOString() } : {}),
    email: supportEmail,
  };
}

export interface SupportMailFacts {
  connectedAt: string;
  connectedBy: string;
  account: ConnectedAccount;
  features: Array<{ id: string; title: string; mailbox: string | null }>;
  test: ConnectionTestResult;
}

const supportMail = (tenantId: string, facts: SupportMailFacts, at: Date): NewMail => ({
  tenantId,
  dedupeKey: supportMailKey(tenantId, new Date(facts.connectedAt)),
  kind: 'support_setup',
  recipient: null,
  payload: { ...facts },
  at,
});

/**
 * „Bitte geben Sie uns anschließend unter support@ecm.online Bescheid“, done for the customer: when a set-up with a
 * feature enabled passes its test, a mail to SUPPORT_EMAIL is queued in the same transaction as the test result.
 * The key makes it once per set-up, whichever passing test (at set-up or a later one) comes first.
 */
export async function queueSupportMail(
  trx: Transaction<Database>,
  tenantId: string,
  facts: SupportMailFacts,
  at: Date,
): Promise<void> {
  await queueMail(trx, supportMail(tenantId, facts, at));
}

/**
 * `queueSupportMail` for several set-ups in one statement (the health monitor's page of passing tests); answers the
 * tenants whose mail this call queued.
 */
export async function queueSupportMails(
  trx: Transaction<Database>,
  mails: ReadonlyArray<{ tenantId: string; facts: SupportMailFacts; at: Date }>,
): Promise<Set<string>> {
  const rows = mails.map((mail) => supportMail(mail.tenantId, mail.facts, mail.at));
  const queued = await queueMails(trx, rows);
  return new Set(rows.filter((row) => queued.has(row.dedupeKey)).map((row) => row.tenantId));
}
