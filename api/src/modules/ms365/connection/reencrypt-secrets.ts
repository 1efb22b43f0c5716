import type { KeyRing } from '../../../crypto/key-ring.js';
import type { Db } from '../../../db/database.js';
import { reencryptEloServiceAccounts } from '../../tenants/elo-service-account.service.js';
import { attemptCacheContext, attemptFlowContext } from '../attempts/attempt-contexts.js';
import { listAttemptSecrets, replaceAttemptSecrets } from '../attempts/attempt.repository.js';
import { ConnectionLock } from './connection-lock.js';
import { connectionCacheContext } from './connection-tokens.js';
import { findConnection, listConnectionSecrets, replaceConnectionTokenCache } from './connection.repository.js';
import { eloTicketContext } from '../../sessions/group-check-policy.js';
import { listSessionTickets, replaceSessionTicket } from '../../sessions/session.repository.js';

export interface ReencryptionReport {
  connections: number;
  attempts: number;
  /** ELO tickets kept by sessions for the group re-checks. */
  sessions: number;
  /** Tenants' ELO service account passwords (invoice import). */
  eloServiceAccounts: number;
  alreadyCurrent: number;
}

/** Attempts are re-read and re-wrapped this often at most when a callback keeps storing tokens meanwhile. */
const ATTEMPT_PASSES = 3;

/**
 * Key rotation (SPEC §7): re-encrypts every stored secret that is not under the newest key. Safe while the app
 * runs: old ciphertexts stay readable (every key decrypts) until this has finished; running it twice does nothing.
 * A connection's cache is rewritten under its lock, so a token refresh cannot save in between and lose its
 * rotated refresh token; an attempt's secrets only replace what was read (a callback may store tokens meanwhile).
 */
export async function reencryptSecrets(db: Db, keys: KeyRing): Promise<ReencryptionReport> {
  const report: ReencryptionReport = {
    connections: 0,
    attempts: 0,
    sessions: 0,
    eloServiceAccounts: 0,
    alreadyCurrent: 0,
  };
  const rewrap = (ciphertext: string, context: string) => keys.encrypt(keys.decrypt(ciphertext, context), context);
  const lock = new ConnectionLock(db);

  for (const { tenantId } of await listConnectionSecrets(db)) {
    const rewrapped = await lock.run(tenantId, async (locked) => {
      const current = await findConnection(locked, tenantId);
      if (!current || !keys.isStale(current.tokenCache)) return false;
      const next = rewrap(current.tokenCache, connectionCacheContext(tenantId));
      return replaceConnectionTokenCache(locked, tenantId, current.tokenCache, next, new Date());
    });
    if (rewrapped) report.connections++;
    else report.alreadyCurrent++;
  }

  let raced = 0;
  for (let pass = 0; pass < ATTEMPT_PASSES; pass++) {
    raced = 0;
    for (const row of await listAttemptSecrets(db)) {
      if (!keys.isStale(row.flowSecrets) && !(row.tokenCache && keys.isStale(row.tokenCache))) {
        if (pass === 0) report.alreadyCurrent++;
        continue;
      }
      const next = {
        flowSecrets: rewrap(row.flowSecrets, attemptFlowContext(row.id)),
        tokenCache: row.tokenCache ? rewrap(row.tokenCache, attemptCacheContext(row.id)) : null,
      };
      if (await replaceAttemptSecrets(db, row.id, row, next)) report.attempts++;
      else raced++;
    }
    if (raced === 0) break;
  }
  if (raced > 0) throw new Error(`${raced} connect attempts kept changing during key rotation; run it again`);

  // A ticket that changes meanwhile was dropped by a group check: nothing left to re-encrypt.
  for (const { idHash, eloTicket } of await listSessionTickets(db)) {
    if (!eloTicket || !keys.isStale(eloTicket)) {
      report.alreadyCurrent++;
      continue;
    }
    const next = rewrap(eloTicket, eloTicketContext(idHash));
    if (await replaceSessionTicket(db, idHash, eloTicket, next)) report.sessions++;
  }
  const [eloRewrapped, eloCurrent] = await reencryptEloServiceAccounts(db, keys);
  report.eloServiceAccounts = eloRewrapped;
  report.alreadyCurrent += eloCurrent;
  return report;
}
