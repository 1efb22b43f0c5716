import type { Selectable } from 'kysely';

export interface SessionsTable {
  /** SHA-256 of the session id; the id itself only ever lives in the cookie. */
  idHash: string;
  tenantId: string;
  eloUserId: string;
  eloUserName: string;
  /** Membership of the ELO group, read from ELO at login. */
  isGroupMember: boolean;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute expiry; the idle expiry is derived from lastSeenAt. */
  expiresAt: Date;
}

export type SessionRow = Selectable<SessionsTable>;
