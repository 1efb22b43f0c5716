import { enableInvoiceImport, runConnectFlow, type StepTimings } from './connect-flow.js';
import type { FlowDriversCommand, FlowDriversMessage, FlowDriversRequest, FlowDriversResult } from './flow-drivers.js';
import { MicrosoftBrowser, PortalClient, signIn } from './http-clients.js';

const send = (message: FlowDriversMessage) => process.send?.(message);

function nextCommand(): Promise<FlowDriversCommand> {
  return new Promise((resolve) => process.once('message', (message) => resolve(message as FlowDriversCommand)));
}

/**
 * The workers of the connect-flow benchmark (started by `startFlowDrivers()`): each signs in on its tenant's host
 * (a tenant has one connection, and an attempt belongs to one session), does one warm-up flow, and on `go` takes
 * flows from the shared count until it is spent. Every step is checked by `runConnectFlow`.
 */
async function main(request: FlowDriversRequest): Promise<void> {
  const portal = new PortalClient(request.origin);
  const browser = new MicrosoftBrowser(request.caCertPem);
  try {
    const sessions = await Promise.all(
      request.hosts.map(async (host) => {
        const session = await signIn(portal, host);
        await enableInvoiceImport(portal, session);
        return session;
      }),
    );
    await Promise.all(sessions.map((session) => runConnectFlow(portal, browser, session)));
    const go = nextCommand();
    send({ kind: 'ready' });
    await go;

    const durations: number[] = [];
    const steps: StepTimings[] = [];
    const failures: string[] = [];
    let remaining = request.flows;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      sessions.map(async (session) => {
        while (remaining > 0) {
          remaining -= 1;
          const flowStarted = performance.now();
          try {
            steps.push(await runConnectFlow(portal, browser, session));
            durations.push(performance.now() - flowStarted);
          } catch (error) {
            failures.push(error instanceof Error ? error.message : String(error));
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const result: FlowDriversResult = {
      durations,
      steps,
      failures,
      seconds,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
    send({ kind: 'result', result });
  } finally {
    await browser.close();
    await portal.close();
  }
}

process.once('message', (message) => {
  main(message as FlowDriversRequest).catch((error: unknown) => {
    send({ kind: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
  });
});
process.once('SIGTERM', () => process.exit(0));
process.once('disconnect', () => process.exit(1));
