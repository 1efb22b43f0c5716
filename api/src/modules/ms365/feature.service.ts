import {
  FEATURE_IDS,
  FEATURES,
  type FeatureId,
  type FeatureSettings,
  type InvoiceMailImportRequest,
} from '@ecm365/shared';
import type { Db } from '../../db/database.js';
import { ValidationFailedError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import { listTenantFeatures, upsertTenantFeature } from './feature.repository.js';
import type { TenantFeatureRow } from './ms365.tables.js';

/** Every feature of the registry with the tenant's stored rows (disabled when never set). */
export function featureSettingsOf(
  rows: ReadonlyArray<Pick<TenantFeatureRow, 'featureId' | 'enabled' | 'mailbox'>>,
): FeatureSettings[] {
  return FEATURE_IDS.map((id) => {
    const row = rows.find((candidate) => candidate.featureId === id);
    return { id, enabled: row?.enabled ?? false, mailbox: row?.mailbox ?? null, scopes: [...FEATURES[id].scopes] };
  });
}

/** Per-tenant settings of the ELO features that use the connection; they decide which permissions are requested. */
export class FeatureService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    /** Told after a tenant's settings changed (the connection status view includes them). */
    private readonly onChange: (tenantId: string) => void = () => {},
  ) {}

  /** Every feature of the registry with the tenant's settings (disabled when never set). */
  async list(tenantId: string): Promise<FeatureSettings[]> {
    return featureSettingsOf(await listTenantFeatures(this.db, tenantId));
  }

  async enabledIds(tenantId: string): Promise<FeatureId[]> {
    return (await this.list(tenantId)).filter((feature) => feature.enabled).map((feature) => feature.id);
  }

  async setInvoiceMailImport(
    principal: Principal,
    request: InvoiceMailImportRequest,
    ip: string,
  ): Promise<FeatureSettings> {
    const mailbox = request.mailbox?.trim().toLowerCase() || null;
    if (request.enabled && !mailbox) {
      throw new ValidationFailedError('Bitte geben Sie das Postfach an, aus dem Rechnungen importiert werden sollen.', {
        field: 'mailbox',
      });
    }
    await upsertTenantFeature(this.db, {
      tenantId: principal.tenant.id,
      featureId: 'invoice-mail-import',
      enabled: request.enabled,
      mailbox,
      updatedAt: this.clock.now(),
      updatedBy: principal.user.name,
    });
    this.onChange(principal.tenant.id);
    await this.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'ms365.feature',
      outcome: 'success',
      details: { feature: 'invoice-mail-import', enabled: request.enabled, mailbox },
      ip,
    });
    return {
      id: 'invoice-mail-import',
      enabled: request.enabled,
      mailbox,
      scopes: [...FEATURES['invoice-mail-import'].scopes],
    };
  }
}
