import { randomBytes } from 'node:crypto';
import { hasUnsafeCharacters } from '@ecm365/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { AuditLog } from '../../src/modules/audit/audit-log.js';
import { findTenantBySlug } from '../../src/modules/tenants/tenant.repository.js';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { databaseUrl, withAdminClient } from '../support/postgres.js';
import { hostOf, signIn, startTestApp, TEST_ENCRYPTION_KEY, type TestApp } from '../support/test-app.js';

let t: TestApp;
let env: Record<string, string>;
beforeAll(async () => {
  // The CLI changes the database behind the app's back (as from another process): no status cache here.
  t = await startTestApp({ env: { STATUS_CACHE_TTL_MS: '0' } });
  env = {
    NODE_ENV: 'test',
    DATABASE_URL: t.database.url,
    ENCRYPTION_KEYS: `${TEST_ENCRYPTION_KEY.id}:${TEST_ENCRYPTION_KEY.key.toString('base64')}`,
  };
});
afterAll(() => t.close());

/** Runs the CLI in-process and captures what it prints. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const code = await runCli(argv, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  }
}

describe('the admin CLI', () => {
  it('adds, lists, updates and removes tenants, validating input', async () => {
    const added = await cli(
      'tenant',
      'add',
      'beta',
      '--name',
      'Beta KG',
      '--elo-url',
      'https://elo.beta.example/ix-beta/rest/',
      '--grace-until',
      '2022-10-09',
    );
    expect(added).toMatchObject({ code: 0, out: expect.stringContaining('added beta — Beta KG') });
    expect((await cli('tenant', 'list')).out).toMatch(
      /beta\s+Beta KG\s+https:\/\/elo\.beta\.example\/ix-beta\/rest\s+2022-10-09\s+not_connected/,
    );

    expect((await cli('tenant', 'update', 'beta', '--grace-until', 'none', '--name', 'Beta GmbH')).out).toContain(
      'updated beta — Beta GmbH',
    );
    expect(await cli('tenant', 'add', 'beta', '--name', 'x', '--elo-url', 'https://x')).toMatchObject({
      code: 1,
      err: 'ecm365: tenant "beta" exists already',
    });
    expect((await cli('tenant', 'add', 'Bad_Slug!', '--name', 'x', '--elo-url', 'https://x')).code).toBe(1);
    expect((await cli('tenant', 'add', 'gamma', '--name', 'x', '--elo-url', 'not a url')).err).toContain(
      'not an absolute URL',
    );
    expect((await cli('tenant', 'add', 'gamma', '--elo-url', 'https://x')).err).toContain('--name is required');
    expect((await cli('tenant', 'remove', 'beta')).err).toContain('confirm with --yes');
    expect((await cli('tenant', 'remove', 'beta', '--yes')).out).toBe('removed beta');
    expect((await cli('tenant', 'list')).out).not.toContain('beta');
  });

  it("shows a tenant's audit log and revokes its connection", async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    expect((await cli('tenant', 'list')).out).toMatch(/acme\s+ACME AG.*connected\s+admin@contoso\.example/);

    const revoked = await cli('connection', 'revoke', 'acme', '--yes');
    expect(revoked).toMatchObject({ code: 0, out: 'revoked the Microsoft 365 connection of acme' });
    expect((await asUser(t, admin).get('/api/v1/ms365/connection')).json().status).toBe('not_connected');

    const audit = (await cli('audit', 'acme', '--limit', '5')).out.split('\n');
    expect(audit[0]).toMatch(/^when\s+actor\s+action\s+outcome\s+details\s+ip$/);
    expect(audit[2]).toMatch(/ops \(admin CLI\)\s+ms365\.disconnect\s+success/);
    expect(audit.some((line) => /admin\s+ms365\.redeem\s+success/.test(line))).toBe(true);
    expect((await cli('audit', 'nobody')).err).toContain('tenant "nobody" does not exist');
  });

  it('prints no forged audit row for a user name made of a newline and ANSI escapes', async () => {
    const fakeRow = `${new Date().toISOString()}  admin  ms365.disconnect  success  {}`;
    const forged = `mallory\n${fakeRow}\u001b[1A\u001b[2K\r`;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme') },
      payload: { username: forged, password: 'wrong' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.code).toBe('validation_failed');

    // A row that holds such characters anyway (written before the rule, or a name as ELO answered it) is escaped.
    const acme = await findTenantBySlug(t.database.db, 'acme');
    await new AuditLog(t.database.db).record({
      tenant: acme ?? null,
      actor: forged,
      action: 'auth.login',
      outcome: 'failure',
      details: { code: 'invalid_credentials', note: 'C1 \u009b2K and \u2028' },
    });
    const printed = (await cli('audit', 'acme', '--limit', '1000')).out;
    // Nothing but the line breaks between rows acts on the terminal.
    expect(hasUnsafeCharacters(printed.replaceAll('\n', ''))).toBe(false);
    const lines = printed.split('\n');
    expect(lines.filter((line) => /^\S+\s+admin\s+ms365\.disconnect\s+success/.test(line))).toEqual([]);
    expect(lines.filter((line) => line.includes('mallory'))).toEqual([
      expect.stringMatching(/^\S+\s+mallory\\n\S+ {2}admin {2}ms365\.disconnect {2}success {2}\{\}\\u001b\[1A/),
    ]);
  });

  it('refuses control characters in tenant names from the CLI', async () => {
    const added = await cli('tenant', 'add', 'delta', '--name', 'Delta\u001b[31m AG', '--elo-url', 'https://x.example');
    expect(added).toMatchObject({ code: 1, err: 'ecm365: name must not contain control characters' });
  });

  it('generates keys and re-encrypts every secret under the first one', async () => {
    const generated = await cli('keys', 'generate');
    expect(generated.out).toMatch(/^k\d{8}[A-Za-z0-9]*:[A-Za-z0-9+/]{43}=$/);
    const admin = await signIn(t.app, 'admin', 'admin');
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });

    const newKey = `k2:${randomBytes(32).toString('base64')}`;
    env.ENCRYPTION_KEYS = `${newKey},${env.ENCRYPTION_KEYS}`;
    const rotated = await cli('keys', 'rotate');
    expect(rotated.out).toMatch(/^re-encrypted under key "k2": 1 connection\(s\), \d+ attempt\(s\)/);
    const row = await t.database.db.selectFrom('ms365Connections').select('tokenCache').executeTakeFirstOrThrow();
    expect(row.tokenCache.startsWith('enc1:k2:')).toBe(true);
  });

  it('refuses the read-only commands on a database that lacks migrations, and leaves it untouched', async () => {
    const name = `ecm365_t_${randomBytes(5).toString('hex')}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    const tablesOf = async () => {
      const client = new pg.Client({ connectionString: databaseUrl(name) });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          "select table_name as name from information_schema.tables where table_schema = 'public'",
        );
        return rows.map((row) => row.name);
      } finally {
        await client.end();
      }
    };
    try {
      const unmigrated = { DATABASE_URL: databaseUrl(name) };
      for (const argv of [
        ['tenant', 'list'],
        ['audit', 'acme'],
      ]) {
        const refused = await runCliWith(unmigrated, ...argv);
        expect(refused.code).toBe(1);
        expect(refused.err).toMatch(
          /^ecm365: the database lacks \d+ migration\(s\) of this version \(.+\); run `pnpm ecm365 migrate` first/,
        );
        expect(refused.err).not.toContain('\n');
      }
      expect(await tablesOf()).toEqual([]);
      expect((await runCliWith(unmigrated, 'migrate')).out).toMatch(/^applied: /);
      expect(await runCliWith(unmigrated, 'tenant', 'list')).toMatchObject({ code: 0, out: '(none)' });
    } finally {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });

  it('explains configuration errors and unknown commands in one line each', async () => {
    const badConfig = await runCliWith({ DATABASE_URL: 'mysql://nope' }, 'tenant', 'list');
    expect(badConfig).toMatchObject({
      code: 1,
      err: 'ecm365: configuration error: DATABASE_URL must use postgres or postgresql',
    });
    expect((await cli('frobnicate')).err).toMatch(/^ecm365: unknown command "frobnicate"\n\nUsage:/);
    expect((await cli()).out).toMatch(/^Usage: pnpm ecm365/);
  });
});

async function runCliWith(extra: Record<string, string>, ...argv: string[]) {
  const saved = env;
  env = { ...env, ...extra };
  try {
    return await cli(...argv);
  } finally {
    env = saved;
  }
}
