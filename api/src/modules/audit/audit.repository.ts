import type { Db } from '../../db/database.js';
import type { AuditEventRow } from './audit.table.js';

export interface NewAuditEvent {
  tenantId: string | null;
  tenantSlug: string | null;
  actor: string | null;
  action: string;
  outcome: 'success' | 'failure';
  details?: Record<string, unknown>;
  ip: string | null;
}

export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({ ...event, details: JSON.stringify(event.details ?? {}) })
    .execute();
}

export function listAuditEvents(db: Db, tenantId: string, limit: number): Promise<AuditEventRow[]> {
  return db
    .selectFrom('auditEvents')
    .select(['id', 'tenantId', 'tenantSlug', 'actor', 'action', 'outcome', 'details', 'ip', 'createdAt'])
    .where('tenantId', '=', tenantId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
