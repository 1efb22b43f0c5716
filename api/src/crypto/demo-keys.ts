import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatEncryptionKeys, parseEncryptionKeys, type EncryptionKey } from '../config/encryption-keys.js';

const DEMO_KEY_FILE = 'encryption-keys';

/**
 * Demo mode without ENCRYPTION_KEYS: a key generated once into DATA_DIR (mode 0600) and reused on every start, so
 * stored connections stay readable. Never used in production (the configuration requires ENCRYPTION_KEYS there).
 */
export async function loadOrCreateDemoKeys(dataDir: string, warn: (message: string) => void): Promise<EncryptionKey[]> {
  const file = path.join(dataDir, DEMO_KEY_FILE);
  try {
    return parseEncryptionKeys(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: ${(error as Error).message}`);
  }
  const keys = [{ id: 'demo1', key: randomBytes(32) }];
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${formatEncryptionKeys(keys)}\n`, { mode: 0o600, flag: 'wx' });
  warn(`ENCRYPTION_KEYS is not set: generated a demo key into ${file}. Set ENCRYPTION_KEYS for real use.`);
  return keys;
}
