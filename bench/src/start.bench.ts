import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSettings } from './settings.js';
import { onInterrupt } from './support/cleanup.js';
import { processCpuMs } from './support/machine-load.js';
import { printJson, printTable, progress } from './support/report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** How long the demo is left alone after /readyz before its idle RSS is read (background jobs start, GC settles). */
const SETTLE_MS = 10_000;
const MB = 2 ** 20;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** RSS (bytes) and CPU time so far (ms) of a process and all its descendants (Linux /proc). */
async function treeUsage(pid: number): Promise<{ rss: number; cpuMs: number }> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  let cpuMs = 0;
  const walk = (id: number) => {
    total += rss.get(id) ?? 0;
    cpuMs += processCpuMs(id) ?? 0;
    for (const child of children.get(id) ?? []) walk(child);
  };
  walk(pid);
  return { rss: total, cpuMs };
}

async function untilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited (code ${child.exitCode}) before /readyz answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`/readyz did not answer 200 within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** One `pnpm start` (scripts/start.mjs, what `pnpm start` runs) on `dataDir`: time to /readyz, idle RSS of its tree. */
async function startOnce(dataDir: string, label: string) {
  const [port, emulatorPort, emulatorBrowserPort] = [await freePort(), await freePort(), await freePort()];
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--no-env-file'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      MS365_EMULATOR_PORT: String(emulatorPort),
      MS365_EMULATOR_BROWSER_PORT: String(emulatorBrowserPort),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      // The demo's own database (PGlite in DATA_DIR), as `pnpm start` without configuration.
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const unregister = onInterrupt(() => stop(child));
  try {
    await untilReady(`http://127.0.0.1:${port}/readyz`, child, 120_000);
    const readyMs = performance.now() - started;
    // CPU time until ready: on a machine busy with other work the wall time says more about the others.
    const readyCpuMs = (await treeUsage(child.pid ?? 0)).cpuMs;
    progress(`start (${label}): /readyz after ${Math.round(readyMs)} ms; settling ${SETTLE_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const pid = child.pid ?? 0;
    const idleRss = (await treeUsage(pid)).rss;
    return { label, readyMs, readyCpuMs, idleRssMb: idleRss / MB };
  } finally {
    unregister();
    await stop(child);
  }
}

/**
 * Benchmark 4: `pnpm start` of the demo on a fresh temporary DATA_DIR, twice: cold (the folder is empty: the
 * embedded database is created and migrated, demo keys generated) and warm (the same folder again, as a developer
 * restarts it). Prints the time from spawning `node scripts/start.mjs` until /readyz answers 200, and the RSS of
 * its whole process tree (start script, server, embedded database) after ten idle seconds. Needs a built portal
 * (`pnpm build` or an earlier `pnpm start`); otherwise the first start includes the portal's build.
 */
export async function runStartBench(_settings: BenchSettings) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-start-bench-'));
  try {
    const cold = await startOnce(dataDir, 'cold');
    const warm = await startOnce(dataDir, 'warm');
    const figures = {
      valid: true,
      cold,
      warm,
      settleSeconds: SETTLE_MS / 1000,
    };
    printTable('Benchmark 4: pnpm start (demo, embedded database in a temporary DATA_DIR)', [
      [
        'start',
        'until /readyz ms',
        'CPU ms until /readyz (process tree)',
        `idle RSS MB (process tree, after ${SETTLE_MS / 1000} s)`,
      ],
      ...[cold, warm].map((run) => [run.label, run.readyMs, run.readyCpuMs, run.idleRssMb]),
    ]);
    printJson('start', figures);
    return figures;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
