import path from 'node:path';
import type { BenchSettings } from './settings.js';
import { startAppUnderBench, type AppUnderBench } from './support/app-under-bench.js';
import { startBareServer } from './support/bare-server.js';
import { startCpuProfile } from './support/cpu-profiler.js';
import { PortalClient, signIn } from './support/http-clients.js';
import { runLoad, type LoadRequest, type ServerSide } from './support/load-generator.js';
import { meterQueries, type QueryCounts } from './support/query-meter.js';
import { printJson, printTable, progress } from './support/report.js';
import { connectedTenant, PROBE_REQUESTS, probeStatusRead, STATUS_PATH } from './support/status-probe.js';

interface RouteFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number;
  eventLoopUtilization: number;
  cpuCores: number;
  /** CPU time of the server process per response: robust against other load on the machine. */
  cpuMsPerRequest: number;
}

const figuresOf = (run: ServerSide<unknown>): RouteFigures => ({
  requestsPerSecond: run.load.requestsPerSecond,
  p50Ms: run.load.latency.p50,
  p99Ms: run.load.latency.p99,
  meanMs: run.load.latency.mean,
  requests: run.load.requests,
  errors: run.load.errors,
  timeouts: run.load.timeouts,
  non2xx: run.load.non2xx,
  bytesPerResponse: run.load.bytesPerResponse,
  eventLoopUtilization: run.eventLoopUtilization,
  cpuCores: run.cpuCores,
  cpuMsPerRequest: (run.cpuCores * 1000) / Math.max(1e-9, run.load.requestsPerSecond),
});

const clean = (run: ServerSide<unknown>) => run.load.errors === 0 && run.load.non2xx === 0 && run.load.timeouts === 0;

type Load = Omit<LoadRequest, 'url' | 'headers'>;

/** Sessions the status read is loaded with (BENCH_STATUS_SESSIONS, default 1: one portal polling). */
function statusSessions(): number {
  const value = Number(process.env.BENCH_STATUS_SESSIONS ?? '1');
  if (!Number.isInteger(value) || value < 1 || value > 1000) throw new Error('BENCH_STATUS_SESSIONS must be 1 to 1000');
  return value;
}

/** The two measured status reads: the app's caches as configured, and both switched off. */
const VARIANTS = {
  cacheHit: { label: 'cache hit', file: 'cache-hit', caches: true },
  noCaches: { label: 'no caches', file: 'no-caches', caches: false },
} as const;
type Variant = (typeof VARIANTS)[keyof typeof VARIANTS];

/** `fn` against a fresh app under bench (its own database and emulators), closed afterwards. */
async function withApp<T>(
  settings: BenchSettings,
  variant: Variant,
  fn: (bench: AppUnderBench, portal: PortalClient) => Promise<T>,
): Promise<T> {
  progress(`status read (${variant.label}): starting the app (fresh database, emulators in a child process)`);
  const bench = await startAppUnderBench(settings, { caches: variant.caches });
  const portal = new PortalClient(bench.origin);
  try {
    return await fn(bench, portal);
  } finally {
    await portal.close();
    await bench.close();
  }
}

/** The bare route under `load`, in this process (the app's process); nothing else runs here meanwhile. */
async function measureBare(settings: BenchSettings, load: Load): Promise<ServerSide<undefined>> {
  progress(
    `status read: bare route, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s at ${load.connections} connections`,
  );
  const bareServer = await startBareServer(settings.logLevel);
  // Profiled too when the status reads are: what the app does on top of the yardstick is the difference of the two.
  let profiler: Awaited<ReturnType<typeof startCpuProfile>> | undefined;
  const run = await runLoad(
    { ...load, url: bareServer.url, headers: {} },
    {
      async start() {
        if (settings.cpuProfileDir) profiler = await startCpuProfile();
      },
      async stop() {
        if (profiler && settings.cpuProfileDir) {
          const file = await profiler.stop(
            path.join(settings.cpuProfileDir, `status-read-bare-${Date.now()}.cpuprofile`),
          );
          console.log(`CPU profile of the server during the bare route: ${file}`);
        }
        return undefined;
      },
    },
  ).finally(() => bareServer.close());
  return run;
}

