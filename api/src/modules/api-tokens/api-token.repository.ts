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
