import autocannon from 'autocannon';
import type { LoadMessage, LoadRequest } from './load-generator.js';
import { percentile } from './stats.js';

const send = (message: LoadMessage) => process.send?.(message);

/** autocannon's programmatic API in the child process that `runLoad()` forks; reports over IPC. */
async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as LoadRequest;
  const options = {
    url: request.url,
    headers: request.headers,
    connections: request.connections,
    ...(request.headerSets
      ? { requests: request.headerSets.map((headers) => ({ headers: { ...request.headers, ...headers } })) }
      : {}),
  };
  if (request.warmupSeconds > 0) await autocannon({ ...options, duration: request.warmupSeconds });

  // autocannon's own histogram has whole-millisecond buckets; the per-response times are hrtime-exact.
  const latencies: number[] = [];
  send({ kind: 'measuring' });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, duration: request.durationSeconds }, (error: unknown, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const requests = result.requests.total;
  send({
    kind: 'result',
    result: {
      requests,
      durationSeconds: result.duration,
      requestsPerSecond: requests / result.duration,
      latency: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        mean: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
    },
  });
}

main().catch((error: unknown) => {
  send({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
