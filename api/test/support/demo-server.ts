import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerConsentPage } from '@ecm365/emulators';
import { Agent, fetch } from 'undici';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { freePort } from './free-port.js';

export interface DemoServer {
  runtime: Runtime;
  /** Where the portal answers, e.g. http://localhost:40123. */
  base: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The README's `pnpm start` in this process, over real HTTP: no DATABASE_URL (embedded PGlite in a fresh DATA_DIR),
 * demo mode with the ELO and Microsoft emulators, background jobs running. `env` adds settings.
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-demo-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    MS365_EMULATOR_PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const runtime = await startRuntime(config);
  const app = await buildApp({ services: runtime.services, webDist: false });
  await app.listen({ host: '127.0.0.1', port });
  return {
    runtime,
    base: `http://localhost:${port}`,
    dataDir,
    async close() {
      await app.close();
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A minimal browser on the demo: one cookie jar for the portal, the CSRF token of its login, the Microsoft
 * emulator's CA trusted. `requestTimeoutMs` bounds every request to the portal.
 */
export function demoBrowser(server: DemoServer, options: { requestTimeoutMs?: number } = {}) {
  let cookie = '';
  let csrf = '';
  const microsoft = new Agent({ connect: { ca: server.runtime.microsoft.emulator?.caCertPem } });
  const call = async (url: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(url.startsWith('http') ? url : `${server.base}${url}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      ...(options.requestTimeoutMs ? { signal: AbortSignal.timeout(options.requestTimeoutMs) } : {}),
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
  return {
    call,
    async login(username: string, password: string) {
      const response = await call('/api/v1/auth/login', { method: 'POST', body: { username, password } });
      csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
    },
    /** Microsoft's consent page: choose the account and accept; returns where Microsoft sends the browser. */
    async consent(url: string, account: string) {
      return (await answerConsentPage(url, { account, action: 'accept', dispatcher: microsoft })).location;
    },
  };
}
