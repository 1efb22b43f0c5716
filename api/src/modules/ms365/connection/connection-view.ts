import {
  displayScopes,
  type ConnectionCheck,
  type ConnectionResponse,
  type ConnectionTestResponse,
  type ConnectionTestResult,
  type FeatureSettings,
  type MessageLocale,
  type RedeemResponse,
} from '@ecm365/shared';
import { localized } from '../../../messages/texts.js';
import type { ConnectionFailure } from '../ms365.tables.js';
import type { ConnectionStatusRow } from './connection.repository.js';

/** What the status keeps of a test's first failing check: its id as the reason, its text as code and params. */
export function lastFailureOf(failed: ConnectionCheck, at: Date): ConnectionFailure {
  return {
    at: at.toISOString(),
    reason: failed.id,
    message: failed.message,
    ...(failed.code ? { code: failed.code, params: failed.params ?? {} } : {}),
  };
}

/** A test result with its texts in the request's language (stored German, with codes to render them anew). */
export function localizeTestResult(result: ConnectionTestResult, locale: MessageLocale): ConnectionTestResult {
  return { ...result, checks: result.checks.map((check) => localized(check, locale)) };
}

export function localizeConnection(connection: ConnectionResponse, locale: MessageLocale): ConnectionResponse {
  return {
    ...connection,
    ...(connection.lastTest ? { lastTest: localizeTestResult(connection.lastTest, locale) } : {}),
    ...(connection.lastFailure ? { lastFailure: localized(connection.lastFailure, locale) } : {}),
  };
}

export function localizeRedeem(answer: RedeemResponse, locale: MessageLocale): RedeemResponse {
  return { connection: localizeConnection(answer.connection, locale), test: localizeTestResult(answer.test, locale) };
}

export function localizeTestResponse(answer: ConnectionTestResponse, locale: MessageLocale): ConnectionTestResponse {
  return { ...localizeTestResult(answer, locale), connection: localizeConnection(answer.connection, locale) };
}

/** The API's view of a tenant's connection (GET /ms365/connection). */
export function toConnectionResponse(
  row: ConnectionStatusRow | undefined,
  features: FeatureSettings[],
): ConnectionResponse {
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
