import { createDatabase } from '../../api/src/db/database.js';
import type { HealthMonitor } from '../../api/src/jobs/health-monitor.js';
import type { ConnectionService } from '../../api/src/modules/ms365/connection/connection.service.js';
import type { BenchSettings } from './settings.js';
import { startAppUnderBench } from './support/app-under-bench.js';
import path from 'node:path';
import { startCpuProfile } from './support/cpu-profiler.js';
import { processCpuMs } from './support/machine-load.js';
import { collectGarbage, sampleMemory } from './support/memory-sampler.js';
import { meterPostgresCpu } from './support/postgres-cpu.js';
import { meterQueries } from './support/query-meter.js';
import { printJson, printTable, progress } from './support/report.js';
import { seedConnectionsInChild } from './support/seed-in-child.js';

/** The emulator keeps at most 20,000 refresh tokens (oldest dropped); each connection uses two here. */
const EMULATOR_TOKEN_BOUND = 20_000;
const MB = 2 ** 20;

/**
 * Counts the checks of one instance by tenant, from outside: the monitor's path into the connection service
 * (read-only instrumentation, like the query meter). A tenant counted twice, here or across instances, is double
 * work.
 */
function countChecks(connections: ConnectionService): { byTenant: Map<string, number>; total: () => number } {
  const byTenant = new Map<string, number>();
  const testAndRecord = connections.testAndRecord.bind(connections);
  const count = (tenantId: string) => byTenant.set(tenantId, (byTenant.get(tenantId) ?? 0) + 1);
  connections.testAndRecord = (connection, options) => {
    if (options?.trigger === 'monitor') count(connection.tenantId);
    return testAndRecord(connection, options);
  };
  // The monitor's own path: a page of checks recorded together.
  const testAndRecordPage = connections.testAndRecordPage.bind(connections);
  connections.testAndRecordPage = (page, options) => {
    if (options.trigger === 'monitor') for (const { connection } of page) count(connection.tenantId);
    return testAndRecordPage(page, options);
  };
  return { byTenant, total: () => [...byTenant.values()].reduce((sum, n) => sum + n, 0) };
}

/**
 * Benchmark 3: the health monitor over N due connections, for each size of BENCH_SWEEP_SIZES (1,000 and 10,000
 * by default: the cost per connection must stay flat), on one or more app instances sharing one database.
 *
 * Seeding runs in a child process (real authorization code flows against the emulator), so the app's process
 * holds only what the app holds. Then every instance's background jobs run as in `startRuntime` (pg-boss with
 * the monitor's workers at HEALTH_MONITOR_CONCURRENCY); each round makes all seeded connections due, calls
 * `sweep()` on every instance at once until none claims more (in production the scheduled sweep runs once a
 * minute on one of them), and ends when every connection has a lastCheckedAt from this round. The figure is the
 * workers' check throughput, not the schedule's. Memory and CPU are this process's: all instances are in it.
 */
