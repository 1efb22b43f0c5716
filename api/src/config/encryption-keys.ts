/** One key of the ring (SPEC §7): `ENCRYPTION_KEYS` lists `id:base64key` pairs, the first encrypts, all decrypt. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function parseEncryptionKeys(raw: string): EncryptionKey[] {
  const keys = raw
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((pair) => {
      const separator = pair.indexOf(':');
      const id = separator > 0 ? pair.slice(0, separator) : '';
      if (!KEY_ID.test(id)) throw new Error('must list id:base64key pairs with ids of letters, digits, - or _');
      const key = Buffer.from(pair.slice(separator + 1), 'base64');
      if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes (base64 of 256 bits)`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('must name at least one key');
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new Error('has a key id twice');
  return keys;
}

export function formatEncryptionKeys(keys: readonly EncryptionKey[]): string {
  return keys.map((key) => `${key.id}:${key.key.toString('base64')}`).join(',');
}
