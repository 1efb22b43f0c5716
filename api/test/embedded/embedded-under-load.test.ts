import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerConsentPage } from '@ecm365/emulators';
import type { ConnectionResponse, ConnectResponse } from '@ecm365/shared';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { freePort } from '../support/free-port.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Far beyond "a few seconds", so that only a hanging request trips it; the point is that none hangs. */
const HANG_BOUND_MS = 30_000;

let runtime: Runtime;
let app: Awaited<ReturnType<typeof buildApp>>;
let base: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-load-'));
  const port = await freePort();
  // The README's `pnpm start`: embedded PGlite, demo tenant, pg-boss and the health monitor running; caches off,
  // so that every request queries the database.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    MS365_EMULATOR_PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
    SESSION_CACHE_TTL_MS: '0',
    STATUS_CACHE_TTL_MS: '0',
  });
  runtime = await startRuntime(config);
  app = await buildApp({ services: runtime.services, webDist: false });
  await app.listen({ host: '127.0.0.1', port });
  base = `http://localhost:${port}`;
}, 180_000);

afterAll(async () => {
  await app?.close();
  await runtime?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The portal page of one signed-in browser: cookie, CSRF token, every request bounded. */
async function signedIn() {
  let cookie = '';
  let csrf = '';
  const call = async (url: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(url.startsWith('http') ? url : `${base}${url}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(HANG_BOUND_MS),
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
  const login = await call('/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: 'admin' } });
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return call;
}

async function obtainCode(call: Awaited<ReturnType<typeof signedIn>>): Promise<string> {
  const started = (await (await call('/api/v1/ms365/connect', { method: 'POST' })).json()) as ConnectResponse;
  const toMicrosoft = await call(`/api/v1/ms365/connect/${started.attemptId}/authorize`);
  const { location } = await answerConsentPage(toMicrosoft.headers.get('location') as string, {
    account: 'admin@contoso.example',
    action: 'accept',
    dispatcher: new Agent({ connect: { ca: runtime.microsoft.emulator?.caCertPem } }),
  });
  expect((await call(location)).status).toBe(303);
  const code = await call(`/api/v1/ms365/connect/${started.attemptId}/code`);
  return ((await code.json()) as { code: string }).code;
}

/** Status and body of a request, or what went wrong on the way (a hang ends as a timeout here). */
async function outcome(request: Promise<Awaited<ReturnType<typeof fetch>>>) {
  try {
    const response = await request;
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch (error) {
    return { status: 0, body: { failed: String(error) } };
  }
}

describe('the embedded database under concurrent requests', () => {
  it(
    'answers 50 parallel redemptions of one MS365 code and 200 parallel status reads, none failing or hanging',
    { timeout: 180_000 },
    async () => {
      const call = await signedIn();
      const code = await obtainCode(call);

      const [redemptions, reads] = await Promise.all([
        Promise.all(
          Array.from({ length: 50 }, () =>
            outcome(call('/api/v1/ms365/connection', { method: 'POST', body: { code } })),
          ),
        ),
        Promise.all(Array.from({ length: 200 }, () => outcome(call('/api/v1/ms365/connection')))),
      ]);

      const unexpected = [...redemptions, ...reads].filter(({ status }) => status === 0 || status >= 500);
      expect(unexpected).toEqual([]);
      // One submission redeems the code; every other one is told it is used up, or to wait after too many tries.
      expect(redemptions.filter(({ status }) => status === 200)).toHaveLength(1);
      for (const { status, body } of redemptions.filter((answer) => answer.status !== 200)) {
        expect([400, 429]).toContain(status);
        expect((body.error as { code: string }).code).toMatch(/^(invalid_code|too_many_attempts)$/);
      }
      for (const { status, body } of reads) {
        expect(status).toBe(200);
        expect(['not_connected', 'connected']).toContain((body as unknown as ConnectionResponse).status);
      }

      const after = await Promise.all(Array.from({ length: 200 }, () => outcome(call('/api/v1/ms365/connection'))));
      expect(after.map(({ status, body }) => `${status} ${String(body.status)}`)).toEqual(
        Array.from({ length: 200 }, () => '200 connected'),
      );
    },
  );

  it('refuses `pnpm ecm365 tenant list` on the same DATA_DIR while the server runs', { timeout: 60_000 }, async () => {
    const cli = spawn(
      process.execPath,
      ['--conditions=@ecm365/source', '--import', 'tsx', 'api/src/cli/main.ts', 'tenant', 'list'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      new RegExp(
        `^ecm365: the data folder .* is in use by process ${process.pid} \\(the portal server, since [^)]+\\)`,
      ),
    );
    // The server still answers: the refused process never opened the database.
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
