import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateEmulatorKeys } from './emulator-keys.js';

const FILE = 'microsoft-emulator-keys.json';
const DAY = 24 * 3600 * 1000;

describe('the demo emulator keys kept in DATA_DIR', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-emulator-keys-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('are generated once, readable only by the owner, and the same on the next start', async () => {
    const first = await loadOrCreateEmulatorKeys(dataDir);
    expect((await stat(path.join(dataDir, FILE))).mode & 0o777).toBe(0o600);
    expect(createPrivateKey(first.signingKeyPem).asymmetricKeyType).toBe('rsa');
    expect(first.unpublishedKeyPem).not.toBe(first.signingKeyPem);
    expect(new X509Certificate(first.tls.cert).checkIssued(new X509Certificate(first.tls.ca))).toBe(true);

    const again = await loadOrCreateEmulatorKeys(dataDir);
    expect(again).toEqual(first);
  });

  it('are made anew when the certificate would run out within 30 days', async () => {
    const first = await loadOrCreateEmulatorKeys(dataDir);
    const validTo = Date.parse(new X509Certificate(first.tls.cert).validTo);
    const renewed = await loadOrCreateEmulatorKeys(dataDir, validTo - 29 * DAY);
    expect(renewed.tls.cert).not.toBe(first.tls.cert);
    expect(renewed.signingKeyPem).not.toBe(first.signingKeyPem);
    expect(JSON.parse(await readFile(path.join(dataDir, FILE), 'utf8'))).toEqual(renewed);
  });

  it('replace a damaged or incomplete file instead of failing the start', async () => {
    await writeFile(path.join(dataDir, FILE), '{"tls": {"key": "', { mode: 0o600 });
    const fromDamaged = await loadOrCreateEmulatorKeys(dataDir);
    expect(createPrivateKey(fromDamaged.tls.key).asymmetricKeyType).toBe('rsa');

    await writeFile(path.join(dataDir, FILE), JSON.stringify({ ...fromDamaged, unpublishedKeyPem: undefined }));
    const fromIncomplete = await loadOrCreateEmulatorKeys(dataDir);
    expect(createPrivateKey(fromIncomplete.unpublishedKeyPem).asymmetricKeyType).toBe('rsa');
  });
});
