import type { Db } from '../../../db/database.js';
import type { TenantFeatureRow } from '../ms365.tables.js';

export function listTenantFeatures(db: Db, tenantId: string): Promise<TenantFeatureRow[]> {
  return db.selectFrom('tenantFeatures').selectAll().where('tenantId', '=', tenantId).execute();
}

export async function upsertTenantFeature(db: Db, row: TenantFeatureRow): Promise<void> {
  await db
    .insertInto('tenantFeatures')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['tenantId', 'featureId']).doUpdateSet({
        enabled: row.enabled,
        mailbox: row.mailbox,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}
