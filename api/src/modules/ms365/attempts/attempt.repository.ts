import { sql, type Insertable, type Transaction } from 'kysely';
import type { Database, Db } from '../../../db/database.js';
import type { AttemptRow, Ms365AttemptsTable } from '../ms365.tables.js';

/** The insert of a new attempt, built, not executed (its audit row goes into the same statement). */
export function attemptInsert(db: Db, attempt: Insertable<Ms365AttemptsTable>) {
  return db.insertInto('ms365Attempts').values(attempt).returning('id');
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
 * The callback's claim in one statement, for the usual case: the attempt of this state, pending, unexpired and
 * unclaimed, whose return origin is on the host the callback arrived on, and that belongs to the browser's session
 * (`sessionKey`, an attempt of a portal session) or to its binding cookie (`bindingHash`, an attempt of an API
 * token). Answers the attempt as claimed, with its tenant's slug; undefined when any of that does not hold (the
 * caller then reads the attempt and says why, as before). No read before the claim: one round trip, not two.
 */
export async function claimCallbackOfOwner(
  db: Db,
  claim: {
    stateHash: string;
    /** The return origins the callback's host stands for (the same host over http and https). */
    returnOrigins: readonly string[];
    sessionKey: string | undefined;
    bindingHash: string | undefined;
    now: Date;
  },
): Promise<(AttemptRow & { tenantSlug: string }) | undefined> {
  const result = await sql<AttemptRow & { tenantSlug: string }>`
    update ms365_attempts a set callback_claimed_at = ${claim.now}
    from tenants t
    where t.id = a.tenant_id and a.state_hash = ${claim.stateHash} and a.status = 'pending'
      and a.expires_at > ${claim.now} and a.callback_claimed_at is null
      and a.return_origin = any(${claim.returnOrigins}::text[])
      and ((a.principal_key like 'session:%' and a.principal_key = ${claim.sessionKey ?? null}::text)
        or (a.principal_key not like 'session:%' and a.browser_binding_hash = ${claim.bindingHash ?? null}::text))
    returning a.*, t.slug as tenant_slug`.execute(db);
  return result.rows[0];
}

/**
 * A new trip to Microsoft on an attempt of `owner` that is still pending (unexpired): state, PKCE verifier and
 * nonce replaced together in one statement, so the previous trip's state stops matching and only the latest trip
 * can complete. Answers the attempt's scopes, or undefined when no such attempt is pending (the caller tells
 * "not yours" from "over").
 */
export async function replaceOwnAttemptTrip(
  db: Db,
  owner: { id: string; tenantId: string; principalKey: string; now: Date },
  trip: Pick<AttemptRow, 'stateHash' | 'flowSecrets'>,
): Promise<Pick<AttemptRow, 'scopes'> | undefined> {
  return db
    .updateTable('ms365Attempts')
    .set(trip)
    .where('id', '=', owner.id)
    .where('tenantId', '=', owner.tenantId)
    .where('principalKey', '=', owner.principalKey)
    .where('status', '=', 'pending')
    .where('expiresAt', '>', owner.now)
    .returning('scopes')
    .executeTakeFirst();
}

/** The same for an attempt already found (and bound to its browser): replaced while it is still pending. */
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

/** Stores the MS365 code of a pending attempt (built, not executed: its audit row goes into the same statement). */
export function attemptCodeStore(
  db: Db,
  id: string,
  result: Pick<AttemptRow, 'tokenCache' | 'grantedScopes' | 'codeHash' | 'codeSalt' | 'codeKeyId' | 'codeExpiresAt'> & {
    account: string;
  },
) {
  return db
    .updateTable('ms365Attempts')
    .set({ ...result, status: 'code_ready' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id');
}

/** Marks a pending attempt failed (built, not executed, like `attemptCodeStore`). */
export function attemptFailure(db: Db, id: string, error: string) {
  return db
    .updateTable('ms365Attempts')
    .set({ status: 'failed', error })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id');
}

/**
 * Redeems a code exactly once: the row lock of the sub-select (FOR UPDATE, re-checked after a wait) lets one of
 * any number of concurrent redemptions win. Only a code of the same tenant and ELO user, unexpired and unredeemed,
 * matches. The attempt keeps no tokens after it (the connection, stored in the same transaction, holds them):
 * answers the row with the token cache as it was before this statement dropped it.
 */
export async function claimAttemptByCode(
  trx: Transaction<Database>,
  query: { codeHash: string; tenantId: string; eloUserId: string; now: Date },
): Promise<{ attempt: AttemptRow; tokenCache: string | null } | undefined> {
  const row = await trx
    .updateTable('ms365Attempts')
    .from((eb) =>
      eb
        .selectFrom('ms365Attempts as candidate')
        .select(['candidate.id', 'candidate.tokenCache'])
        .where('candidate.codeHash', '=', query.codeHash)
        .where('candidate.tenantId', '=', query.tenantId)
        .where('candidate.eloUserId', '=', query.eloUserId)
        .where('candidate.status', '=', 'code_ready')
        .where('candidate.codeExpiresAt', '>', query.now)
        .forUpdate()
        .as('claimed'),
    )
    .set({ status: 'redeemed', redeemedAt: query.now, tokenCache: null })
    .whereRef('ms365Attempts.id', '=', 'claimed.id')
    .returningAll('ms365Attempts')
    .returning('claimed.tokenCache as claimedTokenCache')
    .executeTakeFirst();
  if (!row) return undefined;
  const { claimedTokenCache, ...attempt } = row;
  return { attempt, tokenCache: claimedTokenCache };
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

export async function deleteTenantAttempts(db: Db, tenantId: string): Promise<void> {
  await db.deleteFrom('ms365Attempts').where('tenantId', '=', tenantId).execute();
}
