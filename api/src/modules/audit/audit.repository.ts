import { sql, type OperationNodeSource } from 'kysely';
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

/**
 * `write` (an INSERT or UPDATE with RETURNING, not yet executed) and the audit row of what it did, in one statement
 * (a data-modifying CTE): the audit row is inserted only when `write` wrote a row, and both commit together. One
 * round trip instead of two. Answers whether `write` wrote.
 */
export async function writeWithAuditEvent(db: Db, write: OperationNodeSource, event: NewAuditEvent): Promise<boolean> {
  // INSERT … SELECT types its parameters from nothing: each is cast to its column's type.
  const result = await sql<{ id: string }>`
    with written as (${write})
    insert into audit_events (tenant_id, tenant_slug, actor, action, outcome, details, ip)
    select ${event.tenantId}::uuid, ${event.tenantSlug}::text, ${event.actor}::text, ${event.action}::text,
      ${event.outcome}::text, ${JSON.stringify(event.details ?? {})}::jsonb, ${event.ip}::text
    where exists (select 1 from written)
    returning id`.execute(db);
  return result.rows.length > 0;
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
