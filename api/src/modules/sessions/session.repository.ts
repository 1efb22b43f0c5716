import type { Db } from '../../db/database.js';
import type { SessionRow } from './session.table.js';

export interface SessionWithTenant extends SessionRow {
  tenantSlug: string;
  tenantName: string;
  tenantGraceUntil: string | null;
}

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** One round trip for the hot path: the live session and the tenant it belongs to. */
export function findLiveSession(
  db: Db,
  idHash: string,
  now: Date,
  idleCutoff: Date,
): Promise<SessionWithTenant | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('tenants', 'tenants.id', 'sessions.tenantId')
    .select([
      'sessions.idHash',
      'sessions.tenantId',
      'sessions.eloUserId',
      'sessions.eloUserName',
      'sessions.isGroupMember',
      'sessions.csrfToken',
      'sessions.createdAt',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'sessions.hostKind',
      'tenants.slug as tenantSlug',
      'tenants.name as tenantName',
      'tenants.graceUntil as tenantGraceUntil',
    ])
    .where('sessions.idHash', '=', idHash)
    .where('sessions.expiresAt', '>', now)
    .where('sessions.lastSeenAt', '>', idleCutoff)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now }).where('idHash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('idHash', '=', idHash).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function deleteDeadSessions(db: Db, now: Date, idleCutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
