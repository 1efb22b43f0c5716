import { createDatabase } from '../../api/src/db/database.js';
import type { BenchSettings } from './settings.js';
import { startAppUnderBench } from './support/app-under-bench.js';
import { collectGarbage, sampleMemory } from './support/memory-sampler.js';
import { printJson, printTable, progress } from './support/report.js';
import { seedConnections } from './support/seed-connections.js';

/** The emulator keeps at most 20,000 refresh tokens (oldest dropped); each connection uses two here. */
const EMULATOR_TOKEN_BOUND = 20_000;
const MB = 2 ** 20;

/**
 * Benchmark 3: the health monitor's check workers over N seeded, due connections. After seeding, the background
 * jobs start as in `startRuntime` (pg-boss with the monitor's workers at HEALTH_MONITOR_CONCURRENCY); `sweep()`
 * is called until it claims nothing more, so every due connection is queued at once (in production the
 * scheduled sweep runs once a minute and claims a batch), and the run ends when every connection has a
 * lastCheckedAt from this run. The figure is therefore the workers' check throughput, not the schedule's.
 * Memory is sampled every 100 ms in this process, which is the app's (the emulators run in a child process);
 * seeding runs in this process too, so a full GC precedes the baseline, and the growth over it is reported
 * next to the absolute peak.
 */
export async function runHealthSweepBench(settings: BenchSettings) {
  const count = settings.sweepConnections;
  if (count * 2 > EMULATOR_TOKEN_BOUND) {
    console.log(
      `WARNING: the Microsoft emulator keeps ${EMULATOR_TOKEN_BOUND} refresh tokens; with ${count} connections the ` +
        'oldest are dropped and those checks fail with needs_reauth (an emulator bound, not the app).',
    );
  }
  progress('health sweep: starting the app (fresh database, emulators in a child process)');
  const bench = await startAppUnderBench(settings);
  // An observer of its own, so that polling does not take connections from the app's pool.
  const observer = createDatabase(bench.database.pool.options.connectionString ?? '', { poolSize: 1 });
  try {
    progress(
      `health sweep: seeding ${count} tenants with real connections (${settings.seedConcurrency} redemptions at a time)`,
    );
    const seed = await seedConnections(bench, count, settings.seedConcurrency);
    progress(`health sweep: seeded in ${seed.seconds.toFixed(1)} s`);

    const jobs = await bench.startJobs();
    const monitor = jobs.monitor;
    if (!monitor) throw new Error('the health monitor is switched off (HEALTH_MONITOR_ENABLED)');
    // Seeding's garbage (one code redemption per connection) must not count as the sweep's memory.
    await collectGarbage();
    const memoryBefore = process.memoryUsage();
    const memory = sampleMemory(100);
    const since = new Date();
    const started = performance.now();
    let queued = 0;
    let sweeps = 0;
    for (let claimed = await monitor.sweep(); claimed > 0; claimed = await monitor.sweep()) {
      queued += claimed;
      sweeps += 1;
    }
    const sweepSeconds = (performance.now() - started) / 1000;
    progress(
      `health sweep: ${queued} checks queued by ${sweeps} sweeps in ${sweepSeconds.toFixed(2)} s; workers running`,
    );

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
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (performance.now() - lastReport >= 30_000) {
        lastReport = performance.now();
        const elapsed = (lastReport - started) / 1000;
        progress(
          `health sweep: ${done} of ${count} checked after ${elapsed.toFixed(0)} s (${(done / elapsed).toFixed(2)}/s)`,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const peak = memory.stop();

    const statuses = await observer.pool.query<{ status: string; count: string }>(
      'select status, count(*) from ms365_connections where last_checked_at >= $1 group by status order by status',
      [since],
    );
    const jobStates = await observer.pool.query<{ state: string; count: string }>(
      "select state, count(*) from pgboss.job where name = 'ms365-connection-check' group by state order by state",
    );
    const byStatus = Object.fromEntries(statuses.rows.map((row) => [row.status, Number(row.count)]));
    const checkJobs = Object.fromEntries(jobStates.rows.map((row) => [row.state, Number(row.count)]));
    const figures = {
      valid: done === count && (byStatus.connected ?? 0) === count,
      connections: count,
      checked: done,
      byStatus,
      checkJobs,
      concurrency: bench.config.healthMonitor.concurrency,
      poolSize: bench.config.databasePoolSize,
      seconds,
      connectionsPerSecond: done / seconds,
      sweeps,
      sweepSeconds,
      seed: { seconds: seed.seconds, redemptionSeconds: seed.redemptionSeconds, concurrency: settings.seedConcurrency },
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

    printTable(
      `Benchmark 3: health monitor, check throughput of the workers over ${count} due connections ` +
        '(all queued at once, not at the per-minute sweep schedule)',
      [
        [
          'connections',
          'checked',
          'connected',
          'seconds',
          'checks/s',
          'concurrency',
          'pool',
          'peak RSS MB',
          'RSS growth MB',
          'peak heap MB',
          'heap growth MB',
          'seed s',
        ],
        [
          count,
          done,
          byStatus.connected ?? 0,
          seconds,
          figures.connectionsPerSecond,
          figures.concurrency,
          figures.poolSize,
          figures.memory.peakRssMb,
          figures.memory.rssGrowthMb,
          figures.memory.peakHeapUsedMb,
          figures.memory.heapUsedGrowthMb,
          seed.seconds,
        ],
      ],
    );
    console.log(
      `memory before the sweep (after a full GC): RSS ${figures.memory.rssBeforeMb.toFixed(1)} MB, ` +
        `heap ${figures.memory.heapUsedBeforeMb.toFixed(1)} MB; growth = peak − that baseline; ` +
        `check jobs by state: ${JSON.stringify(checkJobs)}; statuses: ${JSON.stringify(byStatus)}`,
    );
    if (!figures.valid) console.log('INVALID: not every connection was checked and connected within the time limit');
    printJson('health-sweep', figures);
    return figures;
  } finally {
    await observer.close();
    await bench.close();
  }
}
