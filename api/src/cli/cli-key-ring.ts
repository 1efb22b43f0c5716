import type { Config } from '../config/config.js';
import { loadOrCreateDemoKeys } from '../crypto/demo-keys.js';
import { KeyRing } from '../crypto/key-ring.js';

/** The key ring of ENCRYPTION_KEYS, or the demo key file in DATA_DIR that the portal itself uses without it. */
export async function cliKeyRing(config: Config): Promise<KeyRing> {
  const keys =
    config.encryptionKeys.length > 0
      ? config.encryptionKeys
      : await loadOrCreateDemoKeys(config.dataDir, (message) => console.warn(message));
  return new KeyRing(keys);
}
