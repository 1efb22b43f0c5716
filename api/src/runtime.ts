import { EloIxGateway } from './adapters/elo/index.js';
import type { Config } from './config/config.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase, type OpenDatabase } from './db/open-database.js';
import { startDemoEnvironment, type DemoEnvironment } from './demo/demo-environment.js';
import { createServices, type Services } from './services.js';

export interface Runtime {
  config: Config;
  database: OpenDatabase;
  services: Services;
  demo: DemoEnvironment | undefined;
  close(): Promise<void>;
}

/** Everything the app needs besides HTTP: database (migrated), demo emulators, services. */
export async function startRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase(config);
  const closers: Array<() => Promise<void>> = [() => database.close()];
  try {
    await migrateToLatest(database.db);
    const demo = config.demoMode ? await startDemoEnvironment(database.db, { eloPort: 0 }) : undefined;
    if (demo) closers.unshift(() => demo.close());
    const elo = new EloIxGateway({ timeoutMs: config.eloTimeoutMs });
    const services = createServices({ config, db: database.db, elo });
    return {
      config,
      database,
      services,
      demo,
      async close() {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}
