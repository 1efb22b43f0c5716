import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    port: number;
    /** The Microsoft emulator of demo mode (self-signed HTTPS), for its /_emulator controls. */
    microsoftUrl: string;
    /** The ELO emulator of demo mode (origin, from the start banner), for its /_emulator controls. */
    eloUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = fileURLToPath(new URL('../test-results', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the portal the way the README does (`pnpm start` = `node scripts/start.mjs`, which builds the web portal
 * when needed) on free ports with a fresh data directory, and stops it after the run.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const emulatorPort = await freePort();
  const emulatorPagesPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ecm365-e2e-'));
  mkdirSync(resultsDir, { recursive: true });
  const log = createWriteStream(path.join(resultsDir, 'server.log'));

  // As a user's shell starts it: without the NODE_ENV=test Vitest sets, which would also make the portal's build
  // bundle Vue's development build.
  // A developer's .env (DATABASE_URL, MS365_*) must not reach the tests: --no-env-file.
  const { NODE_ENV: _testEnv, ...userEnv } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs', '--no-env-file'], {
    cwd: root,
    env: {
      ...userEnv,
      PORT: String(port),
      DATA_DIR: dataDir,
      MS365_EMULATOR_PORT: String(emulatorPort),
      MS365_EMULATOR_BROWSER_PORT: String(emulatorPagesPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that the teardown also reaches the server that start.mjs spawns.
    detached: true,
  });
  child.stderr?.pipe(log);

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };

  /** Stops start.mjs with what it started (API, emulator) and removes the data directory. */
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      signalGroup('SIGTERM');
      const timeout = setTimeout(() => signalGroup('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    } else {
      // start.mjs is gone already; what it had started so far goes with its group.
      signalGroup('SIGTERM');
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  let eloUrl = '';
  // No teardown runs after a failed setup: a portal that does not come up is stopped here.
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().finally(() => reject(new Error(`${message} (see e2e/test-results/server.log)`)));
    };
    const timer = setTimeout(() => fail('the portal did not start within 240 s'), 240_000);
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffered += chunk.toString();
      const match = /ecm365 is running: (\S+)/.exec(buffered);
      // The banner is one write; the ELO emulator's line follows the first one within it.
      const elo = /ELO emulator: (\S+)/.exec(buffered);
      if (match?.[1] && elo?.[1] && !settled) {
        settled = true;
        clearTimeout(timer);
        eloUrl = new URL(elo[1]).origin;
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.on('exit', (code) => fail(`the portal exited with ${code} before it was ready`));
  });

  project.provide('baseUrl', baseUrl);
  project.provide('port', port);
  project.provide('microsoftUrl', `https://127.0.0.1:${emulatorPort}`);
  project.provide('eloUrl', eloUrl);

  return stop;
}
