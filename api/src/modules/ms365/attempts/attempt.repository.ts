import type { Insertable, Transaction } from 'kysely';
import type { Database, Db } from '../../../db/database.js';
import type { AttemptRow, Ms365AttemptsTable } from '../ms365.tables.js';

export async function insertAttempt(db: Db, attempt: Insertable<Ms365AttemptsTable>): Promise<void> {
  await db.insertInto('ms365Attempts').values(attempt).execute();
}

/** An attempt as its owner sees it: same tenant and same principal, or nothing. */
export function findOwnAttempt(
  db: Db,
  query: { id: string; tenantId: string; principalKey: string },
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom('ms365Attempts')
    .selectAll()
    .where('id', '=', query.id)
    .where('tenantId', '=', query.tenantId)
    .where('principalKey', '=', query.principalKey)
    .executeTakeFirst();
}

/** The attempt a callback's state belongs to, with its tenant's slug (for the audit trail). */
export function findAttemptByStateHash(
  db: Db,
  stateHash: string,
): Promise<(AttemptRow & { tenantSlug: string }) | undefined> {
  return db
    .selectFrom('ms365Attempts')
    .innerJoin('tenants', 'tenants.id', 'ms365Attempts.tenantId')
    .selectAll('ms365Attempts')
    .select('tenants.slug as tenantSlug')
    .where('ms365Attempts.stateHash', '=', stateHash)
    .executeTakeFirst();
}

/**
 * A new trip to Microsoft: state, PKCE verifier and nonce replaced together in one statement, so the previous
 * trip's state stops matching and only the latest trip can complete.
 */
export async function replaceAttemptTrip(
  db: Db,
  id: string,
  trip: Pick<AttemptRow, 'stateHash' | 'flowSecrets'>,
): Promise<void> {
  await db.updateTable('ms365Attempts').set(trip).where('id', '=', id).where('status', '=', 'pending').execute();
}

/**
 * An attempt started with an API token, for a browser without a portal session, on the host of its tenant.
 * Attempts of portal sessions are never found here: they belong to their session.
 */
export function findTokenAttemptOfTenant(
  db: Db,
  query: { id: string; tenantSlug: string },
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom('ms365Attempts')
    .innerJoin('tenants', 'tenants.id', 'ms365Attempts.tenantId')
    .selectAll('ms365Attempts')
    .where('ms365Attempts.id', '=', query.id)
    .where('tenants.slug', '=', query.tenantSlug)
    .where('ms365Attempts.principalKey', 'like', 'token:%')
    .executeTakeFirst();
}

/**
 * Binds the attempt to the browser whose binding cookie hashes to `bindingHash`, unless another browser holds it
 * already; true when the attempt is (now) that browser's. One statement, so two browsers racing cannot both win.
 */
export async function bindAttemptToBrowser(db: Db, id: string, bindingHash: string): Promise<boolean> {
  const bound = await db
    .updateTable('ms365Attempts')
    .set({ browserBindingHash: bindingHash })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('browserBindingHash', 'is', null), eb('browserBindingHash', '=', bindingHash)]))
    .executeTakeFirst();
  return bound.numUpdatedRows > 0n;
}

/** The callback's claim on a pending attempt; false when another callback has claimed it already. */
export async function claimAttemptCallback(db: Db, id: string, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('ms365Attempts')
    .set({ callbackClaimedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('callbackClaimedAt', 'is', null)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function storeAttemptCode(
  db: Db,
  id: string,
  result: Pick<AttemptRow, 'tokenCache' | 'grantedScopes' | 'codeHash' | 'codeSalt' | 'codeKeyId' | 'codeExpiresAt'> & {
    account: string;
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('ms365Attempts')
    .set({ ...result, status: 'code_ready' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function failAttempt(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('ms365Attempts')
    .set({ status: 'failed', error })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Redeems a code exactly once: the row lock of the UPDATE lets one of any number of concurrent redemptions win.
 * Only a code of the same tenant and ELO user, unexpired and unredeemed, matches.
 */
export function claimAttemptByCode(
  trx: Transaction<Database>,
  query: { codeHash: string; tenantId: string; eloUserId: string; now: Date },
): Promise<AttemptRow | undefined> {
  return trx
    .updateTable('ms365Attempts')
    .set({ status: 'redeemed', redeemedAt: query.now })
    .where('codeHash', '=', query.codeHash)
    .where('tenantId', '=', query.tenantId)
    .where('eloUserId', '=', query.eloUserId)
    .where('status', '=', 'code_ready')
    .where('codeExpiresAt', '>', query.now)
    .returningAll()
    .executeTakeFirst();
}

/** Drops the token cache of redeemed or expired attempts (the connection keeps its own copy). */
export async function deleteFinishedAttempts(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('ms365Attempts').where('expiresAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listAttemptSecrets(db: Db) {
  return db.selectFrom('ms365Attempts').select(['id', 'tenantId', 'flowSecrets', 'tokenCache']).execute();
}

/** Replaces an attempt's secrets only if they are still `expected` (compare-and-set); false when they changed. */
export async function replaceAttemptSecrets(
  db: Db,
  id: string,
  expected: { flowSecrets: string; tokenCache: string | null },
  next: { flowSecrets: string; tokenCache: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('ms365Attempts')
    .set(next)
    .where('id', '=', id)
    .where('flowSecrets', '=', expected.flowSecrets)
    .where('tokenCache', 'is not distinct from', expected.tokenCache)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** After redemption the connection holds the tokens; the attempt keeps none. */
export async function dropAttemptTokenCache(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.updateTable('ms365Attempts').set({ tokenCache: null }).where('id', '=', id).execute();
}

export async function deleteTenantAttempts(db: Db, tenantId: string): Promise<void> {
  await db.deleteFrom('ms365Attempts').where('tenantId', '=', tenantId).execute();
}
