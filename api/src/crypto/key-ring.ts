import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config/encryption-keys.js';

const FORMAT = 'enc1';
const IV_BYTES = 12;
/** GCM's full tag. Node accepts shorter ones unless told the length, and a 4-byte tag is forged in 2^32 tries. */
const TAG_BYTES = 16;

export class DecryptionError extends Error {}

/**
 * AES-256-GCM under a key ring (SPEC §7): the first key encrypts, every key decrypts, and every ciphertext names
 * its key id, so keys can be rotated without downtime. `context` is bound in as associated data (e.g.
 * `ms365_connections:<tenant id>`): a ciphertext copied to another row or tenant does not decrypt.
 *
 * Format: `enc1:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts).
 */
export class KeyRing {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly subKeys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(keys: readonly EncryptionKey[]) {
    const first = keys[0];
    if (!first) throw new Error('the key ring needs at least one key');
    this.keys = new Map(keys.map((key) => [key.id, key.key]));
    this.currentKeyId = first.id;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.currentKeyId), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.currentKeyId, iv, body, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  decrypt(ciphertext: string, context: string): string {
    const [format, keyId, iv, body, tag] = ciphertext.split(':');
    if (format !== FORMAT || !keyId || !iv || body === undefined || !tag) throw new DecryptionError('not a ciphertext');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (tagBytes.length !== TAG_BYTES) throw new DecryptionError('ciphertext has a shortened authentication tag');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch (error) {
      if (error instanceof DecryptionError) throw error;
      throw new DecryptionError('ciphertext does not decrypt under its key and context');
    }
  }

  /** True when the ciphertext is not under the current key (the rotation command re-encrypts those). */
  isStale(ciphertext: string): boolean {
    return ciphertext.split(':')[1] !== this.currentKeyId;
  }

  /**
   * A sub-key for one purpose (HKDF-SHA256), e.g. deriving MS365 codes; reproducible while the key exists. Derived
   * once per key and purpose (a handful, fixed in code) and kept with the keys they come from: every code shown or
   * issued asked for it again (issue 13). Read-only for the caller.
   */
  derive(keyId: string, purpose: string): Buffer {
    const name = `${keyId}\u0000${purpose}`;
    let subKey = this.subKeys.get(name);
    if (!subKey) {
      subKey = Buffer.from(hkdfSync('sha256', this.key(keyId), Buffer.alloc(0), `ecm365:${purpose}`, 32));
      this.subKeys.set(name, subKey);
    }
    return subKey;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new DecryptionError(`unknown encryption key "${id}"`);
    return key;
  }
}
