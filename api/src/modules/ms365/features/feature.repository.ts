import type { Db } from '../../../db/database.js';
import type { TenantFeatureRow } from '../ms365.tables.js';

export function listTenantFeatures(db: Db, tenantId: string): Promise<TenantFeatureRow[]> {
  return db.selectFrom('tenantFeatures').selectAll().where('tenantId', '=', tenantId).execute();
}

/** The feature rows of several tenants in one query (the health monitor's page of checks). */
export function listFeaturesOfTenants(db: Db, tenantIds: readonly string[]): Promise<TenantFeatureRow[]> {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('tenantFeatures').selectAll().where('tenantId', 'in', tenantIds).execute();
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