/**
 * Starts the app's background jobs (pg-boss polling, housekeeping, health monitor, as in production), connects a
 * tenant for real, probes the status read sequentially, then measures it under `load`.
 */
async function measureStatusRead(
  settings: BenchSettings,
  load: Load,
  variant: Variant,
  bench: AppUnderBench,
  portal: PortalClient,
) {
  await bench.startJobs();
  const session = await connectedTenant(bench, portal);
  // BENCH_STATUS_SESSIONS > 1: the load comes from that many sessions of the tenant's admin (each connection takes
  // them in turn), so concurrent reads are not all of one session (what the session cache and the shared
  // lookups of session-lookups.ts would see in production with many portals open).
  const sessions = [session];
  while (sessions.length < statusSessions()) sessions.push(await signIn(portal, session.host));
  const meter = meterQueries(bench.database.pool);
  const sequential = await probeStatusRead(bench, portal, session, meter);

  progress(`status read (${variant.label}): ${STATUS_PATH}, same load`);
  let profiler: Awaited<ReturnType<typeof startCpuProfile>> | undefined;
  let profileFile: string | undefined;
  const run = await runLoad<QueryCounts>(
    {
      ...load,
      url: `${bench.origin}${STATUS_PATH}`,
      headers: { host: session.host, cookie: session.cookie },
      ...(sessions.length > 1 ? { headerSets: sessions.map((one) => ({ cookie: one.cookie })) } : {}),
    },
    {
      async start() {
        if (settings.cpuProfileDir) profiler = await startCpuProfile();
        meter.reset();
      },
      async stop() {
        const counts = meter.read();
        if (profiler && settings.cpuProfileDir) {
          profileFile = await profiler.stop(
            path.join(settings.cpuProfileDir, `status-read-${variant.file}-${Date.now()}.cpuprofile`),
          );
        }
        return counts;
      },
    },
  );
  if (profileFile) console.log(`CPU profile of the server during the status read (${variant.label}): ${profileFile}`);
  const after = await portal.as(session).get(STATUS_PATH);
  if (after.status !== 200) throw new Error(`after the run the status read answers ${after.status}`);
  return {
    run,
    sequential,
    underLoad: {
      queriesPerRequest: run.during.queries / Math.max(1, run.load.requests),
      poolWaitMsPerRequest: run.during.checkoutMs / Math.max(1, run.load.requests),
      queryMsPerRequest: run.during.queryMs / Math.max(1, run.load.requests),
    },
    sessionCacheTtlMs: bench.config.session.cacheTtlMs,
    statusCacheTtlMs: bench.config.statusCacheTtlMs,
    poolSize: bench.config.databasePoolSize,
  };
}

/**
 * Benchmark 1: `GET /api/v1/ms365/connection` with a session cookie at N concurrent connections, next to a bare
 * Fastify route with the app's request logging and request ids (see bare-server.ts), same machine, same load.
 *
 * The bare route runs first, in the process of an app that is started but idle: no requests and no background
 * jobs yet. The jobs start after it, so pg-boss' polling (and the health monitor's schedule) runs during the
 * status reads only, as it would in production: it counts against the app, not against the yardstick.
 *
 * The status read is measured twice, each time on a fresh app: "cache hit" with the caches as configured (one
 * session read over and over, so the session cache, 5 s by default, and the status cache, 2 s, answer nearly
 * every request), and "no caches" with SESSION_CACHE_TTL_MS=0 and STATUS_CACHE_TTL_MS=0, so every request reads
 * the session and the connection status from PostgreSQL. Each has its own ratio to the one bare run.
 */
