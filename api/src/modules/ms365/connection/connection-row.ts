import type { Insertable } from 'kysely';
import type { KeyRing } from '../../../crypto/key-ring.js';
import { connectionCacheContext } from './connection-tokens.js';
import type { MicrosoftAccountInfo, Ms365ConnectionsTable } from '../ms365.tables.js';

export interface NewConnection {
  tenantId: string;
  account: MicrosoftAccountInfo;
  /** What Microsoft granted. */
  scopes: string[];
  /** The serialized MSAL cache with the account's tokens, in clear text; encrypted here. */
  serializedCache: string;
  connectedBy: string;
  now: Date;
}

/** The row of a connection just set up: connected, not tested yet, due for its first health check at once. */
export function newConnectionRow(connection: NewConnection, keys: KeyRing): Insertable<Ms365ConnectionsTable> {
  return {
    tenantId: connection.tenantId,
    status: 'connected',
    accountUsername: connection.account.username,
    accountDisplayName: connection.account.displayName,
    microsoftTenantId: connection.account.microsoftTenantId,
    homeAccountId: connection.account.homeAccountId,
    scopes: connection.scopes,
    tokenCache: keys.encrypt(connection.serializedCache, connectionCacheContext(connection.tenantId)),
    connectedAt: connection.now,
    connectedBy: connection.connectedBy,
    lastTest: null,
    lastCheckedAt: null,
    nextCheckAt: null,
    lastFailure: null,
    updatedAt: connection.now,
  };
}
