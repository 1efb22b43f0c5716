import path from 'node:path';
import type { BenchSettings } from './settings.js';
import { hostOf, startAppUnderBench } from './support/app-under-bench.js';
import { startCpuProfile } from './support/cpu-profiler.js';
import { FLOW_STEPS, type StepTimings } from './support/connect-flow.js';
import { startFlowDrivers, type FlowDrivers } from './support/flow-drivers.js';
import { processCpuMs } from './support/machine-load.js';
import { meterPostgresCpu } from './support/postgres-cpu.js';
import { meterQueries } from './support/query-meter.js';
import { printJson, printTable, progress } from './support/report.js';
import { summarize } from './support/stats.js';

/**
 * Benchmark 2: whole connect flows per second (connect → authorize → Microsoft's consent page → callback →
 * code → redeem + test → test) against the app over HTTP and the Microsoft emulator over HTTPS. Each of the
 * `flowConcurrency` workers has a tenant and a signed-in admin of its own (a tenant has one connection, and a
 * connect attempt belongs to one session), does one warm-up flow, then takes flows from the shared count. The
 * workers run in a child process (flow-drivers.ts), as clients are not in the server's process in reality; the
 * app's CPU per flow, the clients' and the emulators' are printed apart.
 */
export async function runConnectFlowBench(settings: BenchSettings) {
  progress('connect flow: starting the app (fresh database, emulators in a child process)');
  const bench = await startAppUnderBench(settings);
  let drivers: FlowDrivers | undefined;
  try {
    await bench.startJobs();
    const hosts = await Promise.all(
      Array.from({ length: settings.flowConcurrency }, async (_, index) => {
        const slug = `flow-${index + 1}`;
        await bench.addTenant(slug);
        return hostOf(slug);
      }),
    );
    progress(`connect flow: ${hosts.length} workers in a child process sign in, ${hosts.length} warm-up flows`);
    drivers = await startFlowDrivers({
      origin: bench.origin,
      caCertPem: bench.emulators.microsoft.caCertPem,
      hosts,
      flows: settings.flows,
    });

    progress(`connect flow: ${settings.flows} flows, ${hosts.length} at a time`);
    const postgres = await meterPostgresCpu(bench.database.pool);
    const meter = meterQueries(bench.database.pool);
    // BENCH_CPU_PROFILE: the app's process during the measured flows (the clients and the emulators run elsewhere).
    const profiler = settings.cpuProfileDir ? await startCpuProfile() : undefined;
    const emulatorCpuBefore = processCpuMs(bench.emulators.pid);
    const cpuBefore = process.cpuUsage();
    const measured = await drivers.measure();
    const cpu = process.cpuUsage(cpuBefore);
    const emulatorCpuAfter = processCpuMs(bench.emulators.pid);
    const queries = meter.read();
    // BENCH_QUERY_TALLY=1: each statement's text (160 characters) with how often it ran per flow.
    if (process.env.BENCH_QUERY_TALLY) {
      for (const [text, n] of meter.tally())
        console.log(`${(n / Math.max(1, measured.durations.length)).toFixed(2)}  ${text}`);
    }
    const postgresCpuMs = await postgres.stop();
    if (profiler && settings.cpuProfileDir) {
      const file = path.join(settings.cpuProfileDir, `connect-flow-${Date.now()}.cpuprofile`);
      console.log(`CPU profile of the app process during the measured flows: ${await profiler.stop(file)}`);
    }
    const { durations, steps, failures, seconds } = measured;
    const perFlow = (total: number) => total / Math.max(1, durations.length);
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
      concurrency: hosts.length,
      seconds,
      flowsPerSecond: durations.length / seconds,
      p50Ms: flows.p50,
      p99Ms: flows.p99,
      meanMs: flows.mean,
      maxMs: flows.max,
      stepMeanMs: stepMeans,
      /** The app's Kysely queries per flow (pg-boss' own are not counted). */
      queriesPerFlow: perFlow(queries.queries),
      /** CPU of the app's process per flow (its HTTP server, services, pool, background jobs). */
      cpuMsPerFlow: perFlow((cpu.user + cpu.system) / 1000),
      /** CPU of the flow drivers' process per flow: the bench's HTTP clients (portal client, Microsoft browser). */
      clientCpuMsPerFlow: perFlow(measured.cpuMs),
      /** CPU of the emulators' process per flow (Microsoft's pages, token endpoint, Graph; ELO). */
      emulatorCpuMsPerFlow:
        emulatorCpuBefore === undefined || emulatorCpuAfter === undefined
          ? undefined
          : perFlow(emulatorCpuAfter - emulatorCpuBefore),
      /** CPU of PostgreSQL's backends for the app's database per flow (when PostgreSQL runs on this machine). */
      postgresCpuMsPerFlow: postgresCpuMs === undefined ? undefined : perFlow(postgresCpuMs),
    };

    printTable(`Benchmark 2: whole connect flows (${hosts.length} at a time, Microsoft emulator over HTTPS)`, [
      ['flows', 'failures', 'seconds', 'flows/s', 'p50 ms', 'p99 ms', 'mean ms', 'max ms'],
      [figures.flows, figures.failures, seconds, figures.flowsPerSecond, flows.p50, flows.p99, flows.mean, flows.max],
    ]);
    printTable('mean time per step', [['step', 'ms'], ...FLOW_STEPS.map((step) => [step, stepMeans[step]])]);
    console.log(
      `per flow: ${figures.queriesPerFlow.toFixed(1)} queries of the app; CPU ms: app ${figures.cpuMsPerFlow.toFixed(1)}, ` +
        `clients ${figures.clientCpuMsPerFlow.toFixed(1)}, emulators ${figures.emulatorCpuMsPerFlow?.toFixed(1) ?? '–'}, ` +
        `PostgreSQL ${figures.postgresCpuMsPerFlow?.toFixed(1) ?? '–'} (each its own process)`,
    );
    if (failures.length > 0) console.log(`INVALID: ${failures.length} flows failed, first: ${failures[0]}`);
    printJson('connect-flow', figures);
    return figures;
  } finally {
    await drivers?.close();
    await bench.close();
  }
}
