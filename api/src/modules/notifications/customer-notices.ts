import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { germanCalendarDate } from '../../support/clock.js';
import { findNotificationAddress, queueMail } from './notification.repository.js';
import type { MailKind } from './notification.table.js';

/** Which events the customer's notification address hears about, as which kind of mail. */
const NOTICE_KINDS: Readonly<Record<string, MailKind>> = {
  'ms365.connection.needs_reauth': 'needs_reauth',
  'invoice_import.message.failed': 'import_failure',
  'invoice_import.needs_attention': 'import_failure',
};

/**
 * The relay's mail channel for customers: an event of a kind above queues a mail to the tenant's notification
 * address, at most one per kind and (German) calendar day — the key makes a second one a no-op, across replicas and
 * replays of the same event.
 */
export async function queueCustomerNotice(
  trx: Transaction<Database>,
  event: { id: string; tenantId: string; type: string; data: Record<string, unknown> },
  at: Date,
): Promise<boolean> {
  const kind = NOTICE_KINDS[event.type];
  if (!kind) return false;
  const address = await findNotificationAddress(trx, event.tenantId);
  if (!address?.email) return false;
  return queueMail(trx, {
    tenantId: event.tenantId,
    dedupeKey: `notice:${event.tenantId}:${kind}:${germanCalendarDate(at)}`,
    kind,
    recipient: address.email,
    payload: { eventId: event.id, type: event.type, data: event.data },
    locale: address.locale,
    at,
  });
}
