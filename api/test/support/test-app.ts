import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import {
  DEMO_ELO_REPOSITORY,
  startEloEmulator,
  startMicrosoftEmulator,
  type EloRepositoryFixture,
  type RunningEloEmulator,
  type RunningMicrosoftEmulator,
} from '@ecm365/emulators';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, type SessionResponse } from '@ecm365/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { emulatorEndpoints } from '../../src/demo/microsoft-emulator.js';
import { callbackUrl, setUpMicrosoft } from '../../src/wiring/microsoft.js';
import { createLogger } from '../../src/http/logging.js';
import { TenantAdminService } from '../../src/modules/tenants/tenant-admin.service.js';
import { createServices, type Services } from '../../src/services.js';
import type { Clock } from '../../src/support/clock.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const BASE_DOMAIN = 'ecm365.test';
/** The public URL (Microsoft's redirect URI lives there); tenants are on <slug>.ecm365.test. */
export const PUBLIC_URL = 'http://ecm365.test';
export const TEST_CLIENT = {
  clientId: '11111111-2222-4333-8444-555555555555',
  clientSecret: 'test-client-secret-value',
};
export const TEST_ENCRYPTION_KEY = { id: 'test1', key: Buffer.alloc(32, 0x5a) };
export const hostOf = (slug: string) => `${slug}.${BASE_DOMAIN}`;

/** A clock the test moves forward by hand. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** A user whose password is distinctive enough to search for in logs and tables. */
export const SECRET_USER = { name: 'geheim', password: 'Pw-9f3c1e7a-NeverInLogs!' };

export const TEST_ELO_REPOSITORIES: Record<string, EloRepositoryFixture> = {
  acme: {
    ...DEMO_ELO_REPOSITORY,
    users: [
      ...DEMO_ELO_REPOSITORY.users,
      { id: 4711, name: SECRET_USER.name, password: SECRET_USER.password, groups: ['online.ecm.microsoft365'] },
    ],
  },
  other: DEMO_ELO_REPOSITORY,
};

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: TestDatabase;
  elo: RunningEloEmulator;
  microsoft: RunningMicrosoftEmulator;
  config: Config;
  clock: TestClock;
  /** Every log line the app wrote, as JSON text. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The real app over a database of its own, with tenants `acme` and `other` whose ELO is the emulator (over HTTP).
 * `env` overrides configuration variables.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    database?: TestDatabase;
    /** Share another app's Microsoft emulator (two app instances, one Microsoft); the owner closes it. */
    microsoft?: RunningMicrosoftEmulator;
    /** Share another app's ELO emulator (two app instances, one ELO); the owner closes it. */
    elo?: RunningEloEmulator;
    /**
     * `configuration`: reach the emulator as production reaches Microsoft, through MS365_CLIENT_ID/SECRET,
     * MS365_AUTHORITY, MS365_GRAPH_URL and MS365_CA_FILE only (metadata and keys fetched over the network).
     * Default `in-process`: its metadata handed to MSAL, as demo mode does.
     */
    microsoftBy?: 'in-process' | 'configuration';
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = new TestClock();
  // ELO's tickets expire by the same clock as the app's, so moving it lets idle ELO sessions expire too.
  const elo =
    options.elo ?? (await startEloEmulator({ repositories: TEST_ELO_REPOSITORIES, now: () => clock.now().getTime() }));
  const callback = callbackUrl({ publicUrl: options.env?.PUBLIC_URL ?? PUBLIC_URL });
  const microsoft =
    options.microsoft ??
    (await startMicrosoftEmulator({
      clients: [{ ...TEST_CLIENT, redirectUris: [callback], displayName: 'ecm.online' }],
    }));
  const caDir = options.microsoftBy === 'configuration' ? await mkdtemp(path.join(tmpdir(), 'ecm365-ca-')) : undefined;
  if (caDir) await writeFile(path.join(caDir, 'ca.pem'), microsoft.caCertPem);
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_MODE: 'false',
    DATABASE_URL: database.url,
    BASE_DOMAIN,
    PUBLIC_URL,
    LOG_LEVEL: 'info',
    ELO_TIMEOUT_MS: '1500',
    // Test files run many flows on one tenant within a minute; the caps have tests of their own that lower these.
    TENANT_CONNECTS_PER_MINUTE: '1000',
    TENANT_CONNECTION_TESTS_PER_MINUTE: '1000',
    TENANT_API_TOKENS_PER_MINUTE: '1000',
    ...(caDir
      ? {
          MS365_CLIENT_ID: TEST_CLIENT.clientId,
          MS365_CLIENT_SECRET: TEST_CLIENT.clientSecret,
          MS365_AUTHORITY: microsoft.authority(),
          MS365_GRAPH_URL: microsoft.graphBaseUrl,
          MS365_CA_FILE: path.join(caDir, 'ca.pem'),
        }
      : {}),
    ...options.env,
  });
  const tenants = new TenantAdminService(database.db, { requireHttpsElo: false });
  await tenants.upsert({ slug: 'acme', name: 'ACME AG', eloIxUrl: elo.baseUrl('acme') });
  await tenants.upsert({ slug: 'other', name: 'Other GmbH', eloIxUrl: elo.baseUrl('other') });

  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const microsoftSetup = caDir ? await setUpMicrosoft(config) : undefined;
  const services = createServices({
    config,
    db: database.db,
    microsoft: microsoftSetup?.endpoints ?? emulatorEndpoints(microsoft, TEST_CLIENT, callback, config.ms365TimeoutMs),
    encryptionKeys: [TEST_ENCRYPTION_KEY],
    logger: createLogger(config.logLevel, logStream),
    clock,
  });
  const app = await buildApp({ services, webDist: false });
  return {
    app,
    services,
    database,
    elo,
    microsoft,
    config,
    clock,
    logs,
    async close() {
      await app.close();
      await services.close();
      if (!options.elo) await elo.close();
      if (!options.microsoft) await microsoft.close();
      if (caDir) await rm(caDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}

export interface SignedIn {
  cookie: string;
  /** The raw session id from the cookie, for leak checks. */
  sessionId: string;
  csrfToken: string;
  body: SessionResponse;
  host: string;
}

/** The session cookie a response sets, under either name (`__Host-ecm365_session` when PUBLIC_URL is https). */
function sessionCookieSet(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE || cookie.name === SECURE_SESSION_COOKIE);
}

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  return sessionCookieSet(response)?.value;
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
  slug = 'acme',
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { host: hostOf(slug) },
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const set = sessionCookieSet(response);
  if (!set) throw new Error('login did not set the session cookie');
  const body = response.json<SessionResponse>();
  return {
    cookie: `${set.name}=${set.value}`,
    sessionId: set.value,
    csrfToken: body.csrfToken,
    body,
    host: hostOf(slug),
  };
}
