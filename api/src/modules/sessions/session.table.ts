import type { ColumnType, Selectable } from 'kysely';
import type { HostKind } from '../tenants/tenant-host.js';

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
  /** The kind of host the session was created on; it is valid only there (see sessionFitsHost). */
  hostKind: ColumnType<HostKind, HostKind, never>;
  /** The ELO ticket of the login, encrypted under the key ring; null once it is gone (no re-check possible). */
  eloTicket: string | null;
  /** ELO's `ticketLifetime` of that ticket: renewals must come sooner. */
  eloTicketLifetimeSeconds: number | null;
  /** When ELO last confirmed `isGroupMember` (the login, or a re-check). */
  membershipCheckedAt: Date;
  /** When the re-check job looks next (moved ahead while a check runs); null without a ticket. */
  membershipCheckDueAt: Date | null;
}

export type SessionRow = Selectable<SessionsTable>;
