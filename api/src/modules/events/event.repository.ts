import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { OutboxEventRow } from './events.table.js';

/**
 * The tenant's next event number. The upsert locks the tenant's sequence row until the transaction ends, so a
 * second transaction writing an event for the same tenant waits: numbers follow commit order, without gaps from
 * rolled-back transactions.
 */
export async function nextTenantSeq(trx: Transaction<Database>, tenantId: string): Promise<string> {
  const row = await trx
    .insertInto('eventSequences')
    .values({ tenantId, lastSeq: 1 })
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet({ lastSeq: sql`event_sequences.last_seq + 1` }))
    .returning('lastSeq')
    .executeTakeFirstOrThrow();
  return String(row.lastSeq);
}

export interface NewOutboxEvent {
  id: string;
  tenantId: string;
  tenantSeq: string;
  type: string;
  data: unknown;
  createdAt: Date;
  /** Set for events that are handed to their channel directly (webhook tests). */
  dispatchedAt?: Date;
}

export async function insertOutboxEvent(trx: Transaction<Database>, event: NewOutboxEvent): Promise<void> {
  await trx
    .insertInto('outboxEvents')
    .values({ ...event, data: JSON.stringify(event.data), dispatchedAt: event.dispatchedAt ?? null })
    .execute();
}

/**
 * `nextTenantSeq` and `insertOutboxEvent` in one statement (one round trip instead of two: every connection test
 * and set-up writes an event, and on a busy database each round trip costs more than the statement, issue 13).
 * The same lock and the same numbering: the upsert's row lock is held until the transaction ends.
 */
export async function insertNextOutboxEvent(
  trx: Transaction<Database>,
  event: Omit<NewOutboxEvent, 'tenantSeq' | 'dispatchedAt'>,
): Promise<string> {
  const result = await sql<{ tenantSeq: string }>`
    with seq as (
      insert into event_sequences (tenant_id, last_seq) values (${event.tenantId}, 1)
      on conflict (tenant_id) do update set last_seq = event_sequences.last_seq + 1
      returning last_seq)
    insert into outbox_events (id, tenant_id, tenant_seq, type, data, created_at, dispatched_at)
    select ${event.id}, ${event.tenantId}, seq.last_seq, ${event.type}, ${JSON.stringify(event.data)}::jsonb,
      ${event.createdAt}, null
    from seq
    returning tenant_seq`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('the outbox event was not written');
  return String(row.tenantSeq);
}

/**
 * Several events (of one or more tenants) in one statement: the health monitor records a page of test outcomes in
 * one transaction (issue 13). Each tenant's sequence row is taken once, raised by its number of events, and the
 * events numbered in the order given; the same locks as `insertNextOutboxEvent` (the sequence rows are upserted in
 * tenant order, so two such transactions never wait for each other in a circle). Answers the numbers in input order.
 */
export async function insertNextOutboxEvents(
  trx: Transaction<Database>,
  events: ReadonlyArray<Omit<NewOutboxEvent, 'tenantSeq' | 'dispatchedAt'>>,
): Promise<string[]> {
  if (events.length === 0) return [];
  const result = await sql<{ id: string; tenantSeq: string }>`
    with input as (
      select * from unnest(${events.map((e) => e.id)}::text[], ${events.map((e) => e.tenantId)}::uuid[],
        ${events.map((e) => e.type)}::text[], ${events.map((e) => JSON.stringify(e.data))}::jsonb[],
        ${events.map((e) => e.createdAt.toISOString())}::timestamptz[])
        with ordinality as e(id, tenant_id, type, data, created_at, n)),
    counts as (select tenant_id, count(*) as k from input group by tenant_id),
    seq as (
      insert into event_sequences (tenant_id, last_seq)
      select tenant_id, k from counts order by tenant_id
      on conflict (tenant_id) do update set last_seq = event_sequences.last_seq + excluded.last_seq
      returning tenant_id, last_seq)
    insert into outbox_events (id, tenant_id, tenant_seq, type, data, created_at, dispatched_at)
    select i.id, i.tenant_id, s.last_seq - c.k + row_number() over (partition by i.tenant_id order by i.n),
      i.type, i.data, i.created_at, null
    from input i join counts c on c.tenant_id = i.tenant_id join seq s on s.tenant_id = i.tenant_id
    returning id, tenant_seq`.execute(trx);
  const seqById = new Map(result.rows.map((row) => [row.id, String(row.tenantSeq)]));
  return events.map((event) => {
    const seq = seqById.get(event.id);
    if (seq === undefined) throw new Error('an outbox event was not written');
    return seq;
  });
}

/**
 * Events not yet handed to their channels, each tenant's in its order. Locked (skipping what another relay holds),
 * so that even two relays by mistake never hand the same event out twice.
 */
export function lockUndispatchedEvents(trx: Transaction<Database>, limit: number): Promise<OutboxEventRow[]> {
  return trx
    .selectFrom('outboxEvents')
    .selectAll()
    .where('dispatchedAt', 'is', null)
    .orderBy('tenantId')
    .orderBy('tenantSeq')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markDispatched(trx: Transaction<Database>, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('outboxEvents').set({ dispatchedAt: at }).where('id', 'in', ids).execute();
}

/** A tenant's events, newest first (diagnostics and tests). */
export function listTenantEvents(db: Db, tenantId: string, limit = 100): Promise<OutboxEventRow[]> {
  return db
    .selectFrom('outboxEvents')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .orderBy('tenantSeq', 'desc')
    .limit(limit)
    .execute();
}

/** Dispatched events older than `before` go, with their delivery log (cascade); undelivered ones stay. */
export async function deleteOldEvents(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('outboxEvents')
    .where('dispatchedAt', 'is not', null)
    .where('createdAt', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhookDeliveries')
            .select('webhookDeliveries.id')
            .whereRef('webhookDeliveries.eventId', '=', 'outboxEvents.id')
            .where('webhookDeliveries.status', 'in', ['pending', 'sending']),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
