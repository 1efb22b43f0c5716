import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import { listWebhookSecrets, replaceWebhookSecret } from './webhook.repository.js';
import { webhookSecretContext } from './webhook-payload.js';

/** Key rotation for webhook signing secrets (`keys rotate`): re-encrypts those not under the newest key. */
export async function reencryptWebhookSecrets(db: Db, keys: KeyRing): Promise<{ webhooks: number }> {
  let webhooks = 0;
  for (const row of await listWebhookSecrets(db)) {
    if (!keys.isStale(row.secret)) continue;
    const context = webhookSecretContext(row.id);
    const next = keys.encrypt(keys.decrypt(row.secret, context), context);
    // A webhook deleted meanwhile simply is not updated.
    if (await replaceWebhookSecret(db, row, row.secret, next)) webhooks++;
  }
  return { webhooks };
}
