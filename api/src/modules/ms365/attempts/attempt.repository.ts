import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../../db/database.js';
import { executePrepared } from '../../../db/prepared-statements.js';
import { writeWithAuditOutcome, type NewAuditEvent } from '../../audit/audit.repository.js';
import type { AttemptRow } from '../ms365.tables.js';

/*
 * The statements of the connect flow (start, authorize, callback, code, redemption: every attempt runs each once)
 * are `sql` templates of a fixed text with named columns, run as prepared statements: Kysely's query builder and
 * its camel-case plugin, building and compiling them anew on every call, were a visible share of the flow's CPU,
 * and PostgreSQL parsing and planning them another (issue 13). Rows come back camel-cased by the plugin as before.
 */

/** Every column of an attempt, of the row aliased `a` (a prepared statement names its columns; `*` would not do). */
const ATTEMPT_COLUMNS = sql.raw(
  [
    'id',
    'tenant_id',
    'elo_user_id',
    'elo_user_name',
    'principal_key',
    'state_hash',
    'return_origin',
    'scopes',
    'status',
    'flow_secrets',
    'token_cache',
    'account',
    'granted_scopes',
    'error',
    'code_hash',
    'code_salt',
    'code_key_id',
    'code_expires_at',
    'callback_claimed_at',
    'browser_binding_hash',
    'created_at',
    'expires_at',
    'redeemed_at',
  ]
    .map((column) => `a.${column}`)
    .join(', '),
);

/** What the owner's reads need (never the token cache, several KB once Microsoft answered). */
export type OwnAttempt = Pick<
  AttemptRow,
  'id' | 'status' | 'expiresAt' | 'codeExpiresAt' | 'error' | 'codeSalt' | 'codeKeyId'
>;

/**
 * The insert of a new attempt, built, not executed (its audit row goes into the same statement), made only when the
 * CTE named `onlyIf` (the connect cap's try, ahead of it in that statement) answered a row. INSERT … SELECT types
 * its parameters from nothing: each is cast to its column's type.
 */
export function attemptInsert(
  attempt: Pick<
    AttemptRow,
    | 'id'
    | 'tenantId'
    | 'eloUserId'
    | 'eloUserName'
    | 'principalKey'
    | 'stateHash'
    | 'returnOrigin'
    | 'scopes'
    | 'flowSecrets'
    | 'createdAt'
    | 'expiresAt'
  >,
  onlyIf: string,
) {
  return sql<{ id: string }>`
    insert into ms365_attempts (id, tenant_id, elo_user_id, elo_user_name, principal_key, state_hash, return_origin,
      scopes, status, flow_secrets, created_at, expires_at)
    select ${attempt.id}::text, ${attempt.tenantId}::uuid, ${attempt.eloUserId}::text, ${attempt.eloUserName}::text,
      ${attempt.principalKey}::text, ${attempt.stateHash}::text, ${attempt.returnOrigin}::text,
      ${attempt.scopes}::text[], 'pending', ${attempt.flowSecrets}::text, ${attempt.createdAt}::timestamptz,
      ${attempt.expiresAt}::timestamptz
    where exists (select 1 from ${sql.table(onlyIf)})
    returning id`;
}

/** An attempt as its owner sees it: same tenant and same principal, or nothing. */
export async function findOwnAttempt(
  db: Db,
  query: { id: string; tenantId: string; principalKey: string },
): Promise<OwnAttempt | undefined> {
  const result = await executePrepared(
    db,
    sql<OwnAttempt>`
      select id, status, expires_at, code_expires_at, error, code_salt, code_key_id from ms365_attempts
      where id = ${query.id} and tenant_id = ${query.tenantId} and principal_key = ${query.principalKey}`,
  );
  return result.rows[0];
}

