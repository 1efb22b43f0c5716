import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { EncryptionKey } from './config/encryption-keys.js';
import { loadOrCreateDemoKeys } from './crypto/demo-keys.js';
import { KeyRing } from './crypto/key-ring.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase, type OpenDatabase } from './db/open-database.js';
import { startDemoEnvironment, type DemoEnvironment } from './demo/demo-environment.js';
import { setUpMail, type MailSetup } from './demo/mail-setup.js';
import { setUpMicrosoft, type MicrosoftSetup } from './demo/microsoft-setup.js';
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
  jobs: BackgroundJobs;
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
): Promise<Runtime> {
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
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
    const microsoft = await setUpMicrosoft(config);
    closers.push(() => microsoft.close());
    const mail = await setUpMail(config, logger);
    closers.push(() => mail.close());
    const services = createServices({
      config: mail.config,
      db: database.db,
      microsoft: microsoft.endpoints,
      encryptionKeys: keys,
      logger,
    });
    closers.push(() => services.close());
    const jobs = await startBackgroundJobs(database.pool, services);
    closers.push(() => jobs.stop());
    return { config, logger, database, services, demo, microsoft, mail, jobs, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