export async function runHealthSweepBench(settings: BenchSettings) {
  const sizes = settings.sweepSizes;
  const largest = sizes[sizes.length - 1] ?? 0;
  if (largest * 2 > EMULATOR_TOKEN_BOUND) {
    console.log(
      `WARNING: the Microsoft emulator keeps ${EMULATOR_TOKEN_BOUND} refresh tokens; with ${largest} connections the ` +
        'oldest are dropped and those checks fail with needs_reauth (an emulator bound, not the app).',
    );
  }
  progress('health sweep: starting the app (fresh database, emulators in a child process)');
  const bench = await startAppUnderBench(settings);
  const databaseUrl = bench.database.pool.options.connectionString ?? '';
  // An observer of its own, so that polling does not take connections from the app's pool.
  const observer = createDatabase(databaseUrl, { poolSize: 1 });
  try {
    const monitors: HealthMonitor[] = [];
    const counters: Array<ReturnType<typeof countChecks>> = [];
    // The first instance's queries (Kysely's; pg-boss' own pool.query calls are not counted).
    const meter = meterQueries(bench.database.pool);
    const first = await bench.startJobs();
    if (!first.monitor) throw new Error('the health monitor is switched off (HEALTH_MONITOR_ENABLED)');
    monitors.push(first.monitor);
    counters.push(countChecks(bench.services.connection));
    for (let i = 1; i < settings.sweepInstances; i++) {
      const instance = await bench.addInstance();
      if (!instance.jobs.monitor) throw new Error('the health monitor is switched off');
      monitors.push(instance.jobs.monitor);
      counters.push(countChecks(instance.services.connection));
    }

    const rounds: Array<Awaited<ReturnType<typeof measureRound>> & { queriesPerCheck: number; seedSeconds: number }> =
      [];
    let seeded = 0;
    for (const count of sizes) {
      progress(`health sweep: seeding ${count - seeded} more connections in a child process`);
      const seed = await seedConnectionsInChild({
        databaseUrl,
        eloBaseUrl: bench.emulators.eloBaseUrl,
        endpoints: bench.endpoints,
        key: { id: bench.encryptionKey.id, key: bench.encryptionKey.key.toString('base64') },
        firstIndex: seeded,
        count: count - seeded,
        concurrency: settings.seedConcurrency,
      });
      seeded = count;
      // Everything due at once, the earlier rounds' connections too.
      await observer.pool.query('update ms365_connections set next_check_at = null');
      meter.reset();
      const round = await measureRound(settings, count, monitors, counters, observer, bench.emulators.pid);
      const queriesPerCheck = meter.read().queries / Math.max(1, round.perInstance[0] ?? 0);
      rounds.push({ ...round, queriesPerCheck, seedSeconds: seed.seconds });
    }

    const valid = rounds.every((round) => round.valid);
    printTable(
      `Benchmark 3: health monitor, check throughput of the workers (all due connections queued at once, ` +
        `${settings.sweepInstances} instance(s), concurrency ${bench.config.healthMonitor.concurrency} each)`,
      [
        [
          'connections',
          'checked',
          'connected',
          'seconds',
          'checks/s',
          'CPU ms/check',
          'emulator CPU ms/check',
          'PostgreSQL CPU ms/check',
          'queries/check',
          'per instance',
          'duplicates',
          'peak RSS MB',
          'RSS growth MB',
          'peak heap MB',
          'seed s',
        ],
        ...rounds.map((round) => [
          round.connections,
          round.checked,
          round.byStatus.connected ?? 0,
          round.seconds,
          round.connectionsPerSecond,
          round.cpuMsPerCheck,
          round.emulatorCpuMsPerCheck ?? '–',
          round.postgresCpuMsPerCheck ?? '–',
          round.queriesPerCheck,
          round.perInstance.join(' / '),
          round.duplicates,
          round.memory.peakRssMb,
          round.memory.rssGrowthMb,
          round.memory.peakHeapUsedMb,
          round.seedSeconds,
        ]),
      ],
    );
    for (const round of rounds) {
      console.log(
        `${round.connections} connections: memory before (after a full GC) RSS ${round.memory.rssBeforeMb.toFixed(1)} MB, ` +
          `heap ${round.memory.heapUsedBeforeMb.toFixed(1)} MB; check jobs by state ${JSON.stringify(round.checkJobs)}; ` +
          `statuses ${JSON.stringify(round.byStatus)}${round.valid ? '' : '  INVALID: not every connection was checked once and connected'}`,
      );
    }
    const figures = {
      valid,
      instances: settings.sweepInstances,
      concurrency: bench.config.healthMonitor.concurrency,
      poolSize: bench.config.databasePoolSize,
      rounds,
    };
    printJson('health-sweep', figures);
    return figures;
  } finally {
    await observer.close();
    await bench.close();
  }
}