/** The attempt a callback's state belongs to, with its tenant's slug (for the audit trail). */
export async function findAttemptByStateHash(
  db: Db,
  stateHash: string,
): Promise<(AttemptRow & { tenantSlug: string }) | undefined> {
  const result = await executePrepared(
    db,
    sql<AttemptRow & { tenantSlug: string }>`
      select ${ATTEMPT_COLUMNS}, t.slug as tenant_slug from ms365_attempts a join tenants t on t.id = a.tenant_id
      where a.state_hash = ${stateHash}`,
  );
  return result.rows[0];
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
  const result = await executePrepared(
    db,
    sql<AttemptRow & { tenantSlug: string }>`
    update ms365_attempts a set callback_claimed_at = ${claim.now}
    from tenants t
    where t.id = a.tenant_id and a.state_hash = ${claim.stateHash} and a.status = 'pending'
      and a.expires_at > ${claim.now} and a.callback_claimed_at is null
      and a.return_origin = any(${claim.returnOrigins}::text[])
      and ((a.principal_key like 'session:%' and a.principal_key = ${claim.sessionKey ?? null}::text)
        or (a.principal_key not like 'session:%' and a.browser_binding_hash = ${claim.bindingHash ?? null}::text))
    returning ${ATTEMPT_COLUMNS}, t.slug as tenant_slug`,
  );
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
  const result = await executePrepared(
    db,
    sql<Pick<AttemptRow, 'scopes'>>`
      update ms365_attempts set state_hash = ${trip.stateHash}, flow_secrets = ${trip.flowSecrets}
      where id = ${owner.id} and tenant_id = ${owner.tenantId} and principal_key = ${owner.principalKey}
        and status = 'pending' and expires_at > ${owner.now}
      returning scopes`,
  );
  return result.rows[0];
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
  id: string,
  result: Pick<AttemptRow, 'tokenCache' | 'grantedScopes' | 'codeHash' | 'codeSalt' | 'codeKeyId' | 'codeExpiresAt'> & {
    account: string;
  },
) {
  return sql<{ id: string }>`
    update ms365_attempts set token_cache = ${result.tokenCache}, account = ${result.account},
      granted_scopes = ${result.grantedScopes}, code_hash = ${result.codeHash}, code_salt = ${result.codeSalt},
      code_key_id = ${result.codeKeyId}, code_expires_at = ${result.codeExpiresAt}, status = 'code_ready'
    where id = ${id} and status = 'pending'
    returning id`;
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
 * answers the row with the token cache as it was before this statement dropped it. The audit row of the
 * redemption goes into the same statement: a success with the account when an attempt with tokens was claimed,
 * else `invalid_code`.
 */
export async function claimAttemptByCode(
  trx: Transaction<Database>,
  query: { codeHash: string; tenantId: string; eloUserId: string; now: Date },
  audit: Omit<NewAuditEvent, 'outcome' | 'details'>,
): Promise<{ attempt: AttemptRow; tokenCache: string | null } | undefined> {
  const claim = sql<AttemptRow & { claimedTokenCache: string | null }>`
    update ms365_attempts as a set status = 'redeemed', redeemed_at = ${query.now}, token_cache = null
    from (
      select candidate.id, candidate.token_cache from ms365_attempts as candidate
      where candidate.code_hash = ${query.codeHash} and candidate.tenant_id = ${query.tenantId}
        and candidate.elo_user_id = ${query.eloUserId} and candidate.status = 'code_ready'
        and candidate.code_expires_at > ${query.now}
      for update) as claimed
    where a.id = claimed.id
    returning ${ATTEMPT_COLUMNS}, claimed.token_cache as claimed_token_cache`;
  const [row] = await writeWithAuditOutcome(trx, claim, {
    event: audit,
    // What the caller stores a connection from: the tokens and the account.
    succeeded: sql<boolean>`claimed_token_cache <> '' and account is not null`,
    successDetails: sql`jsonb_build_object('account', account->>'username')`,
    failureDetails: { code: 'invalid_code' },
  });
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
