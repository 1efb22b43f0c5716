import path from 'node:path';
import type { BenchSettings } from './settings.js';
import { hostOf, startAppUnderBench } from './support/app-under-bench.js';
import { startCpuProfile } from './support/cpu-profiler.js';
import { enableInvoiceImport, FLOW_STEPS, runConnectFlow, type StepTimings } from './support/connect-flow.js';
import { MicrosoftBrowser, PortalClient, signIn } from './support/http-clients.js';
import { meterQueries } from './support/query-meter.js';
import { printJson, printTable, progress } from './support/report.js';
import { summarize } from './support/stats.js';

/**
 * Benchmark 2: whole connect flows per second (connect → authorize → Microsoft's consent page → callback →
 * code → redeem + test → test) against the app over HTTP and the Microsoft emulator over HTTPS. Each of the
 * `flowConcurrency` workers has a tenant and a signed-in admin of its own (a tenant has one connection, and a
 * connect attempt belongs to one session), does one warm-up flow, then takes flows from the shared count.
 */
export async function runConnectFlowBench(settings: BenchSettings) {
  progress('connect flow: starting the app (fresh database, emulators in a child process)');
  const bench = await startAppUnderBench(settings);
  const portal = new PortalClient(bench.origin);
  const browser = new MicrosoftBrowser(bench.emulators.microsoft.caCertPem);
  try {
    await bench.startJobs();
    const workers = await Promise.all(
      Array.from({ length: settings.flowConcurrency }, async (_, index) => {
        const slug = `flow-${index + 1}`;
        await bench.addTenant(slug);
        const session = await signIn(portal, hostOf(slug));
        await enableInvoiceImport(portal, session);
        return session;
      }),
    );
    progress(`connect flow: ${workers.length} warm-up flows`);
    await Promise.all(workers.map((session) => runConnectFlow(portal, browser, session)));

    progress(`connect flow: ${settings.flows} flows, ${workers.length} at a time`);
    const durations: number[] = [];
    const steps: StepTimings[] = [];
    const failures: string[] = [];
    let remaining = settings.flows;
    const meter = meterQueries(bench.database.pool);
    // BENCH_CPU_PROFILE: the measured flows only (the app and the bench's clients share this process).
    const profiler = settings.cpuProfileDir ? await startCpuProfile() : undefined;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      workers.map(async (session) => {
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
    const queries = meter.read();
    if (profiler && settings.cpuProfileDir) {
      const file = path.join(settings.cpuProfileDir, `connect-flow-${Date.now()}.cpuprofile`);
      console.log(`CPU profile of the app process during the measured flows: ${await profiler.stop(file)}`);
    }
    const flows = summarize(durations);
    const stepMeans = Object.fromEntries(
      FLOW_STEPS.map((step) => [
        step,
        steps.reduce((sum, timing) => sum + timing[step], 0) / Math.max(1, steps.length),
      ]),
    ) as StepTimings;
    const figures = {
      valid: failures.length === 0,
      flows: durations.length,
      failures: failures.length,
      concurrency: workers.length,
      seconds,
      flowsPerSecond: durations.length / seconds,
      p50Ms: flows.p50,
      p99Ms: flows.p99,
      meanMs: flows.mean,
      maxMs: flows.max,
      stepMeanMs: stepMeans,
      /** The app's Kysely queries per flow (pg-boss' own are not counted). */
      queriesPerFlow: queries.queries / Math.max(1, durations.length),
      /** CPU of this process per flow: the app and the bench's HTTP clients (the emulators run elsewhere). */
      cpuMsPerFlow: (cpu.user + cpu.system) / 1000 / Math.max(1, durations.length),
    };

    printTable(`Benchmark 2: whole connect flows (${workers.length} at a time, Microsoft emulator over HTTPS)`, [
      ['flows', 'failures', 'seconds', 'flows/s', 'p50 ms', 'p99 ms', 'mean ms', 'max ms'],
      [figures.flows, figures.failures, seconds, figures.flowsPerSecond, flows.p50, flows.p99, flows.mean, flows.max],
    ]);
    printTable('mean time per step', [['step', 'ms'], ...FLOW_STEPS.map((step) => [step, stepMeans[step]])]);
    console.log(
      `per flow: ${figures.queriesPerFlow.toFixed(1)} queries of the app, ${figures.cpuMsPerFlow.toFixed(1)} ms CPU ` +
        'of the app and the bench clients (one process; the emulators are in another)',
    );
    if (failures.length > 0) console.log(`INVALID: ${failures.length} flows failed, first: ${failures[0]}`);
    printJson('connect-flow', figures);
    return figures;
  } finally {
    await browser.close();
    await portal.close();
    await bench.close();
  }
}
