import type { ConnectedAccount, ConnectionTestResult, SupportNotification } from '@ecm365/shared';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { findMailByKey, queueMail } from './notification.repository.js';

/** One support mail per set-up: a set-up is named by its tenant and the moment it was completed. */
export const supportMailKey = (tenantId: string, connectedAt: Date) =>
  `support:${tenantId}:${connectedAt.toISOString()}`;

export interface SupportMailFacts {
  connectedAt: string;
  connectedBy: string;
  account: ConnectedAccount;
  features: Array<{ id: string; title: string; mailbox: string | null }>;
  test: ConnectionTestResult;
}

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
  await queueMail(trx, {
    tenantId,
    dedupeKey: supportMailKey(tenantId, new Date(facts.connectedAt)),
    kind: 'support_setup',
    recipient: null,
    payload: { ...facts },
    at,
  });
}

/** What the connection status says about the support mail of the current set-up. */
export async function supportNotificationOf(
  db: Db,
  tenantId: string,
  connectedAt: Date,
  supportEmail: string,
): Promise<SupportNotification | undefined> {
  const mail = await findMailByKey(db, tenantId, supportMailKey(tenantId, connectedAt));
  if (!mail) return undefined;
  return {
    status: mail.status,
    queuedAt: mail.createdAt.toISOString(),
    ...(mail.sentAt ? { sentAt: mail.sentAt.toISOString() } : {}),
    email: supportEmail,
  };
}
