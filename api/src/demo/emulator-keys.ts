import { generateKeyPair, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateEmulatorTls, type EmulatorTls } from '@ecm365/emulators';

const KEY_FILE = 'microsoft-emulator-keys.json';
/** A certificate that ends sooner than this is made anew (the emulator mints them for a year). */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

/** What the Microsoft emulator of the demo is started with: its TLS identity and its two token-signing keys. */
export interface EmulatorKeys {
  tls: EmulatorTls;
  signingKeyPem: string;
  unpublishedKeyPem: string;
}

const generateRsaKeyPair = promisify(generateKeyPair);

async function newRsaPem(): Promise<string> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

function isUsable(keys: Partial<EmulatorKeys> | null, now: number): keys is EmulatorKeys {
  if (!keys?.tls?.key || !keys.tls.cert || !keys.tls.ca || !keys.signingKeyPem || !keys.unpublishedKeyPem) return false;
  try {
    return Date.parse(new X509Certificate(keys.tls.cert).validTo) - now > RENEW_BEFORE_MS;
  } catch {
    return false; // not a certificate
  }
}

/**
 * The demo's Microsoft emulator keys, generated once into DATA_DIR (mode 0600) and reused on every start, as the
 * demo's encryption key is (crypto/demo-keys.ts). Why: minting them — four RSA keys and two certificates — was a
 * good part of a warm `pnpm start` on two cores (`pnpm bench start`); and tokens the app cached stay verifiable
 * across restarts. Only the emulator, which exists in demo and test setups alone, ever reads them.
 */
export async function loadOrCreateEmulatorKeys(dataDir: string, now = Date.now()): Promise<EmulatorKeys> {
  const file = path.join(dataDir, KEY_FILE);
  let stored: Partial<EmulatorKeys> | null = null;
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as Partial<EmulatorKeys>;
  } catch (error) {
    // Unreadable or damaged: made anew below; they protect nothing but the emulator's own tokens.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  if (isUsable(stored, now)) return stored;
  const [tls, signingKeyPem, unpublishedKeyPem] = await Promise.all([generateEmulatorTls(), newRsaPem(), newRsaPem()]);
  const keys = { tls, signingKeyPem, unpublishedKeyPem };
  await mkdir(dataDir, { recursive: true });
  // Replaced whole; a second demo starting on the same folder at the same moment writes its own, equally good set.
  await writeFile(file, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  return keys;
}
