import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { DEMO_ELO_LOGINS, DEMO_MICROSOFT_LOGINS, DEMO_TENANT } from './demo/demo-environment.js';
import { startRuntime, type Runtime } from './runtime.js';

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const issue of error.issues) console.error(`ecm365: configuration error: ${issue.message}`);
      process.exit(1);
    }
    throw error;
  }
}

function printBanner(config: Config, runtime: Runtime): void {
  const url = new URL(config.publicUrl);
  const build = runtime.services.buildInfo;
  const lines = [
    `ecm365 is running: ${config.publicUrl}`,
    `  version ${build.version}${build.commit ? ` (${build.commit})` : ''} on Node.js ${build.nodeVersion}`,
    `  database: ${runtime.database.description}`,
  ];
  if (runtime.demo) {
    lines.push(
      `  demo tenant "${DEMO_TENANT.slug}" (${DEMO_TENANT.name}) on ${url.protocol}//${url.host} and ${url.protocol}//${DEMO_TENANT.slug}.${url.host}`,
      `  ELO emulator: ${runtime.demo.elo.baseUrl('demo')}`,
      '  Sign in with an ELO demo user:',
      ...DEMO_ELO_LOGINS.map((login) => `    ${login.username} / ${login.password}   — ${login.note}`),
      '  ELO service account of the invoice import (stored encrypted): ecm365-dienst',
    );
  }
  const emulator = runtime.microsoft.emulator;
  if (emulator) {
    const taken = runtime.microsoft.emulatorPortsTaken ?? [];
    lines.push(
      `  Microsoft emulator: ${emulator.origin} (token endpoint and Graph, for the app)`,
      `  its sign-in and consent pages: ${emulator.browserOrigin} (plain http: no certificate warning)`,
      ...(taken.length
        ? [`  (port ${taken.join(' and ')} taken, e.g. by another demo: it uses the ports above instead)`]
        : []),
      '  Microsoft 365 demo accounts on its consent page:',
      ...DEMO_MICROSOFT_LOGINS.map((login) => `    ${login.account}   — ${login.note}`),
    );
  }
  const sink = runtime.mail.sink;
  if (sink) {
    lines.push(
      `  SMTP sink (demo mail server, ${sink.smtpUrl}): the mails it received are listed at ${sink.pageUrl}`,
      '    and logged one line each ("SMTP sink: mail #…") as they arrive',
    );
  }
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const runtime = await startRuntime(config, undefined, { deferJobs: true });
  const app = await buildApp({ services: runtime.services });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const deadline = setTimeout(() => {
      // Requests or health checks still running are cut off; pg-boss hands an interrupted check to an instance later.
      app.log.error(
        'shutdown did not finish within SHUTDOWN_TIMEOUT_MS (requests or health checks still running); exiting',
      );
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  // After listening: requests need no job queue nor the demo's sample invoices, and neither delays the first answer.
  // The invoices' PDFs only after pg-boss' start: beside it they slowed its queries, which /readyz's waits behind.
  try {
    await runtime.startJobs();
    await runtime.seedDemoMail();
  } catch (error) {
    // A SIGTERM in the meantime closed the database under them: that is the shutdown, not a failed start.
    if (closing) return;
    throw error;
  }
  printBanner(config, runtime);
}

main().catch((error: unknown) => {
  console.error('ecm365: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
