import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './202611260001_foundation.js';
import * as ms365Connection from './202611260002_ms365_connection.js';
import * as apiTokens from './202611260003_api_tokens.js';
import * as attemptCallbackClaim from './202611260004_attempt_callback_claim.js';
import * as sessionHostKind from './202611271801_session_host_kind.js';
import * as sessionGroupCheck from './202611271802_session_group_check.js';
import * as browserBindingAdminConsent from './202611300001_ms365_browser_binding_admin_consent.js';
import * as eventsWebhooksNotifications from './202612010001_events_webhooks_notifications.js';
import * as eloServiceAccount from './202612010002_elo_service_account.js';
import * as invoiceImport from './202612020100_invoice_import.js';
import * as apiTokenScopes from './202612020200_api_token_scopes.js';
import * as textsByCode from './202612030500_texts_by_code.js';
import * as connectionLockRead from './202612031800_connection_lock_read.js';

/**
 * Every migration, in order. A static list instead of a folder scan: it works the same from TypeScript sources
 * and from a compiled build, and a missing import is a type error rather than a silently skipped step.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '202611260001_foundation': foundation,
  '202611260002_ms365_connection': ms365Connection,
  '202611260003_api_tokens': apiTokens,
  '202611260004_attempt_callback_claim': attemptCallbackClaim,
  '202611271801_session_host_kind': sessionHostKind,
  '202611271802_session_group_check': sessionGroupCheck,
  '202611300001_ms365_browser_binding_admin_consent': browserBindingAdminConsent,
  '202612010001_events_webhooks_notifications': eventsWebhooksNotifications,
  '202612010002_elo_service_account': eloServiceAccount,
  '202612020100_invoice_import': invoiceImport,
  '202612020200_api_token_scopes': apiTokenScopes,
  '202612030500_texts_by_code': textsByCode,
  '202612031800_connection_lock_read': connectionLockRead,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
