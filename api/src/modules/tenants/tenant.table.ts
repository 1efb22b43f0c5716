import type { ColumnType, Generated, Selectable } from 'kysely';

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  eloIxUrl: string;
  /** Last day on which any signed-in ELO user of the tenant may connect (`YYYY-MM-DD`), or null. */
  graceUntil: string | null;
  createdAt: ColumnType<Date, never, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type TenantRow = Selectable<TenantsTable>;
