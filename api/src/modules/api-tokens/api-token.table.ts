import type { ApiScope } from '@ecm365/shared';
import type { Generated, Selectable } from 'kysely';

export interface ApiTokensTable {
  id: Generated<string>;
  tenantId: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: string;
  createdByUserId: string;
  createdBy: string;
  isGroupMember: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  /** Null: made before scopes existed (ms365:read + ms365:write). */
  scopes: ApiScope[] | null;
  /** When ELO last confirmed the creator's membership of the group (with the tenant's service account). */
  groupCheckedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
