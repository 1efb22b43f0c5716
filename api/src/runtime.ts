import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { EncryptionKey } from './config/encryption-keys.js';
import { loadOrCreateDemoKeys } from './crypto/demo-keys.js';
import { KeyRing } from './crypto/key-ring.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase, type OpenDatabase } from './db/open-database.js';
import { startDemoEnvironment, type DemoEnvironment } from './demo/demo-environment.js';
import { setUpMail, type MailSetup } from './demo/mail-setup.js';
import { setUpMicrosoft, type MicrosoftSetup } from './wiring/microsoft.js';
import { createLogger } from './http/logging.js';
import { startBackgroundJobs, type BackgroundJobs } from './jobs/background-jobs.js';
import { createServices, type Services } from './services.js';

export interface Runtime {
  config: Config;
  logger: Logger;
  database: OpenDatabase;
  services: Services;
  demo: DemoEnvironment | undefined;
  microsoft: MicrosoftSetup;
  mail: MailSetup;
  /** The background jobs once started (at once, or by `startJobs` with `deferJobs`). */
  jobs: BackgroundJobs | undefined;
  /** Starts the background jobs (once; later calls answer the same). */
  startJobs(): Promise<BackgroundJobs>;
  /** Demo mode: delivers the sample invoices to the emulator's invoice mailbox (once; at once without `deferJobs`). */
  seedDemoMail(): Promise<void>;
  close(): Promise<void>;
}

async function encryptionKeys(config: Config, logger: Logger): Promise<readonly EncryptionKey[]> {
  if (config.encryptionKeys.length > 0) return config.encryptionKeys;
  return loadOrCreateDemoKeys(config.dataDir, (message) => logger.warn(message));
}

/** Everything the app needs besides HTTP: database (migrated), emulators when configured so, services. */
export async function startRuntime(
  config: Config,
  logger: Logger = createLogger(config.logLevel, undefined, config.logFormat),
  /**
   * `deferJobs`: the caller starts the background jobs (`startJobs`) once it listens. pg-boss' start (its schema
   * check, queues, schedules: some forty queries) needs nothing of HTTP, and HTTP nothing of it; on the embedded
   * database it was about a second of a warm demo start before /readyz could answer (issue 13). The demo's sample
   * invoices (`seedDemoMail`) are left to the caller as well: their PDFs are CPU work no request waits for.
   */
  options: { deferJobs?: boolean } = {},
): Promise<Runtime> {
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
  // The Microsoft emulator (TLS and signing keys generated in the thread pool) and the mail sink need nothing of
  // the database: they start while the embedded database loads and migrates, instead of after it (issue 13: a
  // warm demo start was these steps one after the other). Closed with the rest, also when another step fails.
  const microsoftStarting = setUpMicrosoft(config);
  const mailStarting = setUpMail(config, logger);
  for (const starting of [microsoftStarting, mailStarting]) {
    starting.catch(() => {}); // awaited below; a failure is thrown there, not reported as unhandled meanwhile
    closers.push(async () => (await starting).close());
  }
  try {
    const database = await openDatabase(config, 'the portal server', (message, error) =>
      logger.error(error === undefined ? {} : { err: error }, message),
    );
    closers.push(() => database.close());
    await migrateToLatest(database.db);
    const keys = await encryptionKeys(config, logger);
    const demo = config.demoMode
      ? await startDemoEnvironment(database.db, { eloPort: 0, keys: new KeyRing(keys) })
      : undefined;
    if (demo) closers.push(() => demo.close());
    const microsoft = await microsoftStarting;
    const mail = await mailStarting;
    const services = createServices({
      config: mail.config,
      db: database.db,
      microsoft: microsoft.endpoints,
      encryptionKeys: keys,
      logger,
    });
    closers.push(() => services.close());
    let starting: Promise<BackgroundJobs> | undefined;
    // Before the services and the database close: a SIGTERM may come while pg-boss is still starting (deferJobs),
    // and a pg-boss that outlives its pool fails the process on the way out.
    closers.push(async () => {
      const jobs = await starting?.catch(() => undefined);
      await jobs?.stop();
    });
    const runtime: Runtime = {
      config,
      logger,
      database,
      services,
      demo,
      microsoft,
      mail,
      jobs: undefined,
      startJobs: () =>
        (starting ??= startBackgroundJobs(database.pool, services).then((jobs) => {
          runtime.jobs = jobs;
          return jobs;
        })),
      seedDemoMail: async () => microsoft.seedDemoMail?.(),
      close: closeAll,
    };
    if (!options.deferJobs) await Promise.all([runtime.startJobs(), runtime.seedDemoMail()]);
    return runtime;
  } catch (error) {
    await closeAll();
    throw error;
  }
}
