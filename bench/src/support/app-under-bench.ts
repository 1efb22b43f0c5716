import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { MicrosoftEndpoints } from '../../../api/src/adapters/microsoft/index.js';
import { buildApp } from '../../../api/src/app.js';
import { loadConfig, type Config } from '../../../api/src/config/config.js';
import { migrateToLatest } from '../../../api/src/db/migrate.js';
import { openDatabase, type OpenDatabase } from '../../../api/src/db/open-database.js';
import { emulatorEndpoints } from '../../../api/src/demo/microsoft-emulator.js';
import { callbackUrl } from '../../../api/src/wiring/microsoft.js';
import { createLogger } from '../../../api/src/http/logging.js';
import { startBackgroundJobs, type BackgroundJobs } from '../../../api/src/jobs/background-jobs.js';
import { TenantAdminService } from '../../../api/src/modules/tenants/tenant-admin.service.js';
import { createServices, type Services } from '../../../api/src/services.js';
import type { BenchSettings } from '../settings.js';
import { createBenchDatabase } from './bench-database.js';
import { startEmulators, type BenchEmulators } from './emulators.js';

export const BASE_DOMAIN = 'ecm365.test';
/** Microsoft's redirect URI lives here; tenants are on <slug>.ecm365.test. Requests go to 127.0.0.1 with Host set. */
export const PUBLIC_URL = 'http://ecm365.test';
export const hostOf = (slug: string) => `${slug}.${BASE_DOMAIN}`;

export interface AppUnderBench {
  /** `http://127.0.0.1:PORT`: where requests go (with the Host header of the tenant). */
  origin: string;
  services: Services;
  config: Config;
  database: OpenDatabase;
  endpoints: MicrosoftEndpoints;
  emulators: BenchEmulators;
  /** The app's encryption key (random, generated for this run). */
  encryptionKey: { id: string; key: Buffer };
  /** Starts pg-boss with housekeeping and the health monitor, as `startRuntime` runs them (once). */
  startJobs(): Promise<BackgroundJobs>;
  /** Adds a tenant whose ELO is the emulator's demo repository (admin/admin is in the Microsoft 365 group). */
  addTenant(slug: string): Promise<string>;
  /**
   * Another app instance on the same database and emulators (its own pool, services and background jobs, the
   * same encryption key), as a second replica runs; closed with this one. No HTTP listener: it does jobs only.
   */
  addInstance(): Promise<{ services: Services; jobs: BackgroundJobs }>;
  close(): Promise<void>;
}

export interface AppUnderBenchOptions {
  /**
   * False switches the app's in-process caches off (SESSION_CACHE_TTL_MS=0 and STATUS_CACHE_TTL_MS=0), so every
   * request reads its session and the connection status from the database. Default true: the caches as
   * configured (environment, else the app's defaults of 5 s and 2 s).
   */
  caches?: boolean;
  /** Extra shared mailboxes of the Microsoft emulator (the import benchmark); see EmulatorsRequest. */
  sharedMailboxes?: string[];
  /** Environment overrides of the app's configuration (after the process environment). */
  env?: Record<string, string>;
}

/** The pino logger of the app (and of the bare route): its real serialisation, written to /dev/null. */
export function benchLogger(level: BenchSettings['logLevel']): ReturnType<typeof createLogger> {
  return createLogger(level, createWriteStream('/dev/null'));
}

/**
 * The real app as `main.ts` and `startRuntime` assemble it: configuration from the environment parser, pool of
 * DATABASE_POOL_SIZE on a fresh migrated database, all services, `buildApp`, listening on 127.0.0.1. Microsoft
 * and ELO are the emulators, in a child process. Background jobs are started on request (the sweep benchmark
 * seeds first; the status read measures its bare route before).
 */
export async function startAppUnderBench(
  settings: BenchSettings,
  options: AppUnderBenchOptions = {},
): Promise<AppUnderBench> {
  const client = { clientId: randomUUID(), clientSecret: randomBytes(24).toString('base64url') };
  const redirectUri = callbackUrl({ publicUrl: PUBLIC_URL });
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => console.error(error));
  };
  try {
    const emulators = await startEmulators({ client, redirectUri, sharedMailboxes: options.sharedMailboxes });
    closers.push(() => emulators.close());
    const benchDatabase = await createBenchDatabase();
    closers.push(() => benchDatabase.drop());
    // The app's settings come from the environment as at start-up (DATABASE_POOL_SIZE, HEALTH_MONITOR_CONCURRENCY,
    // cache lifetimes, …), except what the bench itself provides.
    const noCaches = options.caches === false ? { SESSION_CACHE_TTL_MS: '0', STATUS_CACHE_TTL_MS: '0' } : {};
    // The per-tenant caps guard a shared Microsoft quota against abuse; the flow benchmark is that load on purpose.
    const uncapped = {
      TENANT_CONNECTS_PER_MINUTE: '100000',
      TENANT_CONNECTION_TESTS_PER_MINUTE: '100000',
      TENANT_API_TOKENS_PER_MINUTE: '100000',
    };
    const config = loadConfig({
      ...uncapped,
      ...process.env,
      NODE_ENV: 'test',
      DEMO_MODE: 'false',
      DATABASE_URL: benchDatabase.url,
      BASE_DOMAIN,
      PUBLIC_URL,
      LOG_LEVEL: settings.logLevel,
      ...noCaches,
      ...options.env,
    });
    const database = await openDatabase(config);
    closers.push(() => database.close());
    await migrateToLatest(database.db);

    const endpoints = emulatorEndpoints(emulators.microsoft, client, redirectUri, config.ms365TimeoutMs);
    const encryptionKeys = [{ id: 'bench', key: randomBytes(32) }];
    const services = createServices({
      config,
      db: database.db,
      microsoft: endpoints,
      encryptionKeys,
      logger: benchLogger(settings.logLevel),
    });
    closers.push(() => services.close());
    const app = await buildApp({ services, webDist: false });
    closers.push(() => app.close());
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app did not bind a TCP port');

    const tenants = new TenantAdminService(database.db, { requireHttpsElo: false });
    return {
      origin: `http://127.0.0.1:${address.port}`,
      services,
      config,
      database,
      endpoints,
      emulators,
      encryptionKey: encryptionKeys[0] as { id: string; key: Buffer },
      async startJobs() {
        const jobs = await startBackgroundJobs(database.pool, services);
        // Stopped before the app and the pool go.
        closers.push(() => jobs.stop());
        return jobs;
      },
      async addTenant(slug) {
        const tenant = await tenants.add({ slug, name: `Bench ${slug}`, eloIxUrl: emulators.eloBaseUrl });
        return tenant.id;
      },
      async addInstance() {
        const second = await openDatabase(config);
        closers.push(() => second.close());
        const secondServices = createServices({
          config,
          db: second.db,
          microsoft: endpoints,
          encryptionKeys,
          logger: benchLogger(settings.logLevel),
        });
        closers.push(() => secondServices.close());
        const jobs = await startBackgroundJobs(second.pool, secondServices);
        closers.push(() => jobs.stop());
        return { services: secondServices, jobs };
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