export async function runStatusReadBench(settings: BenchSettings) {
  const load: Load = {
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    warmupSeconds: settings.warmupSeconds,
  };
  const { bare, hit } = await withApp(settings, VARIANTS.cacheHit, async (bench, portal) => {
    const bareRun = await measureBare(settings, load);
    return { bare: bareRun, hit: await measureStatusRead(settings, load, VARIANTS.cacheHit, bench, portal) };
  });
  const miss = await withApp(settings, VARIANTS.noCaches, (bench, portal) =>
    measureStatusRead(settings, load, VARIANTS.noCaches, bench, portal),
  );

  const bareFigures = figuresOf(bare);
  const variantFigures = (measured: Awaited<ReturnType<typeof measureStatusRead>>) => {
    const status = figuresOf(measured.run);
    return {
      valid: clean(measured.run),
      sessionCacheTtlMs: measured.sessionCacheTtlMs,
      statusCacheTtlMs: measured.statusCacheTtlMs,
      status,
      ratio: status.requestsPerSecond / bareFigures.requestsPerSecond,
      // What the ratio would be if both servers had had a whole core (they are CPU-bound: ELU ≈ 1).
      cpuRatio: bareFigures.cpuMsPerRequest / status.cpuMsPerRequest,
      sequential: measured.sequential,
      underLoad: measured.underLoad,
    };
  };
  const cacheHit = variantFigures(hit);
  const noCaches = variantFigures(miss);
  const valid = clean(bare) && cacheHit.valid && noCaches.valid;
  const variants = [
    [VARIANTS.cacheHit.label, cacheHit],
    [VARIANTS.noCaches.label, noCaches],
  ] as const;

  printTable(
    `Benchmark 1: authenticated status read vs bare route (${settings.connections} connections, ${statusSessions()} session(s), ${settings.durationSeconds} s, logger ${settings.logLevel} → /dev/null)`,
    [
      [
        'route',
        'req/s',
        'p50 ms',
        'p99 ms',
        'mean ms',
        'requests',
        'errors',
        'non-2xx',
        'bytes',
        'server ELU',
        'server cores',
        'CPU ms/req',
      ],
      ...(
        [
          ['GET /bare (minimal Fastify, app logging)', bareFigures],
          ...variants.map(([label, f]) => [`GET ${STATUS_PATH} (session), ${label}`, f.status] as const),
        ] as const
      ).map(([label, f]) => [
        label,
        Math.round(f.requestsPerSecond),
        f.p50Ms,
        f.p99Ms,
        f.meanMs,
        f.requests,
        f.errors,
        f.non2xx,
        Math.round(f.bytesPerResponse),
        f.eventLoopUtilization,
        f.cpuCores,
        f.cpuMsPerRequest,
      ]),
    ],
  );
  for (const [label, f] of variants) {
    console.log(
      `${label} (session cache ${f.sessionCacheTtlMs} ms, status cache ${f.statusCacheTtlMs} ms): ` +
        `ratio authenticated / bare ${f.ratio.toFixed(3)} (target ≥ ${f === cacheHit ? '0.6' : '0.35'})${f.valid ? '' : '  INVALID: errors or non-2xx'}; ` +
        `by server CPU per request ${f.cpuRatio.toFixed(3)}`,
    );
    console.log(
      `  per request (${PROBE_REQUESTS} sequential): ${f.sequential.queriesPerRequest.toFixed(2)} queries, ` +
        `${f.sequential.queryMsPerRequest.toFixed(3)} ms awaiting them, ${f.sequential.serverMsPerRequest.toFixed(3)} ms in the server ` +
        `(onRequest→response), ${f.sequential.roundTripMs.toFixed(3)} ms round trip`,
    );
    console.log(
      `  under load: ${f.underLoad.queriesPerRequest.toFixed(2)} queries/request, ${f.underLoad.poolWaitMsPerRequest.toFixed(3)} ms ` +
        `waiting for a pool connection and ${f.underLoad.queryMsPerRequest.toFixed(3)} ms awaiting queries per request ` +
        `(pool size ${hit.poolSize})`,
    );
  }
  if (!clean(bare)) console.log('INVALID: the bare route had errors or non-2xx');
  const figures = {
    valid,
    connections: settings.connections,
    sessions: statusSessions(),
    durationSeconds: settings.durationSeconds,
    warmupSeconds: settings.warmupSeconds,
    logLevel: settings.logLevel,
    loadGenerator: 'autocannon, programmatic API in a child process',
    poolSize: hit.poolSize,
    bare: bareFigures,
    cacheHit,
    noCaches,
  };
  printJson('status-read', figures);
  return figures;
}
