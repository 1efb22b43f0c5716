import { createDatabase } from '../../../src/db/database.js';
import { callbackUrl, emulatorEndpoints, type EmulatorAddressValues } from '../../../src/demo/microsoft-setup.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/http/logging.js';
import { startBackgroundJobs } from '../../../src/jobs/background-jobs.js';
import { createServices } from '../../../src/services.js';

/**
 * An app instance that only runs the background jobs (the import's workers among them), in a process of its own so
 * a test can kill it with SIGKILL at any moment: no finally blocks, no graceful stop, a lease left behind. Started
 * by worker-process.ts with its settings as JSON in argv[2]; says "ready" over IPC.
 */
interface WorkerRequest {
  databaseUrl: string;
  env: Record<string, string>;
  microsoft: EmulatorAddressValues;
  client: { clientId: string; clientSecret: string };
  publicUrl: string;
  encryptionKey: { id: string; keyBase64: string };
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as WorkerRequest;
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_MODE: 'false',
    DATABASE_URL: request.databaseUrl,
    BASE_DOMAIN: 'ecm365.test',
    PUBLIC_URL: request.publicUrl,
    LOG_LEVEL: 'warn',
    ...request.env,
  });
  const database = createDatabase(request.databaseUrl, { poolSize: 5 });
  const services = createServices({
    config,
    db: database.db,
    microsoft: emulatorEndpoints(request.microsoft, request.client, callbackUrl(config), config.ms365TimeoutMs),
    encryptionKeys: [{ id: request.encryptionKey.id, key: Buffer.from(request.encryptionKey.keyBase64, 'base64') }],
    logger: createLogger('warn', process.stderr),
  });
  await startBackgroundJobs(database.pool, services);
  process.send?.('ready');
  process.once('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
