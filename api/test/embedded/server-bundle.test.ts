import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../../scripts/server-bundle.mjs';
import { DEMO_ELO_LOGINS } from '../../src/demo/demo-environment.js';
import { freePort } from '../support/free-port.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function untilReady(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bundle exited (code ${child.exitCode}):\n${output()}`);
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/readyz did not answer 200 within 90 s:\n${output()}`);
}

/**
 * What `pnpm build` makes and `pnpm start` runs: the server bundled into one file by esbuild
 * (scripts/server-bundle.mjs). Packages that load files beside themselves break in a bundle only when they run, so
 * it is started on the demo's embedded database and used over HTTP, as a user's first start would.
 */
describe('the server bundle', () => {
  // As deep below api/ as the real one (api/dist/bundle/), so that its paths relative to the bundle hold.
  const outDir = path.join(ROOT, 'api', 'dist', `bundle-test-${process.pid}`);
  let dataDir: string;
  let child: ChildProcess;
  let base: string;
  let output = '';

  /** `node api/dist/bundle/server.cjs` on the test's DATA_DIR, until /readyz answers. */
  async function start(): Promise<void> {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    output = '';
    const { NODE_ENV: _vitestsTestMode, ...shellEnv } = process.env;
    child = spawn(process.execPath, [path.join(outDir, 'server.cjs')], {
      cwd: ROOT,
      env: {
        ...shellEnv,
        DATA_DIR: dataDir,
        PORT: String(port),
        MS365_EMULATOR_PORT: String(await freePort()),
        MS365_EMULATOR_BROWSER_PORT: String(await freePort()),
        DATABASE_URL: '',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await untilReady(base, child, () => output);
  }

  async function stop(): Promise<number | null> {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  }

  async function signInAsAdmin(): Promise<Response> {
    const admin = DEMO_ELO_LOGINS[0];
    return fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
  }

  async function compileCache(): Promise<{ file: string; size: number } | undefined> {
    const folder = path.join(dataDir, 'compile-cache');
    const names = await readdir(folder).catch(() => []);
    const [name, ...others] = names.filter((entry) => entry.endsWith('.bin'));
    expect(others).toEqual([]);
    return name ? { file: path.join(folder, name), size: (await stat(path.join(folder, name))).size } : undefined;
  }

  beforeAll(async () => {
    await bundleServer(ROOT, outDir);
    dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-bundle-'));
    await start();
  }, 150_000);

  afterAll(async () => {
    if (child) await stop();
    await rm(outDir, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('signs the demo admin in and serves its API description with Swagger UI', async () => {
    const login = await signInAsAdmin();
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ csrfToken: expect.any(String) });

    const openapi = await fetch(`${base}/openapi.json`);
    expect(openapi.status).toBe(200);
    expect(await openapi.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
    // Swagger UI's own files, which the bundle finds where @fastify/swagger-ui is installed.
    const stylesheet = await fetch(`${base}/docs/static/swagger-ui.css`);
    expect(stylesheet.status).toBe(200);
    expect((await stylesheet.text()).length).toBeGreaterThan(10_000);
  });

  it('prints the banner once its jobs run, stops cleanly on SIGTERM and leaves its code cache', async () => {
    const deadline = Date.now() + 30_000;
    while (!output.includes('ecm365 is running') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain('ecm365 is running');
    expect(await stop()).toBe(0);
    expect((await compileCache())?.size).toBeGreaterThan(1_000_000);
  });

  it('starts past a damaged code cache and replaces it', async () => {
    const damaged = await compileCache();
    if (!damaged) throw new Error('no code cache from the first start');
    await writeFile(damaged.file, 'not a V8 code cache');
    await start();
    expect((await signInAsAdmin()).status).toBe(200);
    expect(await stop()).toBe(0);
    expect((await compileCache())?.size).toBeGreaterThan(1_000_000);
  }, 150_000);
});
