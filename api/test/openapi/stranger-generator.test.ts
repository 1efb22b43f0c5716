import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { SessionResponse } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkConnector } from '../support/connect-flow.js';
import { freePort } from '../support/free-port.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const api = fileURLToPath(new URL('../../', import.meta.url));
const root = path.join(api, '..');

/**
 * What an integrator writes against a client from a generator that is not ours (@hey-api/openapi-ts, which
 * names its functions by operationId and types bodies and errors from the components): the connect flow of
 * SPEC §3 as the portal makes it — login, attempt, consent in a browser, code, redeem, test, status.
 */
const PROGRAM = `import { createClient } from './generated/client/index.js';
import {
  getConnection, getMs365Code, login, redeemMs365Code, startConnectAttempt, testConnection,
} from './generated/sdk.gen.js';

export interface Browser {
  consent(signedIn: { cookie: string; csrfToken: string }, attemptId: string, connectorUrl: string): Promise<void>;
}

export async function connect(baseUrl: string, username: string, password: string, browser: Browser) {
  const anonymous = createClient({ baseUrl });
  const signedIn = await login({ client: anonymous, body: { username, password } });
  if (!signedIn.data) throw new Error('login: ' + signedIn.error?.error.code);
  const cookie = signedIn.response.headers.getSetCookie().map((set) => set.split(';')[0]).join('; ');
  const csrfToken = signedIn.data.csrfToken;
  const client = createClient({ baseUrl, headers: { cookie, 'x-csrf-token': csrfToken } });

  const started = await startConnectAttempt({ client });
  if (!started.data) throw new Error('connect: ' + started.error?.error.code);
  await browser.consent({ cookie, csrfToken }, started.data.attemptId, started.data.connectorUrl);
  const code = await getMs365Code({ client, path: { attemptId: started.data.attemptId } });
  if (!code.data) throw new Error('code: ' + code.error?.error.code);
  const redeemed = await redeemMs365Code({ client, body: { code: code.data.code } });
  if (!redeemed.data) throw new Error('redeem: ' + redeemed.error?.error.code);
  const tested = await testConnection({ client });
  if (!tested.data) throw new Error('test: ' + tested.error?.error.code);
  const status = await getConnection({ client });
  const wrongCode = await redeemMs365Code({ client, body: { code: 'not-a-code' } });
  return {
    redeemedAccount: redeemed.data.connection.account?.username,
    testOk: tested.data.ok,
    checks: tested.data.checks.map((check) => check.id),
    status: status.data?.status,
    wrongCode: { status: wrongCode.response.status, code: wrongCode.error?.error.code },
  };
}
`;

let t: TestApp;
let baseUrl: string;
let dir: string;
beforeAll(async () => {
  // The program's portal is the default tenant's own public address, as on a self-hosted instance.
  const port = await freePort();
  t = await startTestApp({ env: { DEFAULT_TENANT: 'acme', PUBLIC_URL: `http://127.0.0.1:${port}` } });
  baseUrl = await t.app.listen({ host: '127.0.0.1', port });
  dir = await mkdtemp(path.join(tmpdir(), 'ecm365-stranger-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a stranger generating a client from the served /openapi.json', () => {
  it('gets a @hey-api/openapi-ts client that compiles strictly and makes the whole connect flow', async () => {
    await run(`${api}node_modules/.bin/openapi-ts`, [
      '-i',
      `${baseUrl}/openapi.json`,
      '-o',
      `${dir}/generated`,
      '-c',
      '@hey-api/client-fetch',
    ]);
    await writeFile(`${dir}/connect.ts`, PROGRAM);
    await writeFile(`${dir}/package.json`, '{"type":"module"}');
    await writeFile(
      `${dir}/tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          outDir: 'out',
          skipLibCheck: true,
          types: [],
        },
        include: ['*.ts', 'generated/**/*.ts'],
      }),
    );
    const compiled = await run(`${root}/node_modules/.bin/tsc`, ['-p', dir]).catch(
      (error: { stdout: string }) => error,
    );
    expect(compiled.stdout).toBe('');

    const program = (await import(pathToFileURL(`${dir}/out/connect.js`).href)) as {
      connect: (...args: unknown[]) => Promise<unknown>;
    };
    // The browser part of the flow (the connector window and Microsoft's consent page) is the user's, not the
    // integrator's: the test's browser walks it with the program's session.
    const host = new URL(baseUrl).host;
    const browser = {
      consent: async (signedIn: { cookie: string; csrfToken: string }, attemptId: string, connectorUrl: string) => {
        expect(new URL(connectorUrl).pathname).toContain(attemptId);
        const who = { ...signedIn, host, sessionId: '', body: {} as SessionResponse };
        const walked = await walkConnector(t, who, { account: 'admin@contoso.example', action: 'accept' }, attemptId);
        expect(walked.attempt.status).toBe('code_ready');
      },
    };
    expect(await program.connect(baseUrl, 'admin', 'admin', browser)).toEqual({
      redeemedAccount: 'admin@contoso.example',
      testOk: true,
      checks: ['token', 'profile'],
      status: 'connected',
      wrongCode: { status: 400, code: 'invalid_code_format' },
    });
  }, 120_000);
});
