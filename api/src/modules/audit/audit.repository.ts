import { sql, type OperationNodeSource, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { executePrepared } from '../../db/prepared-statements.js';
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

/**
 * A `sql` template, not the query builder: an audit row is written by most requests that change something, and
 * Kysely's building and compiling was a visible share of the connect flow's CPU (issue 13).
 */
export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await executePrepared(
    db,
    sql`
      insert into audit_events (tenant_id, tenant_slug, actor, action, outcome, details, ip)
      values (${event.tenantId}, ${event.tenantSlug}, ${event.actor}, ${event.action}, ${event.outcome},
        ${JSON.stringify(event.details ?? {})}, ${event.ip})`,
  );
}

/**
 * `write` (an INSERT or UPDATE with RETURNING, not yet executed; it runs prepared, db/prepared-statements.ts, so it
 * must name its columns, no `*`) and the audit row of what it did, in one statement
 * (a data-modifying CTE): the audit row is inserted only when `write` wrote a row, and both commit together. One
 * round trip instead of two. Answers whether `write` wrote. `before`, when given, is a CTE put ahead of `write`
 * under its name, which `write` may refer to (a cap's try that `write` depends on).
 */
export async function writeWithAuditEvent(
  db: Db,
  write: OperationNodeSource,
  event: NewAuditEvent,
  before?: { name: string; statement: RawBuilder<unknown> },
): Promise<boolean> {
  const first = before ? sql`${sql.id(before.name)} as (${before.statement}),` : sql``;
  // INSERT … SELECT types its parameters from nothing: each is cast to its column's type.
  const result = await executePrepared(
    db,
    sql<{ id: string }>`
    with ${first} written as (${write})
    insert into audit_events (tenant_id, tenant_slug, actor, action, outcome, details, ip)
    select ${event.tenantId}::uuid, ${event.tenantSlug}::text, ${event.actor}::text, ${event.action}::text,
      ${event.outcome}::text, ${JSON.stringify(event.details ?? {})}::jsonb, ${event.ip}::text
    where exists (select 1 from written)
    returning id`,
  );
  return result.rows.length > 0;
}

/**
 * `write` (an UPDATE or INSERT … RETURNING, not executed) and the audit row of its outcome in one statement: a
 * success when `write` returned a row that `succeeded` (a condition on the returned columns) holds for, with the
 * details `successDetails` builds from that row (a jsonb expression on its columns), else a failure with
 * `failureDetails`. Both commit with the write, or neither. Answers the rows `write` returned.
 */
export async function writeWithAuditOutcome<R>(
  db: Db,
  write: RawBuilder<R>,
  audit: {
    event: Omit<NewAuditEvent, 'outcome' | 'details'>;
    succeeded: RawBuilder<boolean>;
    successDetails: RawBuilder<unknown>;
    failureDetails: Record<string, unknown>;
  },
): Promise<R[]> {
  const { event } = audit;
  const result = await executePrepared(
    db,
    sql<R>`
    with written as (${write}),
    succeeded as (select ${audit.successDetails} as details from written where ${audit.succeeded} limit 1),
    audited as (
      insert into audit_events (tenant_id, tenant_slug, actor, action, outcome, details, ip)
      select ${event.tenantId}::uuid, ${event.tenantSlug}::text, ${event.actor}::text, ${event.action}::text,
        case when succeeded.details is null then 'failure' else 'success' end,
        coalesce(succeeded.details, ${JSON.stringify(audit.failureDetails)}::jsonb), ${event.ip}::text
      from (select 1) as one left join succeeded on true)
    select * from written`,
  );
  return result.rows;
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
