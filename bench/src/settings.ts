/** What a run measures and for how long; every knob is an environment variable (see README, "Reliability and performance"). */
export interface BenchSettings {
  /** Seconds of each measured autocannon run. */
  durationSeconds: number;
  /** Seconds of load before each measured run, discarded. */
  warmupSeconds: number;
  /** Concurrent HTTP connections of the load generator. */
  connections: number;
  /** Connect flows measured, after one warm-up flow per worker. */
  flows: number;
  /** Connect flows running at the same time (each on a tenant and session of its own). */
  flowConcurrency: number;
  /**
   * Sizes of the health monitor sweep, ascending: each round seeds up to that many connections (adding to the
   * previous round's) and makes all of them due. BENCH_SWEEP_SIZES (default 1000,10000) or one BENCH_SWEEP_CONNECTIONS.
   */
  sweepSizes: number[];
  /** App instances sharing the sweep (`pnpm bench sweep --instances 2`), on one database. */
  sweepInstances: number;
  /** Parallel code redemptions while seeding. */
  seedConcurrency: number;
  /** The sweep gives up after this many seconds. */
  sweepTimeoutSeconds: number;
  /** Pino level of the app and of the bare route (both log to /dev/null). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Import benchmark: mailboxes (one tenant each) of the many-mailbox run. */
  importMailboxes: number;
  /** Import benchmark: mails of the one-mailbox run. */
  importMailsOneMailbox: number;
  /** Import benchmark: mails per mailbox of the many-mailbox run. */
  importMailsPerMailbox: number;
  /** Import benchmark: large attachments (one per mail) of the memory run, and their size in MB. */
  importLargeCount: number;
  importLargeMb: number;
  /** Import benchmark: each run gives up after this many seconds. */
  importTimeoutSeconds: number;
  /** When set: a CPU profile of the app process during the measured status reads and connect flows goes into this folder. */
  cpuProfileDir: string | undefined;
}

function numberFrom(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min} (got "${raw}")`);
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function sweepSizes(): number[] {
  if (process.env.BENCH_SWEEP_CONNECTIONS) return [Math.round(numberFrom('BENCH_SWEEP_CONNECTIONS', 10_000, 1))];
  const raw = process.env.BENCH_SWEEP_SIZES || '1000,10000';
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`BENCH_SWEEP_SIZES must be positive integers separated by commas (got "${raw}")`);
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** `--instances N` among the command's arguments (the benchmark names are the others). */
function instancesFromArgv(): number {
  const at = process.argv.indexOf('--instances');
  if (at < 0) return 1;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 8) throw new Error('--instances takes a number from 1 to 8');
  return value;
}

export function readSettings(): BenchSettings {
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel as BenchSettings['logLevel'])) {
    throw new Error(`BENCH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  return {
    durationSeconds: numberFrom('BENCH_DURATION', 10, 1),
    warmupSeconds: numberFrom('BENCH_WARMUP', 3, 0),
    connections: Math.round(numberFrom('BENCH_CONNECTIONS', 50, 1)),
    flows: Math.round(numberFrom('BENCH_FLOWS', 200, 1)),
    flowConcurrency: Math.round(numberFrom('BENCH_FLOW_CONCURRENCY', 8, 1)),
    sweepSizes: sweepSizes(),
    sweepInstances: instancesFromArgv(),
    seedConcurrency: Math.round(numberFrom('BENCH_SEED_CONCURRENCY', 16, 1)),
    sweepTimeoutSeconds: numberFrom('BENCH_SWEEP_TIMEOUT', 3 * 3600, 10),
    logLevel: logLevel as BenchSettings['logLevel'],
    importMailboxes: Math.round(numberFrom('BENCH_IMPORT_MAILBOXES', 20, 1)),
    importMailsOneMailbox: Math.round(numberFrom('BENCH_IMPORT_MAILS_ONE', 200, 1)),
    importMailsPerMailbox: Math.round(numberFrom('BENCH_IMPORT_MAILS_PER_MAILBOX', 25, 1)),
    importLargeCount: Math.round(numberFrom('BENCH_IMPORT_LARGE_COUNT', 10, 1)),
    importLargeMb: numberFrom('BENCH_IMPORT_LARGE_MB', 25, 1),
    importTimeoutSeconds: numberFrom('BENCH_IMPORT_TIMEOUT', 600, 10),
    cpuProfileDir: process.env.BENCH_CPU_PROFILE || undefined,
  };
}
