import type { ColumnType, Generated, Selectable } from 'kysely';

export interface AuditEventsTable {
  id: Generated<string>;
  tenantId: string | null;
  /** Kept beside the id so the trail stays readable after a tenant is removed. */
  tenantSlug: string | null;
  actor: string | null;
  action: string;
  outcome: 'success' | 'failure';
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  ip: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export type AuditEventRow = Selectable<AuditEventsTable>;
