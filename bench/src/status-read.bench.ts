import path from 'node:path';
import type { BenchSettings } from './settings.js';
import { startAppUnderBench } from './support/app-under-bench.js';
import { startBareServer } from './support/bare-server.js';
import { startCpuProfile } from './support/cpu-profiler.js';
import { PortalClient } from './support/http-clients.js';
import { runLoad, type ServerSide } from './support/load-generator.js';
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

/**
 * Benchmark 1: `GET /api/v1/ms365/connection` with a session cookie at N concurrent connections, next to a bare
 * Fastify route, same machine, same run, same logger settings.
 */
export async function runStatusReadBench(settings: BenchSettings) {
  progress('status read: starting the app (fresh database, emulators in a child process)');
  const bench = await startAppUnderBench(settings);
  const portal = new PortalClient(bench.origin);
  try {
    await bench.startJobs();
    const session = await connectedTenant(bench, portal);
    const meter = meterQueries(bench.database.pool);
    const sequential = await probeStatusRead(bench, portal, session, meter);

    const load = {
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
    };
    progress(
      `status read: bare route, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s at ${settings.connections} connections`,
    );
    const bareServer = await startBareServer(settings.logLevel);
    const bare = await runLoad({ ...load, url: bareServer.url, headers: {} }, { start() {}, stop() {} }).finally(() =>
      bareServer.close(),
    );
    progress(`status read: ${STATUS_PATH}, same load`);
    let profiler: Awaited<ReturnType<typeof startCpuProfile>> | undefined;
    let profileFile: string | undefined;
    const status = await runLoad<QueryCounts>(
      { ...load, url: `${bench.origin}${STATUS_PATH}`, headers: { host: session.host, cookie: session.cookie } },
      {
        async start() {
          if (settings.cpuProfileDir) profiler = await startCpuProfile();
          meter.reset();
        },
        async stop() {
          const counts = meter.read();
          if (profiler && settings.cpuProfileDir) {
            profileFile = await profiler.stop(
              path.join(settings.cpuProfileDir, `status-read-${Date.now()}.cpuprofile`),
            );
          }
          return counts;
        },
      },
    );
    if (profileFile) console.log(`CPU profile of the server during the measured status read: ${profileFile}`);
    const after = await portal.as(session).get(STATUS_PATH);
    if (after.status !== 200) throw new Error(`after the run the status read answers ${after.status}`);

    const bareFigures = figuresOf(bare);
    const statusFigures = figuresOf(status);
    const ratio = statusFigures.requestsPerSecond / bareFigures.requestsPerSecond;
    // What the ratio would be if both servers had had a whole core (they are CPU-bound: ELU ≈ 1).
    const cpuRatio = bareFigures.cpuMsPerRequest / statusFigures.cpuMsPerRequest;
    const underLoad = {
      queriesPerRequest: status.during.queries / Math.max(1, status.load.requests),
      poolWaitMsPerRequest: status.during.checkoutMs / Math.max(1, status.load.requests),
      queryMsPerRequest: status.during.queryMs / Math.max(1, status.load.requests),
    };
    const valid = [bare, status].every(
      (run) => run.load.errors === 0 && run.load.non2xx === 0 && run.load.timeouts === 0,
    );

    printTable(
      `Benchmark 1: authenticated status read vs bare route (${settings.connections} connections, ${settings.durationSeconds} s, logger ${settings.logLevel} → /dev/null)`,
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
            ['GET /bare (minimal Fastify)', bareFigures],
            [`GET ${STATUS_PATH} (session)`, statusFigures],
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
    console.log(
      `ratio authenticated / bare: ${ratio.toFixed(3)} (target ≥ 0.5)${valid ? '' : '  INVALID: errors or non-2xx'}; ` +
        `by server CPU per request: ${cpuRatio.toFixed(3)}`,
    );
    console.log(
      `per request (${PROBE_REQUESTS} sequential): ${sequential.queriesPerRequest.toFixed(2)} queries, ` +
        `${sequential.queryMsPerRequest.toFixed(3)} ms awaiting them, ${sequential.serverMsPerRequest.toFixed(3)} ms in the server ` +
        `(onRequest→response), ${sequential.roundTripMs.toFixed(3)} ms round trip`,
    );
    console.log(
      `under load: ${underLoad.queriesPerRequest.toFixed(2)} queries/request, ${underLoad.poolWaitMsPerRequest.toFixed(3)} ms ` +
        `waiting for a pool connection and ${underLoad.queryMsPerRequest.toFixed(3)} ms awaiting queries per request ` +
        `(pool size ${bench.config.databasePoolSize})`,
    );
    const figures = {
      valid,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
      logLevel: settings.logLevel,
      loadGenerator: 'autocannon, programmatic API in a child process',
      poolSize: bench.config.databasePoolSize,
      bare: bareFigures,
      status: statusFigures,
      ratio,
      cpuRatio,
      sequential,
      underLoad,
    };
    printJson('status-read', figures);
    return figures;
  } finally {
    await portal.close();
    await bench.close();
  }
}
