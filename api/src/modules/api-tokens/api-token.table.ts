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
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
