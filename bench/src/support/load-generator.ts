import { forkModule, stopChild } from './child-process.js';
import { onInterrupt } from './cleanup.js';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  /**
   * When set, each connection sends requests with these headers in turn (over `headers`): several sessions, so
   * that concurrent requests are not all of one caller.
   */
  headerSets?: Array<Record<string, string>>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  /** Responses received in the measured run (any status). */
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /** Latencies in ms of every response of the measured run, from autocannon's per-request hrtime. */
  latency: { p50: number; p99: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number;
}

export type LoadMessage =
  { kind: 'measuring' } | { kind: 'result'; result: LoadResult } | { kind: 'error'; error: string };

/** What the server process did during the measured run (sampled in this process, i.e. the server's). */
export interface ServerSide<T> {
  load: LoadResult;
  /** Share of the time the server's event loop was busy (1 = saturated: CPU-bound on its one thread). */
  eventLoopUtilization: number;
  /** CPU time of this process per second of the run (1.0 = one core). */
  cpuCores: number;
  /** Whatever `during.stop()` answered. */
  during: T;
}

export interface DuringRun<T> {
  start(): void | Promise<void>;
  stop(): T | Promise<T>;
}

/**
 * Runs autocannon in a child process (its own event loop; on a 2-core machine it still shares the cores with the
 * server and PostgreSQL): a discarded warm-up run, then the measured run. `during.start()` is called when the
 * measured run begins, `during.stop()` when it has ended, both in this (the server's) process.
 */
export async function runLoad<T>(request: LoadRequest, during: DuringRun<T>): Promise<ServerSide<T>> {
  const child = forkModule(new URL('./load-generator-child.ts', import.meta.url), [JSON.stringify(request)]);
  const unregister = onInterrupt(() => stopChild(child));
  let elu = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  let startedAt = performance.now();
  const onMessage = async (message: LoadMessage): Promise<ServerSide<T> | undefined> => {
    if (message.kind === 'error') throw new Error(`the load generator failed: ${message.error}`);
    if (message.kind === 'measuring') {
      await during.start();
      elu = performance.eventLoopUtilization();
      cpu = process.cpuUsage();
      startedAt = performance.now();
      return undefined;
    }
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - startedAt) / 1000;
    const eventLoopUtilization = performance.eventLoopUtilization(elu).utilization;
    return {
      load: message.result,
      eventLoopUtilization,
      cpuCores: (used.user + used.system) / 1e6 / seconds,
      during: await during.stop(),
    };
  };
  try {
    return await new Promise<ServerSide<T>>((resolve, reject) => {
      let answered = false;
      child.once('exit', (code) => {
        if (!answered) reject(new Error(`the load generator exited (code ${code}) before answering`));
      });
      child.on('message', (message: LoadMessage) => {
        if (message.kind !== 'measuring') answered = true;
        onMessage(message).then((done) => done && resolve(done), reject);
      });
    });
  } finally {
    unregister();
    await stopChild(child);
  }
}
