import { FEATURE_IDS, FEATURES, type FeatureId, type FeatureSettings } from '@ecm365/shared';
import type { Db } from '../../../db/database.js';
import { listTenantFeatures } from './feature.repository.js';
import type { TenantFeatureRow } from '../ms365.tables.js';

/** Every feature of the registry with the tenant's stored rows (disabled when never set). */
export function featureSettingsOf(
  rows: ReadonlyArray<Pick<TenantFeatureRow, 'featureId' | 'enabled' | 'mailbox'>>,
): FeatureSettings[] {
  return FEATURE_IDS.map((id) => {
    const row = rows.find((candidate) => candidate.featureId === id);
    return { id, enabled: row?.enabled ?? false, mailbox: row?.mailbox ?? null, scopes: [...FEATURES[id].scopes] };
  });
}

/**
 * Which ELO features a tenant has switched on; they decide which permissions are requested. The invoice import's
 * settings are changed through its own module (invoice-import.service.ts).
 */
export class FeatureService {
  constructor(private readonly db: Db) {}

  /** Every feature of the registry with the tenant's settings (disabled when never set). */
  async list(tenantId: string): Promise<FeatureSettings[]> {
    return featureSettingsOf(await listTenantFeatures(this.db, tenantId));
  }

  async enabledIds(tenantId: string): Promise<FeatureId[]> {
    return (await this.list(tenantId)).filter((feature) => feature.enabled).map((feature) => feature.id);
  }
}
