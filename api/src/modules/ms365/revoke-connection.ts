import type { Db } from '../../db/database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { TenantRef } from '../auth/principal.js';
import { deleteTenantAttempts } from './attempt.repository.js';
import { deleteConnection } from './connection.repository.js';

/**
 * Deletes a tenant's connection (its tokens) and any attempt still holding tokens, on behalf of `actor`: a
 * customer („Verbindung trennen/löschen“) or ops through the admin CLI. Answers whether a connection existed.
 */
export async function revokeConnection(
  db: Db,
  audit: AuditLog,
  tenant: Pick<TenantRef, 'id' | 'slug'>,
  actor: string,
  ip: string | null,
): Promise<boolean> {
  const existed = await deleteConnection(db, tenant.id);
  await deleteTenantAttempts(db, tenant.id);
  await audit.record({ tenant, actor, action: 'ms365.disconnect', outcome: 'success', details: { existed }, ip });
  return existed;
}
