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
  /** Connections seeded for the health monitor sweep. */
  sweepConnections: number;
  /** Parallel code redemptions while seeding. */
  seedConcurrency: number;
  /** The sweep gives up after this many seconds. */
  sweepTimeoutSeconds: number;
  /** Pino level of the app and of the bare route (both log to /dev/null). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** When set: a CPU profile of the server process during the measured status read goes into this folder. */
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
    sweepConnections: Math.round(numberFrom('BENCH_SWEEP_CONNECTIONS', 10_000, 1)),
    seedConcurrency: Math.round(numberFrom('BENCH_SEED_CONCURRENCY', 16, 1)),
    sweepTimeoutSeconds: numberFrom('BENCH_SWEEP_TIMEOUT', 3 * 3600, 10),
    logLevel: logLevel as BenchSettings['logLevel'],
    cpuProfileDir: process.env.BENCH_CPU_PROFILE || undefined,
  };
}
