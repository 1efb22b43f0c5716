import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerConsentPage } from '@ecm365/emulators';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { freePort } from '../support/free-port.js';

let runtime: Runtime;
let app: Awaited<ReturnType<typeof buildApp>>;
let base: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-demo-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    MS365_EMULATOR_PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
  });
  runtime = await startRuntime(config);
  app = await buildApp({ services: runtime.services, webDist: false });
  await app.listen({ host: '127.0.0.1', port });
  base = `http://localhost:${port}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await runtime?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A minimal browser: one cookie jar for the portal, the Microsoft emulator's CA trusted. */
function browser() {
  let cookie = '';
  let csrf = '';
  const microsoft = new Agent({ connect: { ca: runtime.microsoft.emulator?.caCertPem } });
  const call = async (url: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(url.startsWith('http') ? url : `${base}${url}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
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

describe('the demo start-up, walked over real HTTP', () => {
  it(
    'connects admin@contoso.example with the invoice mailbox, and warns for ohne-zugriff@contoso.example',
    { timeout: 60_000 },
    async () => {
      const user = browser();
      await user.login('admin', 'admin');
      await user.call('/api/v1/ms365/features/invoice-mail-import', {
        method: 'PUT',
        body: { enabled: true, mailbox: 'rechnungen@contoso.example' },
      });

      const connectAs = async (account: string) => {
        const started = (await (await user.call('/api/v1/ms365/connect', { method: 'POST' })).json()) as {
          attemptId: string;
          connectorUrl: string;
        };
        expect(started.connectorUrl).toBe(`${base}/connector/${started.attemptId}`);
        const toMicrosoft = await user.call(`/api/v1/ms365/connect/${started.attemptId}/authorize`);
        const callback = await user.consent(toMicrosoft.headers.get('location') as string, account);
        expect(callback.startsWith(`${base}/api/v1/ms365/callback?`)).toBe(true);
        const toConnector = await user.call(callback);
        expect(toConnector.status).toBe(303);
        expect(toConnector.headers.get('location')).toBe(started.connectorUrl);
        const { code } = (await (await user.call(`/api/v1/ms365/connect/${started.attemptId}/code`)).json()) as {
          code: string;
        };
        const redeemed = await user.call('/api/v1/ms365/connection', { method: 'POST', body: { code } });
        expect(redeemed.status).toBe(200);
        return (await redeemed.json()) as {
          test: { ok: boolean; checks: Array<{ id: string; ok: boolean; hint?: string }> };
        };
      };

      const good = await connectAs('admin@contoso.example');
      expect(good.test.ok).toBe(true);
      expect(good.test.checks.map((check) => check.id)).toEqual(['token', 'profile', 'invoice-mail-import.mailbox']);

      // The background relay mails support through the demo's SMTP sink, once for this set-up.
      const sink = runtime.mail.sink;
      if (!sink) throw new Error('demo mode without SMTP_URL runs the SMTP sink');
      const started = Date.now();
      while (sink.mails().length === 0 && Date.now() - started < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(sink.mails().map((mail) => [mail.envelope.to, mail.subject])).toEqual([
        [['support@ecm.online'], 'Microsoft-365-Verbindung eingerichtet: Demo GmbH (demo)'],
      ]);
      const page = await (await fetch(sink.pageUrl)).text();
      expect(page).toContain('Microsoft-365-Verbindung eingerichtet: Demo GmbH (demo)');

      const bad = await connectAs('ohne-zugriff@contoso.example');
      expect(bad.test.ok).toBe(false);
      expect(bad.test.checks.at(-1)).toMatchObject({
        id: 'invoice-mail-import.mailbox',
        ok: false,
        hint: expect.stringMatching(/^WICHTIG/),
      });
    },
  );
});
