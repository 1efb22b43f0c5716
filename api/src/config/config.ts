import path from 'node:path';
import { parseEncryptionKeys, type EncryptionKey } from './encryption-keys.js';
import {
  ConfigIssue,
  IssueCollector,
  readBoolean,
  readEnum,
  readInteger,
  readString,
  readUrl,
  type Env,
} from './env-parsers.js';

export type Ms365Settings =
  /** Demo and tests: the local Microsoft emulator is started and configured at run time. */
  | { kind: 'emulator'; emulatorPort: number; emulatorBrowserPort: number; emulatorHost: string }
  | {
      kind: 'microsoft';
      clientId: string;
      clientSecret: string;
      authority: string;
      graphUrl: string;
      /** Extra certificate authority (PEM file) to trust for the two URLs above, e.g. an emulator elsewhere. */
      caFile: string | undefined;
    };

export interface Config {
  env: 'development' | 'production' | 'test';
  /** Demo mode: ELO emulator and the tenant `demo` are started/seeded (never in production). */
  demoMode: boolean;
  host: string;
  port: number;
  /** Where the portal is reached; base of the Microsoft redirect URI and of links. */
  publicUrl: string;
  /** Tenants are served on `<slug>.<baseDomain>`, self-hosted customers on `selfhost.<baseDomain>`. */
  baseDomain: string;
  /** Tenant for hosts that name none (plain `localhost`, the public host). */
  defaultTenant: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  databasePoolSize: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `auto`: human-readable lines on a terminal, JSON lines otherwise. */
  logFormat: 'auto' | 'json' | 'pretty';
  /** The commit the running code was built from, when the deployment says (ECM365_COMMIT); see build-info.ts. */
  buildCommit: string | undefined;
  /** Trust X-Forwarded-* from this many proxies (0 = none). */
  trustProxyHops: number;
  session: {
    idleMinutes: number;
    absoluteHours: number;
    cookieSecure: boolean;
    cacheTtlMs: number;
    /** How often ELO is asked again whether a signed-in user is still in the group (below the 15-minute limit). */
    groupCheckMinutes: number;
  };
  /** How long the status of a connection is reused across requests (0 = always read). */
  statusCacheTtlMs: number;
  loginLimits: { failuresPerUser: number; failuresPerIp: number; windowSeconds: number };
  /** Wrong MS365 codes allowed per session, per ELO user (across sessions and tokens) and per address. */
  codeRedemption: {
    wrongCodesPerSession: number;
    wrongCodesPerUser: number;
    wrongCodesPerIp: number;
    blockSeconds: number;
  };
  /** Wrong bearer tokens allowed per client address within the window. */
  bearerFailures: { perIp: number; windowSeconds: number };
  /** Per tenant and minute: each connection test calls Microsoft on the shared app registration's quota. */
  tenantCaps: { connectAttemptsPerMinute: number; connectionTestsPerMinute: number; apiTokensPerMinute: number };
  eloTimeoutMs: number;
  /** Bound for each HTTP call to Microsoft (login and Graph). */
  ms365TimeoutMs: number;
  ms365: Ms365Settings;
  /** Key ring; empty means "demo: generate one into DATA_DIR". */
  encryptionKeys: readonly EncryptionKey[];
  /** Upper bound for request bodies in bytes. */
  bodyLimitBytes: number;
  /**
   * Slow clients: the whole request (headers and body) must arrive within `requestMs`; a connection on which nothing
   * moves for `connectionMs` (also while a reply is computed) is closed.
   */
  timeouts: { requestMs: number; connectionMs: number };
  healthMonitor: { enabled: boolean; intervalMinutes: number; concurrency: number };
  /** The invoice mail import: minutes between two rounds of a mailbox, and rounds one instance runs at once. */
  invoiceImport: { intervalMinutes: number; concurrency: number };
  /** When set, GET /metrics requires `Authorization: Bearer <token>`; production without one answers 404 there. */
  metricsToken: string | undefined;
  /** How long graceful shutdown waits for in-flight requests. */
  shutdownTimeoutMs: number;
  mail: MailSettings;
  webhooks: WebhookSettings;
}

