import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectionResponse, ConnectResponse } from '@ecm365/shared';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBrowser, startDemoServer, type DemoServer } from '../support/demo-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Far beyond "a few seconds", so that only a hanging request trips it; the point is that none hangs. */
const HANG_BOUND_MS = 30_000;

let server: DemoServer;
beforeAll(async () => {
  // pg-boss and the health monitor run as in `pnpm start`; the caches are off, so every request queries.
  server = await startDemoServer({ SESSION_CACHE_TTL_MS: '0', STATUS_CACHE_TTL_MS: '0' });
}, 180_000);
afterAll(() => server?.close());

/** The portal page of a signed-in admin, with an MS365 code obtained through the connector and Microsoft. */
async function adminWithCode() {
  const user = demoBrowser(server, { requestTimeoutMs: HANG_BOUND_MS });
  await user.login('admin', 'admin');
  const started = (await (await user.call('/api/v1/ms365/connect', { method: 'POST' })).json()) as ConnectResponse;
  const toMicrosoft = await user.call(`/api/v1/ms365/connect/${started.attemptId}/authorize`);
  const callback = await user.consent(toMicrosoft.headers.get('location') as string, 'admin@contoso.example');
  expect((await user.call(callback)).status).toBe(303);
  const code = await user.call(`/api/v1/ms365/connect/${started.attemptId}/code`);
  return { call: user.call, code: ((await code.json()) as { code: string }).code };
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
      const { call, code } = await adminWithCode();

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
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'test', DATA_DIR: server.dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
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
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
  });
});
