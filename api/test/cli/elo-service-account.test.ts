import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { DecryptionError, KeyRing } from '../../src/crypto/key-ring.js';
import { EloServiceAccountService } from '../../src/modules/tenants/elo-service-account.service.js';
import { findTenantBySlug } from '../../src/modules/tenants/tenant.repository.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const PASSWORD = 'Dienst-7f2a!Geheim';
let database: TestDatabase;
let env: Record<string, string>;
const keyString = `${TEST_ENCRYPTION_KEY.id}:${TEST_ENCRYPTION_KEY.key.toString('base64')}`;

beforeAll(async () => {
  database = await createTestDatabase();
  env = { NODE_ENV: 'test', DATABASE_URL: database.url, ENCRYPTION_KEYS: keyString };
  for (const slug of ['nord', 'sued']) {
    expect(
      await cli(['tenant', 'add', slug, '--name', slug, '--elo-url', 'https://elo.example/ix-x/rest']),
    ).toMatchObject({ code: 0 });
  }
});
afterAll(() => database.drop());

async function cli(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const code = await runCli(argv, env, Readable.from([stdin]));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  }
}

const service = (keys = new KeyRing([TEST_ENCRYPTION_KEY])) => new EloServiceAccountService(database.db, keys);
const tenantId = async (slug: string) => (await findTenantBySlug(database.db, slug))?.id ?? '';
const row = (slug: string) =>
  tenantId(slug).then((id) =>
    database.db.selectFrom('eloServiceAccounts').selectAll().where('tenantId', '=', id).executeTakeFirst(),
  );

describe('tenant update --elo-service-user', () => {
  it('reads the password from stdin, stores it encrypted and lists only the user name', async () => {
    const set = await cli(['tenant', 'update', 'nord', '--elo-service-user', 'ecm365-dienst'], `${PASSWORD}\n`);
    expect(set).toMatchObject({ code: 0, out: expect.stringContaining('ELO service account set: ecm365-dienst') });
    expect(set.out).not.toContain(PASSWORD);

    const stored = await row('nord');
    expect(stored?.passwordCiphertext.startsWith(`enc1:${TEST_ENCRYPTION_KEY.id}:`)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(await service().credentialsFor(await tenantId('nord'))).toEqual({
      userName: 'ecm365-dienst',
      password: PASSWORD,
    });

    const list = await cli(['tenant', 'list']);
    expect(list.out).toMatch(/nord .*ecm365-dienst/);
    expect(list.out).toMatch(/sued .*not set/);
    expect(list.out).not.toContain(PASSWORD);
  });

  it('reads the password from a file without its trailing line break', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ecm365-cli-'));
    const file = path.join(dir, 'pw');
    await writeFile(file, 'aus-der-datei\r\n', { mode: 0o600 });
    expect(
      await cli(['tenant', 'update', 'sued', '--elo-service-user', 'dienst', '--elo-service-password-file', file]),
    ).toMatchObject({ code: 0 });
    expect((await service().credentialsFor(await tenantId('sued')))?.password).toBe('aus-der-datei');
  });

  it('never takes the password from the command line, and refuses an empty one', async () => {
    const argv = await cli(['tenant', 'update', 'nord', '--elo-service-user', 'x', '--elo-service-password', 'pw']);
    expect(argv).toMatchObject({ code: 1, err: expect.stringContaining('never taken from the command line') });
    const empty = await cli(['tenant', 'update', 'nord', '--elo-service-user', 'x'], '\n');
    expect(empty).toMatchObject({ code: 1, err: 'ecm365: the ELO service password must not be empty' });
    expect((await row('nord'))?.userName).toBe('ecm365-dienst');
  });

  it('does not decrypt a ciphertext copied to another tenant', async () => {
    const nord = await row('nord');
    await database.db
      .updateTable('eloServiceAccounts')
      .set({ passwordCiphertext: nord?.passwordCiphertext ?? '' })
      .where('tenantId', '=', await tenantId('sued'))
      .execute();
    await expect(service().credentialsFor(await tenantId('sued'))).rejects.toThrow(DecryptionError);
  });

  it('re-encrypts the service passwords on key rotation', async () => {
    await cli(['tenant', 'update', 'sued', '--elo-service-user', 'dienst'], 'neu');
    const newKey = { id: 'k2', key: randomBytes(32) };
    env = { ...env, ENCRYPTION_KEYS: `k2:${newKey.key.toString('base64')},${keyString}` };
    const rotated = await cli(['keys', 'rotate']);
    expect(rotated.out).toMatch(/, 2 ELO service account\(s\),/);
    expect((await row('nord'))?.passwordCiphertext.startsWith('enc1:k2:')).toBe(true);
    const onlyNewKey = new KeyRing([newKey]);
    expect((await service(onlyNewKey).credentialsFor(await tenantId('nord')))?.password).toBe(PASSWORD);
    expect((await cli(['keys', 'rotate'])).out).toMatch(/, 0 ELO service account\(s\),/);
  });

  it('sets the account when a tenant is added', async () => {
    const added = await cli(
      [
        'tenant',
        'add',
        'west',
        '--name',
        'West',
        '--elo-url',
        'https://elo.example/ix-w/rest',
        '--elo-service-user',
        'w',
      ],
      'west-pw',
    );
    expect(added).toMatchObject({ code: 0, out: expect.stringContaining('ELO service account set: w') });
    expect(await service().userNameOf(await tenantId('west'))).toBe('w');
  });

  it('clears the account', async () => {
    expect((await cli(['tenant', 'update', 'sued', '--clear-elo-service-account'])).out).toContain(
      'ELO service account cleared',
    );
    expect(await service().credentialsFor(await tenantId('sued'))).toBeNull();
    expect((await cli(['tenant', 'list'])).out).toMatch(/sued .*not set/);
  });
});