export interface MailSettings {
  /** smtp:// or smtps://; unset: notification mails wait in the outbox (demo: the SMTP sink is used). */
  smtpUrl: string | undefined;
  /** Receives the support mail after a successful set-up. */
  supportEmail: string;
  /** Sender of every notification mail. */
  from: string;
  timeoutMs: number;
}

export interface WebhookSettings {
  timeoutMs: number;
  /** Loopback, private and link-local targets allowed (default outside production only). */
  allowPrivateTargets: boolean;
  /** Plain http targets allowed (never in production). */
  allowHttp: boolean;
}

export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`Invalid configuration: ${issues.map((issue) => issue.message).join('; ')}`);
  }
}

const PRODUCTION_REQUIRED = [
  'DATABASE_URL',
  'PUBLIC_URL',
  'BASE_DOMAIN',
  'MS365_CLIENT_ID',
  'MS365_CLIENT_SECRET',
  'ENCRYPTION_KEYS',
] as const;

/** Parses and validates the environment once. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const issues = new IssueCollector();
  const nodeEnv = issues.read<Config['env']>(
    () => readEnum(env, 'NODE_ENV', ['development', 'production', 'test'], 'development'),
    'development',
  );
  const production = nodeEnv === 'production';
  const demoMode = issues.read(() => readBoolean(env, 'DEMO_MODE', !production), false);

  if (production) {
    if (demoMode)
      issues.require('DEMO_MODE', 'must not be true when NODE_ENV=production (demo defaults are for trying it out)');
    for (const name of PRODUCTION_REQUIRED) {
      if (readString(env, name) === undefined) issues.require(name, 'is required when NODE_ENV=production');
    }
  }

  const port = issues.read(() => readInteger(env, 'PORT', 3000, 1, 65535), 3000);
  const publicUrl = issues.read(() => readUrl(env, 'PUBLIC_URL'), undefined) ?? new URL(`http://localhost:${port}`);
  if (production && publicUrl.protocol !== 'https:' && readString(env, 'PUBLIC_URL') !== undefined) {
    issues.require('PUBLIC_URL', 'must use https when NODE_ENV=production');
  }
  const trustProxyHops = issues.read(() => readInteger(env, 'TRUST_PROXY_HOPS', 0, 0, 10), 0);
  if (production && publicUrl.protocol === 'https:' && trustProxyHops === 0) {
    // The app speaks plain http: an https PUBLIC_URL means a TLS proxy in front, whose X-Forwarded-Proto and
    // X-Forwarded-For must be trusted, else every request looks like http and every client like the proxy.
    issues.require('TRUST_PROXY_HOPS', 'must be 1 or more when PUBLIC_URL is https (the TLS proxy in front)');
  }
  const baseDomain = (readString(env, 'BASE_DOMAIN') ?? 'localhost').toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(baseDomain)) issues.require('BASE_DOMAIN', `must be a host name (got "${baseDomain}")`);

  const databaseUrl = issues.read(() => readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']), undefined);
  const clientId = readString(env, 'MS365_CLIENT_ID');
  const clientSecret = readString(env, 'MS365_CLIENT_SECRET');
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    issues.require(
      clientId === undefined ? 'MS365_CLIENT_ID' : 'MS365_CLIENT_SECRET',
      'must be set together with its partner',
    );
  }
  const ms365: Ms365Settings =
    clientId !== undefined && clientSecret !== undefined
      ? {
          kind: 'microsoft',
          clientId,
          clientSecret,
          authority: (
            issues.read(() => readUrl(env, 'MS365_AUTHORITY', ['https:']), undefined)?.href ??
            'https://login.microsoftonline.com/organizations'
          ).replace(/\/$/, ''),
          graphUrl: (
            issues.read(() => readUrl(env, 'MS365_GRAPH_URL', ['https:']), undefined)?.href ??
            'https://graph.microsoft.com/'
          ).replace(/\/?$/, '/'),
          caFile: readString(env, 'MS365_CA_FILE'),
        }
      : {
          kind: 'emulator',
          emulatorPort: issues.read(() => readInteger(env, 'MS365_EMULATOR_PORT', 44300, 0, 65535), 44300),
          // Its sign-in and consent pages, over plain http so that the browser shows no certificate warning.
          emulatorBrowserPort: issues.read(
            () => readInteger(env, 'MS365_EMULATOR_BROWSER_PORT', 44301, 0, 65535),
            44301,
          ),
          // 0.0.0.0 in a container, so that a published port reaches it; clients still use https://127.0.0.1:PORT.
          emulatorHost: readString(env, 'MS365_EMULATOR_HOST') ?? '127.0.0.1',
        };

  const encryptionKeys = issues.read(() => {
    const raw = readString(env, 'ENCRYPTION_KEYS');
    if (raw === undefined) return [];
    try {
      return parseEncryptionKeys(raw);
    } catch (error) {
      throw new ConfigIssue('ENCRYPTION_KEYS', (error as Error).message);
    }
  }, []);

  const config: Config = {
    env: nodeEnv,
    demoMode,
    // The demo publishes its logins (admin/admin): it stays on this machine unless HOST says otherwise.
    host: readString(env, 'HOST') ?? (demoMode ? '127.0.0.1' : '0.0.0.0'),
    port,
    publicUrl: publicUrl.origin,
    baseDomain,
    defaultTenant: readString(env, 'DEFAULT_TENANT')?.toLowerCase() ?? (demoMode ? 'demo' : undefined),
    databaseUrl: databaseUrl?.href,
    dataDir: path.resolve(readString(env, 'DATA_DIR') ?? '.data'),
    databasePoolSize: issues.read(() => readInteger(env, 'DATABASE_POOL_SIZE', 10, 1, 200), 10),
    logLevel: issues.read<Config['logLevel']>(
      () => readEnum(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
      'info',
    ),
    logFormat: issues.read<Config['logFormat']>(
      () => readEnum(env, 'LOG_FORMAT', ['auto', 'json', 'pretty'], 'auto'),
      'auto',
    ),
    buildCommit: issues.read(() => readCommit(env), undefined),
    trustProxyHops,
    session: {
      idleMinutes: issues.read(() => readInteger(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60), 30),
      absoluteHours: issues.read(() => readInteger(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7), 12),
      cookieSecure: publicUrl.protocol === 'https:',
      cacheTtlMs: issues.read(() => readInteger(env, 'SESSION_CACHE_TTL_MS', 5000, 0, 60_000), 5000),
      groupCheckMinutes: issues.read(() => readInteger(env, 'SESSION_GROUP_CHECK_MINUTES', 5, 1, 14), 5),
    },
    statusCacheTtlMs: issues.read(() => readInteger(env, 'STATUS_CACHE_TTL_MS', 2000, 0, 60_000), 2000),
    loginLimits: {
      failuresPerUser: issues.read(() => readInteger(env, 'LOGIN_MAX_FAILURES_PER_USER', 5, 1, 1000), 5),
      failuresPerIp: issues.read(() => readInteger(env, 'LOGIN_MAX_FAILURES_PER_IP', 20, 1, 100000), 20),
      windowSeconds: issues.read(() => readInteger(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400), 900),
    },
    codeRedemption: {
      wrongCodesPerSession: issues.read(() => readInteger(env, 'CODE_MAX_FAILURES_PER_SESSION', 5, 1, 1000), 5),
      wrongCodesPerUser: issues.read(() => readInteger(env, 'CODE_MAX_FAILURES_PER_USER', 10, 1, 10000), 10),
      wrongCodesPerIp: issues.read(() => readInteger(env, 'CODE_MAX_FAILURES_PER_IP', 20, 1, 100000), 20),
      blockSeconds: 900,
    },
    bearerFailures: {
      perIp: issues.read(() => readInteger(env, 'TOKEN_MAX_FAILURES_PER_IP', 20, 1, 100000), 20),
      windowSeconds: 900,
    },
    tenantCaps: {
      connectAttemptsPerMinute: issues.read(() => readInteger(env, 'TENANT_CONNECTS_PER_MINUTE', 20, 1, 100000), 20),
      connectionTestsPerMinute: issues.read(
        () => readInteger(env, 'TENANT_CONNECTION_TESTS_PER_MINUTE', 10, 1, 100000),
        10,
      ),
      apiTokensPerMinute: issues.read(() => readInteger(env, 'TENANT_API_TOKENS_PER_MINUTE', 10, 1, 100000), 10),
    },
    eloTimeoutMs: issues.read(() => readInteger(env, 'ELO_TIMEOUT_MS', 5000, 100, 60000), 5000),
    ms365TimeoutMs: issues.read(() => readInteger(env, 'MS365_TIMEOUT_MS', 10000, 100, 120000), 10000),
    ms365,
    encryptionKeys,
    bodyLimitBytes: issues.read(() => readInteger(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024), 65536),
    timeouts: {
      requestMs: issues.read(() => readInteger(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000), 30_000),
      connectionMs: issues.read(() => readInteger(env, 'CONNECTION_TIMEOUT_MS', 120_000, 1000, 3_600_000), 120_000),
    },
    healthMonitor: {
      enabled: issues.read(() => readBoolean(env, 'HEALTH_MONITOR_ENABLED', true), true),
      intervalMinutes: issues.read(() => readInteger(env, 'HEALTH_MONITOR_INTERVAL_MINUTES', 360, 1, 1440), 360),
      concurrency: issues.read(() => readInteger(env, 'HEALTH_MONITOR_CONCURRENCY', 8, 1, 200), 8),
    },
    invoiceImport: {
      intervalMinutes: issues.read(() => readInteger(env, 'IMPORT_INTERVAL_MINUTES', 5, 1, 1440), 5),
      concurrency: issues.read(() => readInteger(env, 'IMPORT_CONCURRENCY', 8, 1, 200), 8),
    },
    metricsToken: readString(env, 'METRICS_TOKEN'),
    shutdownTimeoutMs: issues.read(() => readInteger(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000), 10000),
    mail: readMailSettings(env, issues),
    webhooks: {
      timeoutMs: issues.read(() => readInteger(env, 'WEBHOOK_TIMEOUT_MS', 10000, 100, 60000), 10000),
      allowPrivateTargets: issues.read(() => readBoolean(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', !production), false),
      allowHttp: !production,
    },
  };

  if (issues.issues.length > 0) throw new ConfigError(issues.issues);
  return deepFreeze(config);
}

/** A commit hash or tag: it becomes a metric label and a log field, so nothing but a short safe word. */
function readCommit(env: Env): string | undefined {
  const commit = readString(env, 'ECM365_COMMIT');
  if (commit !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(commit))
    throw new ConfigIssue('ECM365_COMMIT', 'must be a commit hash or tag (letters, digits, ".", "_", "-"; up to 64)');
  return commit;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

function readMailSettings(env: Env, issues: IssueCollector): MailSettings {
  const supportEmail = readString(env, 'SUPPORT_EMAIL') ?? 'support@ecm.online';
  if (!EMAIL.test(supportEmail)) issues.require('SUPPORT_EMAIL', `must be an e-mail address (got "${supportEmail}")`);
  return {
    smtpUrl: issues.read(() => readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']), undefined)?.href,
    supportEmail,
    from: readString(env, 'MAIL_FROM') ?? 'ecm365 <noreply@ecm.online>',
    timeoutMs: issues.read(() => readInteger(env, 'SMTP_TIMEOUT_MS', 10000, 100, 120000), 10000),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
