import type { Db } from '../../../db/database.js';
import { systemClock, type Clock } from '../../../support/clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { TenantRef } from '../../auth/principal.js';
import { recordDeleted } from '../../events/connection-events.js';
import { deleteTenantAttempts } from '../attempts/attempt.repository.js';
import { deleteConnection } from './connection.repository.js';

/**
 * Deletes a tenant's connection (its tokens) and any attempt still holding tokens, on behalf of `actor`: a
 * customer („Verbindung trennen/löschen“) or ops through the admin CLI. Answers whether a connection existed.
 * One transaction with the `ms365.connection.deleted` event.
 */
export async function revokeConnection(
  db: Db,
  audit: AuditLog,
  tenant: Pick<TenantRef, 'id' | 'slug'>,
  actor: string,
  ip: string | null,
  clock: Clock = systemClock,
): Promise<boolean> {
  const existed = await db.transaction().execute(async (trx) => {
    const deleted = await deleteConnection(trx, tenant.id);
    await deleteTenantAttempts(trx, tenant.id);
    if (deleted) await recordDeleted(trx, deleted, actor, clock.now());
    return deleted !== undefined;
  });
  await audit.record({ tenant, actor, action: 'ms365.disconnect', outcome: 'success', details: { existed }, ip });
  return existed;
}
