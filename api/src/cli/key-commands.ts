import { randomBytes } from 'node:crypto';
import { formatEncryptionKeys } from '../config/encryption-keys.js';
import { reencryptSecrets } from '../modules/ms365/connection/reencrypt-secrets.js';
import { reencryptWebhookSecrets } from '../modules/webhooks/reencrypt-webhook-secrets.js';
import { UsageError, type CommandContext } from './cli-context.js';
import { cliKeyRing } from './cli-key-ring.js';

/** `keys generate` needs no database. */
export function generateKey(): void {
  // Dated for humans, with a random tail so two keys made on one day never share an id.
  const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(2).toString('hex')}`;
  console.log(formatEncryptionKeys([{ id, key: randomBytes(32) }]));
}

/** `keys rotate`: every stored secret under the first key of ENCRYPTION_KEYS (or the demo key file). */
export async function keysCommand({ config, database, args }: CommandContext): Promise<void> {
  if (args[0] !== 'rotate') throw new UsageError(`unknown keys command "${args[0] ?? ''}"`);
  const ring = await cliKeyRing(config);
  const report = await reencryptSecrets(database.db, ring);
  const hooks = await reencryptWebhookSecrets(database.db, ring);
  console.log(
    `re-encrypted under key "${ring.currentKeyId}": ${report.connections} connection(s), ${report.attempts} attempt(s), ` +
      `${report.sessions} session ticket(s), ${report.eloServiceAccounts} ELO service account(s), ` +
      `${hooks.webhooks} webhook secret(s); ` +
      `${report.alreadyCurrent} already current`,
  );
}
