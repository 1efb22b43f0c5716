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
    await fetch(`${eloOrigin}/_emulator/latency`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ms":700}',
    });

    const inFlight = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ username: 'admin', password: 'admin' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const late = await fetch(`${base}/healthz`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect(late === 'refused' || late === 503).toBe(true);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { name: string } }).user.name).toBe('admin');
    expect(await exited).toBe(0);
  });
});
