import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiTokenRow, ApiTokensTable } from './api-token.table.js';

const columns = [
  'id',
  'tenantId',
  'name',
  'tokenHash',
  'createdByUserId',
  'createdBy',
  'isGroupMember',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'scopes',
  'groupCheckedAt',
  'revokedAt',
  'revokedReason',
] as const;

export function insertApiToken(db: Db, row: Insertable<ApiTokensTable>): Promise<ApiTokenRow> {
  return db.insertInto('apiTokens').values(row).returning(columns).executeTakeFirstOrThrow();
}

export function listApiTokens(db: Db, tenantId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('apiTokens')
    .select(columns)
    .where('tenantId', '=', tenantId)
    .orderBy('createdAt', 'desc')
    .execute();
}

/** A live token by hash, with its tenant (one round trip on every bearer request). */
export function findLiveApiToken(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('apiTokens')
    .innerJoin('tenants', 'tenants.id', 'apiTokens.tenantId')
    .select([
      'apiTokens.id',
      'apiTokens.name',
      'apiTokens.scopes',
      'apiTokens.tenantId',
      'apiTokens.createdByUserId',
      'apiTokens.createdBy',
      'apiTokens.isGroupMember',
      'apiTokens.lastUsedAt',
      'apiTokens.expiresAt',
      'tenants.slug as tenantSlug',
      'tenants.name as tenantName',
      'tenants.graceUntil as tenantGraceUntil',
    ])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where((eb) => eb.or([eb('apiTokens.expiresAt', 'is', null), eb('apiTokens.expiresAt', '>', now)]))
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', id).execute();
}

export async function deleteApiToken(db: Db, tenantId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db
    .deleteFrom('apiTokens')
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}

/** A token is checked about once a day; this many of the oldest checks are taken per run. */
export interface DueTokenCheck {
  id: string;
  tenantId: string;
  tenantSlug: string;
  eloIxUrl: string;
  createdByUserId: string;
  createdBy: string;
}

/**
 * Live tokens whose creator counted as a group member and whose membership was not confirmed since `checkedBefore`
 * (never-checked ones first). Tokens of non-members (made during a grace period) have no membership to lose.
 */
export function findDueTokenChecks(db: Db, checkedBefore: Date, now: Date, limit: number): Promise<DueTokenCheck[]> {
  return db
    .selectFrom('apiTokens')
    .innerJoin('tenants', 'tenants.id', 'apiTokens.tenantId')
    .select([
      'apiTokens.id',
      'apiTokens.tenantId',
      'tenants.slug as tenantSlug',
      'tenants.eloIxUrl',
      'apiTokens.createdByUserId',
      'apiTokens.createdBy',
    ])
    .where('apiTokens.revokedAt', 'is', null)
    .where('apiTokens.isGroupMember', '=', true)
    .where((eb) => eb.or([eb('apiTokens.expiresAt', 'is', null), eb('apiTokens.expiresAt', '>', now)]))
    .where((eb) =>
      eb.or([eb('apiTokens.groupCheckedAt', 'is', null), eb('apiTokens.groupCheckedAt', '<', checkedBefore)]),
    )
    .orderBy('apiTokens.groupCheckedAt', (order) => order.asc().nullsFirst())
    .limit(limit)
    .execute();
}

/** ELO confirmed the creator is still in the group. */
export async function markTokensChecked(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('apiTokens').set({ groupCheckedAt: now }).where('id', 'in', ids).execute();
}

/** ELO said the creator is no longer in the group: the tokens stop working (kept, so the portal can say why). */
export function revokeTokens(db: Db, ids: readonly string[], reason: string, now: Date) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .updateTable('apiTokens')
    .set({ revokedAt: now, revokedReason: reason, groupCheckedAt: now })
    .where('id', 'in', ids)
    .where('revokedAt', 'is', null)
    .returning(['id', 'name', 'tokenHash'])
    .execute();
}
