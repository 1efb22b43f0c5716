import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import { attemptCacheContext, attemptFlowContext } from './attempt-contexts.js';
import { listAttemptSecrets, updateAttemptSecrets } from './attempt.repository.js';
import { connectionCacheContext } from './connection-tokens.js';
import { listConnectionSecrets, updateConnection } from './connection.repository.js';

export interface ReencryptionReport {
  connections: number;
  attempts: number;
  alreadyCurrent: number;
}

/**
 * Key rotation (SPEC §7): re-encrypts every stored secret that is not under the newest key. Safe while the app
 * runs: old ciphertexts stay readable (every key decrypts) until this has finished; running it twice does nothing.
 */
export async function reencryptSecrets(db: Db, keys: KeyRing): Promise<ReencryptionReport> {
  const report: ReencryptionReport = { connections: 0, attempts: 0, alreadyCurrent: 0 };
  const rewrap = (ciphertext: string, context: string) => keys.encrypt(keys.decrypt(ciphertext, context), context);

  for (const row of await listConnectionSecrets(db)) {
    if (!keys.isStale(row.tokenCache)) {
      report.alreadyCurrent++;
      continue;
    }
    const context = connectionCacheContext(row.tenantId);
    await updateConnection(db, row.tenantId, { tokenCache: rewrap(row.tokenCache, context) });
    report.connections++;
  }
  for (const row of await listAttemptSecrets(db)) {
    if (!keys.isStale(row.flowSecrets) && !(row.tokenCache && keys.isStale(row.tokenCache))) {
      report.alreadyCurrent++;
      continue;
    }
    await updateAttemptSecrets(db, row.id, {
      flowSecrets: rewrap(row.flowSecrets, attemptFlowContext(row.id)),
      tokenCache: row.tokenCache ? rewrap(row.tokenCache, attemptCacheContext(row.id)) : null,
    });
    report.attempts++;
  }
  return report;
}
