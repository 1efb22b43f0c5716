import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

/** A complete production configuration. */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db:5432/ecm365',
  PUBLIC_URL: 'https://portal.ecm365.example',
  BASE_DOMAIN: 'ecm365.example',
  MS365_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
  MS365_CLIENT_SECRET: 'from-the-vault',
  ENCRYPTION_KEYS: `k2:${KEY},k1:${KEY.replace(/^./, 'A')}`,
  TRUST_PROXY_HOPS: '1',
};

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => issue.message);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts on demo defaults with no configuration', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      demoMode: true,
      port: 3000,
      publicUrl: 'http://localhost:3000',
      baseDomain: 'localhost',
      defaultTenant: 'demo',
      databaseUrl: undefined,
      ms365: { kind: 'emulator' },
      session: { idleMinutes: 30, absoluteHours: 12, cookieSecure: false },
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('is frozen all the way down', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.session)).toBe(true);
  });

  it('honours PORT in the default public URL', () => {
    expect(loadConfig({ PORT: '4123' }).publicUrl).toBe('http://localhost:4123');
  });

  it('names each bad variable in one line', () => {
    expect(issuesOf({ PORT: 'abc' })).toEqual(['PORT must be a whole number (got "abc")']);
    expect(issuesOf({ PORT: '70000', DATABASE_URL: 'mysql://x' })).toEqual([
      'PORT must be between 1 and 65535 (got 70000)',
      'DATABASE_URL must use postgres or postgresql',
    ]);
    expect(issuesOf({ ENCRYPTION_KEYS: 'k1:dG9vLXNob3J0' })).toEqual([
      'ENCRYPTION_KEYS key "k1" must be 32 bytes (base64 of 256 bits)',
    ]);
    expect(issuesOf({ MS365_CLIENT_ID: 'abc' })).toEqual(['MS365_CLIENT_SECRET must be set together with its partner']);
  });

  it('refuses to run production on demo defaults', () => {
    const issues = issuesOf({ NODE_ENV: 'production' });
    expect(issues).toEqual([
      'DATABASE_URL is required when NODE_ENV=production',
      'PUBLIC_URL is required when NODE_ENV=production',
      'BASE_DOMAIN is required when NODE_ENV=production',
      'MS365_CLIENT_ID is required when NODE_ENV=production',
      'MS365_CLIENT_SECRET is required when NODE_ENV=production',
      'ENCRYPTION_KEYS is required when NODE_ENV=production',
    ]);
    expect(issuesOf({ NODE_ENV: 'production', DEMO_MODE: 'true' })[0]).toMatch(/^DEMO_MODE must not be true/);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.demoMode).toBe(false);
    expect(config.session.cookieSecure).toBe(true);
    expect(config.ms365).toMatchObject({
      kind: 'microsoft',
      authority: 'https://login.microsoftonline.com/organizations',
    });
    expect(config.encryptionKeys.map((key) => key.id)).toEqual(['k2', 'k1']);
  });

  it('starts production without SMTP_URL (mails then wait in the outbox) and keeps webhooks to public https targets', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.mail).toMatchObject({ smtpUrl: undefined, supportEmail: 'support@ecm.online' });
    expect(config.webhooks).toMatchObject({ allowPrivateTargets: false, allowHttp: false, timeoutMs: 10000 });
    expect(loadConfig({ ...PRODUCTION, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).webhooks.allowPrivateTargets).toBe(
      true,
    );
  });

  it('allows private and plain-http webhook targets outside production, unless switched off', () => {
    expect(loadConfig({}).webhooks).toMatchObject({ allowPrivateTargets: true, allowHttp: true });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }).webhooks.allowPrivateTargets).toBe(false);
  });

  it('reads the mail settings and refuses a mail URL that is not smtp or smtps, and a support address that is none', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtps://user:pw@mail.example:465',
        SUPPORT_EMAIL: 'help@ecm.example',
        MAIL_FROM: 'x <a@b.c>',
      }).mail,
    ).toMatchObject({
      smtpUrl: 'smtps://user:pw@mail.example:465',
      supportEmail: 'help@ecm.example',
      from: 'x <a@b.c>',
    });
    expect(issuesOf({ SMTP_URL: 'https://mail.example' })).toEqual(['SMTP_URL must use smtp or smtps']);
    expect(issuesOf({ SUPPORT_EMAIL: 'support' })[0]).toMatch(/^SUPPORT_EMAIL must be an e-mail address/);
  });

  it('refuses an https PUBLIC_URL in production without a trusted proxy: the app itself speaks plain http', () => {
    const { TRUST_PROXY_HOPS: _trusted, ...untrusted } = PRODUCTION;
    expect(issuesOf(untrusted)).toEqual([
      'TRUST_PROXY_HOPS must be 1 or more when PUBLIC_URL is https (the TLS proxy in front)',
    ]);
    expect(issuesOf({ ...untrusted, TRUST_PROXY_HOPS: '0' })).toHaveLength(1);
    expect(issuesOf(PRODUCTION)).toEqual([]);
    expect(issuesOf({ PUBLIC_URL: 'https://portal.ecm365.example' })).toEqual([]);
  });

  it('listens on this machine only in demo mode (published logins) unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DEMO_MODE: 'false' }).host).toBe('0.0.0.0');
  });

  it('chooses the log format by the terminal unless LOG_FORMAT says, and refuses an unknown one', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(issuesOf({ LOG_FORMAT: 'yaml' })).toEqual(['LOG_FORMAT must be one of auto, json, pretty (got "yaml")']);
  });

  it('takes the build commit from ECM365_COMMIT when it is a hash or tag, nothing else', () => {
    expect(loadConfig({}).buildCommit).toBeUndefined();
    expect(loadConfig({ ECM365_COMMIT: '08e3fba' }).buildCommit).toBe('08e3fba');
    expect(loadConfig({ ECM365_COMMIT: 'v0.2.0-rc.1' }).buildCommit).toBe('v0.2.0-rc.1');
    expect(issuesOf({ ECM365_COMMIT: '08e3fba"} evil' })[0]).toMatch(/^ECM365_COMMIT must be a commit hash or tag/);
    expect(issuesOf({ ECM365_COMMIT: 'a'.repeat(65) })).toHaveLength(1);
  });
});
