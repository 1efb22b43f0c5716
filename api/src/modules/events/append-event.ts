import { randomUUID } from 'node:crypto';
import type { EventDataByType, EventType } from '@ecm365/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { insertNextOutboxEvent, insertNextOutboxEvents } from './event.repository.js';

export interface AppendedEvent {
  id: string;
  tenantSeq: string;
}

/** `evt_` and 32 hex digits: unique, not guessable, the same on every delivery attempt. */
export function newEventId(): string {
  return `evt_${randomUUID().replaceAll('-', '')}`;
}

/**
 * Writes an event (SPEC §10) to the outbox inside the caller's transaction — the one that makes the change the event
 * reports — so the event exists exactly when the change does. The relay hands it to webhooks and notification mails
 * after the commit, at least once, each tenant's events in order.
 *
 * Every query runs on `trx`; call it as the transaction's last write so the tenant's sequence lock is held briefly.
 */
export async function appendEvent<T extends EventType>(
  trx: Transaction<Database>,
  event: { tenantId: string; type: T; data: EventDataByType[T]; at?: Date },
): Promise<AppendedEvent> {
  const id = newEventId();
  const tenantSeq = await insertNextOutboxEvent(trx, {
    id,
    tenantId: event.tenantId,
    type: event.type,
    data: event.data,
    createdAt: event.at ?? new Date(),
  });
  return { id, tenantSeq };
}

/** An event as `appendEvent` takes it, of any type. */
export type NewEvent = {
  [T in EventType]: { tenantId: string; type: T; data: EventDataByType[T]; at?: Date };
}[EventType];

/**
 * `appendEvent` for several events in one statement (the health monitor's page of test outcomes): the same
 * outbox, numbering and locks; each tenant's events in the order given.
 */
export async function appendEvents(trx: Transaction<Database>, events: readonly NewEvent[]): Promise<AppendedEvent[]> {
  const rows = events.map((event) => ({
    id: newEventId(),
    tenantId: event.tenantId,
    type: event.type,
    data: event.data,
    createdAt: event.at ?? new Date(),
  }));
  const seqs = await insertNextOutboxEvents(trx, rows);
  return rows.map((row, i) => ({ id: row.id, tenantSeq: seqs[i] ?? '' }));
}
