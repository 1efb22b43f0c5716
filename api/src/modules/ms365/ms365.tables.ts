import type { AttemptError, ConnectionStatusValue, ConnectionTestResult } from '@ecm365/shared';
import type { ColumnType, Selectable } from 'kysely';
import type { MicrosoftAccountInfo } from '../../adapters/microsoft/microsoft-identity.js';

export type { MicrosoftAccountInfo };

type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export type AttemptStatusColumn = 'pending' | 'code_ready' | 'failed' | 'redeemed';

/** The Microsoft account the tokens belong to, as MSAL reported it. */
export interface Ms365AttemptsTable {
  id: string;
  tenantId: string;
  eloUserId: string;
  eloUserName: string;
  principalKey: string;
  stateHash: string;
  returnOrigin: string;
  scopes: string[];
  status: AttemptStatusColumn;
  /** Encrypted `{codeVerifier, nonce}` of the latest trip to Microsoft (replaced with the state on every authorize). */
  flowSecrets: string;
  /** Encrypted MSAL token cache, after the callback. */
  tokenCache: string | null;
  account: NullableJson<MicrosoftAccountInfo>;
  grantedScopes: string[] | null;
  error: NullableJson<AttemptError>;
  codeHash: string | null;
  /** Random salt the MS365 code is derived from (with a key of the ring); the code itself is never stored. */
  codeSalt: string | null;
  codeKeyId: string | null;
  codeExpiresAt: Date | null;
  /** Set by the first callback for this attempt; later ones leave Microsoft's code alone. */
  callbackClaimedAt: Date | null;
  /**
   * Attempts started with an API token: hash of the binding cookie of the first browser that opened the connector
   * link. Only that browser may go on to Microsoft and complete the callback.
   */
  browserBindingHash: string | null;
  createdAt: Date;
  expiresAt: Date;
  redeemedAt: Date | null;
}
export type AttemptRow = Selectable<Ms365AttemptsTable>;

/** An admin-consent link handed out: its state (hashed) is checked when the administrator comes back. */
export interface Ms365AdminConsentsTable {
  stateHash: string;
  tenantId: string;
  requestedBy: string;
  createdAt: Date;
  expiresAt: Date;
  completedAt: Date | null;
  outcome: 'granted' | 'failed' | null;
}

export interface ConnectionFailure {
  at: string;
  reason: string;
  message: string;
}

export interface Ms365ConnectionsTable {
  tenantId: string;
  status: Exclude<ConnectionStatusValue, 'not_connected'>;
  accountUsername: string;
  accountDisplayName: string;
  microsoftTenantId: string;
  homeAccountId: string;
  scopes: string[];
  /** Encrypted MSAL token cache (refresh token inside). */
  tokenCache: string;
  connectedAt: Date;
  connectedBy: string;
  lastTest: NullableJson<ConnectionTestResult>;
  lastCheckedAt: Date | null;
  nextCheckAt: Date | null;
  lastFailure: NullableJson<ConnectionFailure>;
  updatedAt: Date;
}
export type ConnectionRow = Selectable<Ms365ConnectionsTable>;

export interface TenantFeaturesTable {
  tenantId: string;
  featureId: string;
  enabled: boolean;
  mailbox: string | null;
  updatedAt: Date;
  updatedBy: string;
}
export type TenantFeatureRow = Selectable<TenantFeaturesTable>;
