import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { WebhookDeliveryRow, WebhookRow } from './webhook.table.js';

const PUBLIC_COLUMNS = ['id', 'tenantId', 'url', 'events', 'description', 'createdAt', 'createdBy'] as const;
export type WebhookListing = Omit<WebhookRow, 'secret'>;

export async function insertWebhook(
  db: Db,
  row: Omit<WebhookRow, 'secret' | 'id'> & { id: string; secret: string },
): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export function listWebhooks(db: Db, tenantId: string): Promise<WebhookListing[]> {
  return db
    .selectFrom('webhooks')
    .select(PUBLIC_COLUMNS)
    .where('tenantId', '=', tenantId)
    .orderBy('createdAt')
    .execute();
}

export async function countWebhooks(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenantId', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findWebhook(db: Db, tenantId: string, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function deleteWebhook(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhooks')
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Hands events to every webhook of their tenant that subscribed to their type (once per webhook and event), all
 * events of a relay batch in one statement: one round trip instead of one per event, on the path of every
 * connection set-up and test (issue 13).
 */
export async function enqueueDeliveries(
  trx: Transaction<Database>,
  events: ReadonlyArray<{ id: string; tenantId: string; tenantSeq: string; type: string }>,
  at: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const result = await sql`
    insert into webhook_deliveries
      (tenant_id, webhook_id, event_id, event_type, event_seq, is_test, status, attempts, next_attempt_at, created_at)
    select w.tenant_id, w.id, e.id, e.type, e.seq, false, 'pending', 0, ${at}, ${at}
    from unnest(${events.map((event) => event.id)}::text[], ${events.map((event) => event.tenantId)}::uuid[],
      ${events.map((event) => event.type)}::text[], ${events.map((event) => event.tenantSeq)}::bigint[])
      as e(id, tenant_id, type, seq)
    join webhooks w on w.tenant_id = e.tenant_id and e.type = any(w.events)
    on conflict (webhook_id, event_id) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

export async function insertTestDelivery(
  trx: Transaction<Database>,
  delivery: { tenantId: string; webhookId: string; eventId: string; eventSeq: string; at: Date },
): Promise<WebhookDeliveryRow> {
  return trx
    .insertInto('webhookDeliveries')
    .values({
      tenantId: delivery.tenantId,
      webhookId: delivery.webhookId,
      eventId: delivery.eventId,
      eventType: 'webhook.test',
      eventSeq: delivery.eventSeq,
      isTest: true,
      status: 'sending',
      attempts: 0,
      createdAt: delivery.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface DueDelivery extends WebhookDeliveryRow {
  url: string;
  secret: string;
  eventCreatedAt: Date;
  eventData: Record<string, unknown>;
  tenantSlug: string;
}

/**
 * The deliveries to attempt now: per webhook only its oldest unfinished one (by the tenant's event order), and
 * only when due. A later event never overtakes an earlier one to the same receiver; test pings stand outside.
 */
export function listDueDeliveries(db: Db, now: Date, limit: number): Promise<DueDelivery[]> {
  return db
    .selectFrom('webhookDeliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhookId')
    .innerJoin('outboxEvents as e', 'e.id', 'd.eventId')
    .innerJoin('tenants as t', 't.id', 'd.tenantId')
    .selectAll('d')
    .select(['w.url', 'w.secret', 'e.createdAt as eventCreatedAt', 'e.data as eventData', 't.slug as tenantSlug'])
    .where('d.status', '=', 'pending')
    .where('d.nextAttemptAt', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhookDeliveries as earlier')
            .select('earlier.id')
            .whereRef('earlier.webhookId', '=', 'd.webhookId')
            .where('earlier.status', '=', 'pending')
            .where('earlier.isTest', '=', false)
            .whereRef('earlier.eventSeq', '<', 'd.eventSeq'),
        ),
      ),
    )
    .orderBy('d.nextAttemptAt')
    .limit(limit)
    .execute();
}

export async function recordDeliveryAttempt(
  db: Db,
  delivery: { id: string; tenantId: string },
  outcome: {
    status: WebhookDeliveryRow['status'];
    attempts: number;
    at: Date;
    nextAttemptAt: Date | null;
    responseStatus: number | null;
    durationMs: number;
    error: string | null;
  },
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .updateTable('webhookDeliveries')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      lastAttemptAt: outcome.at,
      nextAttemptAt: outcome.nextAttemptAt,
      responseStatus: outcome.responseStatus,
      durationMs: outcome.durationMs,
      error: outcome.error,
      ...(outcome.status === 'delivered' ? { deliveredAt: outcome.at } : {}),
    })
    .where('id', '=', delivery.id)
    .where('tenantId', '=', delivery.tenantId)
    .returningAll()
    .executeTakeFirst();
}

export function listDeliveries(
  db: Db,
  tenantId: string,
  webhookId: string,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom('webhookDeliveries')
    .selectAll()
    .where('tenantId', '=', tenantId)
    .where('webhookId', '=', webhookId)
    .orderBy('createdAt', 'desc')
    .orderBy('eventSeq', 'desc')
    .limit(limit)
    .execute();
}

/** Every webhook's encrypted secret, across tenants: for key rotation only (an ops command). */
export function listWebhookSecrets(db: Db): Promise<Array<Pick<WebhookRow, 'id' | 'tenantId' | 'secret'>>> {
  return db.selectFrom('webhooks').select(['id', 'tenantId', 'secret']).execute();
}

/** Replaces a secret's ciphertext only if it is still `expected` (compare-and-set). */
export async function replaceWebhookSecret(
  db: Db,
  webhook: { id: string; tenantId: string },
  expected: string,
  next: string,
): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ secret: next })
    .where('tenantId', '=', webhook.tenantId)
    .where('id', '=', webhook.id)
    .where('secret', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
