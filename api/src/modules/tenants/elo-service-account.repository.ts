import type { Db } from '../../db/database.js';
import type { EloServiceAccountRow } from './elo-service-account.table.js';

const columns = ['tenantId', 'userName', 'passwordCiphertext', 'createdAt', 'updatedAt'] as const;

export function findEloServiceAccount(db: Db, tenantId: string): Promise<EloServiceAccountRow | undefined> {
  return db.selectFrom('eloServiceAccounts').select(columns).where('tenantId', '=', tenantId).executeTakeFirst();
}

/** Sets (or replaces) the tenant's account. */
export async function upsertEloServiceAccount(
  db: Db,
  tenantId: string,
  account: { userName: string; passwordCiphertext: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('eloServiceAccounts')
    .values({ tenantId, ...account, updatedAt: now })
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet({ ...account, updatedAt: now }))
    .execute();
}

export async function deleteEloServiceAccount(db: Db, tenantId: string): Promise<boolean> {
  const result = await db.deleteFrom('eloServiceAccounts').where('tenantId', '=', tenantId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every stored ciphertext, for key rotation. */
export function listEloServiceAccountSecrets(db: Db) {
  return db.selectFrom('eloServiceAccounts').select(['tenantId', 'passwordCiphertext']).execute();
}

/** Replaces the ciphertext only if it is still `expected` (a CLI update in between wins). */
export async function replaceEloServiceAccountCiphertext(
  db: Db,
  tenantId: string,
  expected: string,
  next: string,
): Promise<boolean> {
  const result = await db
    .updateTable('eloServiceAccounts')
    .set({ passwordCiphertext: next })
    .where('tenantId', '=', tenantId)
    .where('passwordCiphertext', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
