import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Ms365AdminConsentsTable } from '../ms365.tables.js';

export async function insertAdminConsent(db: Db, row: Insertable<Ms365AdminConsentsTable>): Promise<void> {
  await db.insertInto('ms365AdminConsents').values(row).execute();
}

/**
 * Completes the admin-consent link whose state hashes to `stateHash`, once, while it is valid; undefined for an
 * unknown, expired or already used state. Found by the state alone: the administrator has no portal session.
 */
export function completeAdminConsent(
  db: Db,
  query: { stateHash: string; now: Date; outcome: 'granted' | 'failed' },
): Promise<{ tenantId: string; tenantSlug: string; requestedBy: string } | undefined> {
  return db
    .updateTable('ms365AdminConsents')
    .set({ completedAt: query.now, outcome: query.outcome })
    .from('tenants')
    .whereRef('tenants.id', '=', 'ms365AdminConsents.tenantId')
    .where('ms365AdminConsents.stateHash', '=', query.stateHash)
    .where('ms365AdminConsents.completedAt', 'is', null)
    .where('ms365AdminConsents.expiresAt', '>', query.now)
    .returning(['ms365AdminConsents.tenantId', 'tenants.slug as tenantSlug', 'ms365AdminConsents.requestedBy'])
    .executeTakeFirst();
}

export async function deleteExpiredAdminConsents(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('ms365AdminConsents').where('expiresAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
