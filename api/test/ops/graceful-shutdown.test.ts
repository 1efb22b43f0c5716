import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { freePort } from '../support/free-port.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let database: TestDatabase;
let server: ChildProcess;
let output = '';
let base: string;
/** ELO's answer delay while the sign-in is in flight: far longer than anything else the test waits for. */
const LATENCY_MS = 3000;

beforeAll(async () => {
  database = await createTestDatabase();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The server exactly as `pnpm start` runs it, on the machine's Postgres, in demo mode (ELO emulator in-process).
  server = spawn(process.execPath, ['--conditions=@ecm365/source', '--import', 'tsx', 'api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      MS365_EMULATOR_PORT: String(await freePort()),
      ENCRYPTION_KEYS: `t1:${Buffer.alloc(32, 1).toString('base64')}`,
      LOG_LEVEL: 'warn',
      // A sign-in makes several ELO calls, each LATENCY_MS slow: let shutdown wait for all of them.
      SHUTDOWN_TIMEOUT_MS: '30000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!output.includes('ecm365 is running')) {
    if (Date.now() - started > 60_000 || server.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  await database.drop();
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the in-flight request, and exits 0', { timeout: 60_000 }, async () => {
    const eloOrigin = /ELO emulator: (http:\/\/[^/\s]+)/.exec(output)?.[1] as string;
    // Make ELO slow, so a sign-in is in flight when the signal arrives.
    const latency = await fetch(`${eloOrigin}/_emulator/latency`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: LATENCY_MS }),
    });
    expect(latency.status).toBe(200);
    expect(((await latency.json()) as { latencyMs: number }).latencyMs).toBe(LATENCY_MS);

    const sentAt = Date.now();
    let answeredAt = 0;
    const inFlight = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ username: 'admin', password: 'admin' }),
    }).then((response) => {
      answeredAt = Date.now();
      return response;
    });
    // Time for the request to reach the server; it then waits on ELO for LATENCY_MS.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const sigtermAt = Date.now();
    expect(answeredAt).toBe(0); // still in flight
    server.kill('SIGTERM');

    // New requests are turned away (connection refused, or 503 on a kept-alive connection) soon after the signal.
    let late: number | 'refused' = 200;
    while (late !== 'refused' && late !== 503) {
      if (Date.now() - sigtermAt > 5000) throw new Error(`/healthz still answers ${late} 5 s after SIGTERM`);
      await new Promise((resolve) => setTimeout(resolve, 25));
      late = await fetch(`${base}/healthz`).then(
        (response) => response.status,
        () => 'refused' as const,
      );
    }
    const turnedAwayAt = Date.now();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { name: string } }).user.name).toBe('admin');
    // The sign-in was in flight across the signal: answered after it, and after waiting out ELO's latency.
    expect(answeredAt).toBeGreaterThan(sigtermAt);
    expect(answeredAt).toBeGreaterThanOrEqual(turnedAwayAt);
    expect(answeredAt - sentAt).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(await exited).toBe(0);
  });
});
