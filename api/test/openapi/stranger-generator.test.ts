import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const api = fileURLToPath(new URL('../../', import.meta.url));
const root = path.join(api, '..');

/** What an integrator writes against the generated types: the connect flow of SPEC §3, with an API token. */
const PROGRAM = `import createClient from 'openapi-fetch';
import type { paths } from './ecm365.js';

export async function connect(baseUrl: string, token: string, readCode: () => Promise<void>): Promise<string> {
  const client = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } });
  const started = await client.POST('/api/v1/ms365/connect', {});
  if (!started.data) throw new Error(started.error?.error.code);
  const attempt = await client.GET('/api/v1/ms365/connect/{attemptId}', {
    params: { path: { attemptId: started.data.attemptId } },
  });
  if (attempt.data?.status === 'failed') throw new Error(attempt.data.error?.kind);
  await readCode(); // the user opens connectorUrl and consents at Microsoft
  const code = await client.GET('/api/v1/ms365/connect/{attemptId}/code', {
    params: { path: { attemptId: started.data.attemptId } },
  });
  if (code.error) throw new Error(code.error.error.code === 'code_expired' ? 'again' : code.error.error.message);
  const redeemed = await client.POST('/api/v1/ms365/connection', { body: { code: code.data.code } });
  if (!redeemed.data) throw new Error(redeemed.error.error.code);
  const tested = await client.POST('/api/v1/ms365/connection/test', {});
  const status = await client.GET('/api/v1/ms365/connection');
  const ok: boolean | undefined = tested.data?.ok;
  return \`\${status.data?.status ?? 'unknown'} \${String(ok)} \${redeemed.data.connection.account?.username ?? ''}\`;
}
`;

let t: TestApp;
let baseUrl: string;
let dir: string;
beforeAll(async () => {
  t = await startTestApp({ env: { DEFAULT_TENANT: 'acme' } });
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  dir = await mkdtemp(path.join(tmpdir(), 'ecm365-stranger-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a stranger generating a client from the served /openapi.json', () => {
  it('gets types from openapi-typescript that a connect-flow program compiles against', async () => {
    await run(`${api}node_modules/.bin/openapi-typescript`, [`${baseUrl}/openapi.json`, '-o', `${dir}/ecm365.ts`]);
    await writeFile(`${dir}/connect.ts`, PROGRAM);
    await writeFile(
      `${dir}/tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['*.ts'],
      }),
    );
    await mkdir(`${dir}/node_modules`);
    await symlink(path.join(api, 'node_modules/openapi-fetch'), `${dir}/node_modules/openapi-fetch`);
    await writeFile(`${dir}/package.json`, '{"type":"module"}');
    const compiled = await run(`${root}/node_modules/.bin/tsc`, ['-p', dir]).catch(
      (error: { stdout: string }) => error,
    );
    expect(compiled.stdout).toBe('');
  }, 120_000);
});
