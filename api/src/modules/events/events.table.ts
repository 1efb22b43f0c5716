import type { ColumnType, Selectable } from 'kysely';

export interface EventSequencesTable {
  tenantId: string;
  lastSeq: ColumnType<string, string | number, string | number>;
}

export interface OutboxEventsTable {
  /** Stable event id (`evt_…`): the webhook-id of every delivery attempt. */
  id: string;
  tenantId: string;
  /** Position in the tenant's events, in commit order. bigint: pg hands it over as a string. */
  tenantSeq: ColumnType<string, string | number, never>;
  type: string;
  data: ColumnType<Record<string, unknown>, string, never>;
  createdAt: Date;
  dispatchedAt: Date | null;
}
export type OutboxEventRow = Selectable<OutboxEventsTable>;
