import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { executePrepared } from '../../db/prepared-statements.js';
import type { SessionRow } from './session.table.js';

/**
 * What the hot path reads of a session (never the ELO ticket): only what a principal is made of and what decides
 * whether it is live. Each further column is parsed on every uncached request (a date costs most).
 */
export interface SessionWithTenant extends Omit<
  SessionRow,
  'idHash' | 'createdAt' | 'eloTicket' | 'eloTicketLifetimeSeconds' | 'membershipCheckDueAt'
> {
  tenantSlug: string;
  tenantName: string;
  tenantGraceUntil: string | null;
}

/** A session whose group membership is due to be checked again, with what the check needs. */
export interface DueGroupCheck {
  idHash: string;
  tenantId: string;
  tenantSlug: string;
  eloIxUrl: string;
  eloUserId: string;
  eloUserName: string;
  isGroupMember: boolean;
  eloTicket: string;
  eloTicketLifetimeSeconds: number | null;
}

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The live session as PostgreSQL sends it (one JSON value; its times as epoch milliseconds). */
type SessionOnTheWire = Omit<SessionWithTenant, 'lastSeenAt' | 'expiresAt' | 'membershipCheckedAt'> & {
  idHash: string;
  lastSeenAt: number;
  expiresAt: number;
  membershipCheckedAt: number;
};

/**
 * One round trip for the hot path: the live sessions of these id hashes and the tenants they belong to (the
 * session lookups of one event-loop turn, SessionLookups; one hash when the process is idle). Written as one
 * `sql` template rather than with the query builder: building and compiling a 14-column join took more CPU than
 * the query itself on every uncached request (issue 13's profile); the template compiles to the same SQL for
 * nearly nothing.
 *
 * Each row comes as one JSON column with the times as epoch milliseconds, and the times go in as ISO strings:
 * with twelve columns, pg's per-column work (the row description made into a result object, a parser per
 * column, `postgres-date`'s parsing of three timestamps, its own formatting of the two Date parameters) was the
 * largest part of an uncached status read in the app's CPU profile; one `JSON.parse` and `new Date(ms)` are
 * a fraction of that. The times are written by the app (millisecond precision), so nothing is lost.
 */
export async function findLiveSessions(
  db: Db,
  idHashes: readonly string[],
  now: Date,
  idleCutoff: Date,
): Promise<Map<string, SessionWithTenant>> {
  // Prepared: with the session cache off (or on its misses) this runs for every authenticated request.
  const result = await executePrepared(
    db,
    sql<{ session: SessionOnTheWire }>`
    select json_build_object('idHash', s.id_hash, 'tenantId', s.tenant_id, 'eloUserId', s.elo_user_id,
      'eloUserName', s.elo_user_name, 'isGroupMember', s.is_group_member, 'csrfToken', s.csrf_token,
      'hostKind', s.host_kind, 'lastSeenAt', floor(extract(epoch from s.last_seen_at) * 1000),
      'expiresAt', floor(extract(epoch from s.expires_at) * 1000),
      'membershipCheckedAt', floor(extract(epoch from s.membership_checked_at) * 1000),
      'tenantSlug', t.slug, 'tenantName', t.name, 'tenantGraceUntil', t.grace_until) as session
    from sessions s join tenants t on t.id = s.tenant_id
    where s.id_hash = any(${idHashes}::text[]) and s.expires_at > ${now.toISOString()}::timestamptz
      and s.last_seen_at > ${idleCutoff.toISOString()}::timestamptz`,
  );
  const sessions = new Map<string, SessionWithTenant>();
  for (const { session: wire } of result.rows) {
    const { idHash, ...session } = wire;
    sessions.set(idHash, {
      ...session,
      lastSeenAt: new Date(wire.lastSeenAt),
      expiresAt: new Date(wire.expiresAt),
      membershipCheckedAt: new Date(wire.membershipCheckedAt),
    });
  }
  return sessions;
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now }).where('idHash', '=', idHash).execute();
}

/** Deletes the session; answers its ELO ticket (encrypted) and its tenant's ELO, to end that session too. */
export function deleteSession(
  db: Db,
  idHash: string,
): Promise<{ eloTicket: string | null; eloIxUrl: string } | undefined> {
  return db
    .deleteFrom('sessions')
    .using('tenants')
    .whereRef('tenants.id', '=', 'sessions.tenantId')
    .where('sessions.idHash', '=', idHash)
    .returning(['sessions.eloTicket', 'tenants.eloIxUrl'])
    .executeTakeFirst();
}

/**
 * Claims live sessions whose group check is due, moving their due time to `leaseUntil` so that no other
 * instance takes them meanwhile (a check that dies is retried after the lease).
 */
export async function claimDueGroupChecks(
  db: Db,
  claim: { now: Date; idleCutoff: Date; leaseUntil: Date; limit: number },
): Promise<DueGroupCheck[]> {
  const result = await sql<DueGroupCheck>`
    update sessions set membership_check_due_at = ${claim.leaseUntil}
    from tenants
    where tenants.id = sessions.tenant_id and sessions.id_hash in (
      select id_hash from sessions
      where membership_check_due_at <= ${claim.now} and elo_ticket is not null
        and expires_at > ${claim.now} and last_seen_at > ${claim.idleCutoff}
      order by membership_check_due_at
      limit ${claim.limit}
      for update skip locked)
    returning sessions.id_hash, sessions.tenant_id, tenants.slug as tenant_slug, tenants.elo_ix_url,
      sessions.elo_user_id, sessions.elo_user_name, sessions.is_group_member, sessions.elo_ticket,
      sessions.elo_ticket_lifetime_seconds`.execute(db);
  return result.rows;
}

/** ELO answered: the membership as it is now, confirmed at `checkedAt`. */
export async function recordGroupCheck(
  db: Db,
  idHash: string,
  check: { isGroupMember: boolean; checkedAt: Date; nextCheckAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({
      isGroupMember: check.isGroupMember,
      membershipCheckedAt: check.checkedAt,
      membershipCheckDueAt: check.nextCheckAt,
    })
    .where('idHash', '=', idHash)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The membership cannot be checked any more: no rights from the group until the next login. */
export async function dropGroupMembership(db: Db, idHash: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ isGroupMember: false, eloTicket: null, membershipCheckDueAt: null })
    .where('idHash', '=', idHash)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Sessions holding an ELO ticket (key rotation). */
export function listSessionTickets(db: Db): Promise<Array<{ idHash: string; eloTicket: string | null }>> {
  return db.selectFrom('sessions').select(['idHash', 'eloTicket']).where('eloTicket', 'is not', null).execute();
}

/** Replaces a ticket's ciphertext only if it is still the one read (a check may have dropped it meanwhile). */
export async function replaceSessionTicket(db: Db, idHash: string, read: string, next: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ eloTicket: next })
    .where('idHash', '=', idHash)
    .where('eloTicket', '=', read)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteDeadSessions(db: Db, now: Date, idleCutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
