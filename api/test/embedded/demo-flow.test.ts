import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBrowser, startDemoServer, type DemoServer } from '../support/demo-server.js';

let server: DemoServer;
let base: string;

beforeAll(async () => {
  server = await startDemoServer();
  base = server.base;
}, 120_000);

afterAll(() => server?.close());

const browser = () => demoBrowser(server);

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
      const sink = server.runtime.mail.sink;
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