async function measureRound(
  settings: BenchSettings,
  count: number,
  monitors: HealthMonitor[],
  counters: Array<ReturnType<typeof countChecks>>,
  observer: ReturnType<typeof createDatabase>,
  emulatorPid: number | undefined,
) {
  for (const counter of counters) counter.byTenant.clear();
  await observer.pool.query("delete from pgboss.job where name = 'ms365-connection-check'");
  await collectGarbage();
  const memoryBefore = process.memoryUsage();
  const memory = sampleMemory(100);
  const profiler = settings.cpuProfileDir ? await startCpuProfile() : undefined;
  const cpuBefore = process.cpuUsage();
  const emulatorCpuBefore = processCpuMs(emulatorPid);
  // Every backend of the bench's database (the app's pool, pg-boss', the observer's): each saved round trip saves
  // work there too, on the same cores.
  const postgres = await meterPostgresCpu(observer.pool);
  const since = new Date();
  const started = performance.now();
  let queued = 0;
  let sweeps = 0;
  for (;;) {
    // Every instance sweeps at once, as replicas whose schedules overlap: each due connection is claimed once.
    const claimed = await Promise.all(monitors.map((monitor) => monitor.sweep()));
    sweeps += 1;
    const sum = claimed.reduce((a, b) => a + b, 0);
    queued += sum;
    if (sum === 0) break;
  }
  const sweepSeconds = (performance.now() - started) / 1000;
  progress(`health sweep ${count}: ${queued} checks queued by ${sweeps} sweeps in ${sweepSeconds.toFixed(2)} s`);

  const checked = async () => {
    const result = await observer.pool.query<{ checked: string }>(
      'select count(*) as checked from ms365_connections where last_checked_at >= $1',
      [since],
    );
    return Number(result.rows[0]?.checked ?? 0);
  };
  const deadline = started + settings.sweepTimeoutSeconds * 1000;
  let done = 0;
  let lastReport = performance.now();
  while ((done = await checked()) < count && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (performance.now() - lastReport >= 30_000) {
      lastReport = performance.now();
      const elapsed = (lastReport - started) / 1000;
      progress(
        `health sweep: ${done} of ${count} checked after ${elapsed.toFixed(0)} s (${(done / elapsed).toFixed(2)}/s)`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const emulatorCpuAfter = processCpuMs(emulatorPid);
  const postgresCpuMs = await postgres.stop();
  const peak = memory.stop();
  if (profiler && settings.cpuProfileDir) {
    const file = await profiler.stop(path.join(settings.cpuProfileDir, `sweep-${count}-${Date.now()}.cpuprofile`));
    progress(`health sweep ${count}: CPU profile of the round in ${file}`);
  }

  const statuses = await observer.pool.query<{ status: string; count: string }>(
    'select status, count(*) from ms365_connections where last_checked_at >= $1 group by status order by status',
    [since],
  );
  const jobStates = await observer.pool.query<{ state: string; count: string }>(
    "select state, count(*) from pgboss.job where name = 'ms365-connection-check' group by state order by state",
  );
  const byStatus = Object.fromEntries(statuses.rows.map((row) => [row.status, Number(row.count)]));
  const checkJobs = Object.fromEntries(jobStates.rows.map((row) => [row.state, Number(row.count)]));
  const perInstance = counters.map((counter) => counter.total());
  const tenants = new Set(counters.flatMap((counter) => [...counter.byTenant.keys()]));
  const duplicates = perInstance.reduce((a, b) => a + b, 0) - tenants.size;
  return {
    valid: done === count && (byStatus.connected ?? 0) === count && duplicates === 0,
    connections: count,
    checked: done,
    byStatus,
    checkJobs,
    perInstance,
    duplicates,
    seconds,
    connectionsPerSecond: done / seconds,
    /** CPU of this process (every instance) per check: robust against other load on the machine. */
    cpuMsPerCheck: (cpu.user + cpu.system) / 1000 / Math.max(1, done),
    /** CPU of the emulators' process per check (token endpoint, Graph, TLS): Microsoft's share, on this machine. */
    emulatorCpuMsPerCheck:
      emulatorCpuBefore === undefined || emulatorCpuAfter === undefined
        ? undefined
        : (emulatorCpuAfter - emulatorCpuBefore) / Math.max(1, done),
    /** CPU of PostgreSQL's backends of the bench's database per check (where PostgreSQL runs on this machine). */
    postgresCpuMsPerCheck: postgresCpuMs === undefined ? undefined : postgresCpuMs / Math.max(1, done),
    sweeps,
    sweepSeconds,
    memory: {
      rssBeforeMb: memoryBefore.rss / MB,
      heapUsedBeforeMb: memoryBefore.heapUsed / MB,
      peakRssMb: peak.rss / MB,
      peakHeapUsedMb: peak.heapUsed / MB,
      peakHeapTotalMb: peak.heapTotal / MB,
      /** Peak minus the baseline taken after a full GC: what the sweep itself adds. */
      rssGrowthMb: (peak.rss - memoryBefore.rss) / MB,
      heapUsedGrowthMb: (peak.heapUsed - memoryBefore.heapUsed) / MB,
      samples: peak.samples,
    },
  };
}
