import { displayScopes, type ConnectionResponse, type FeatureSettings } from '@ecm365/shared';
import type { ConnectionRow } from './ms365.tables.js';

/** The API's view of a tenant's connection (GET /ms365/connection). */
export function toConnectionResponse(row: ConnectionRow | undefined, features: FeatureSettings[]): ConnectionResponse {
  if (!row) return { status: 'not_connected', features };
  return {
    status: row.status,
    account: {
      username: row.accountUsername,
      displayName: row.accountDisplayName,
      microsoftTenantId: row.microsoftTenantId,
    },
    // As the portal shows permissions (short, our spelling), whatever spelling Microsoft's token response used.
    scopes: displayScopes(row.scopes),
    connectedAt: row.connectedAt.toISOString(),
    connectedBy: row.connectedBy,
    ...(row.lastTest ? { lastTest: row.lastTest } : {}),
    ...(row.lastCheckedAt ? { lastCheckedAt: row.lastCheckedAt.toISOString() } : {}),
    ...(row.nextCheckAt ? { nextCheckAt: row.nextCheckAt.toISOString() } : {}),
    ...(row.lastFailure ? { lastFailure: row.lastFailure } : {}),
    features,
  };
}
