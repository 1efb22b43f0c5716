import type { ImportMessagesResponse, InvoiceMailImportResponse } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBrowser, startDemoServer, type DemoServer } from '../support/demo-server.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
}, 120_000);
afterAll(() => server?.close());

const BASE = '/api/v1/ms365/features/invoice-mail-import';

describe('pnpm start: the demo imports its seeded invoices', () => {
  it(
    'files the sample invoices into the demo ELO within a minute of connecting and enabling',
    { timeout: 90_000 },
    async () => {
      const user = demoBrowser(server);
      await user.login('admin', 'admin');
      const put = await user.call(BASE, {
        method: 'PUT',
        body: { enabled: true, mailbox: 'rechnungen@contoso.example' },
      });
      expect(put.status).toBe(200);
      const started = (await (await user.call('/api/v1/ms365/connect', { method: 'POST' })).json()) as {
        attemptId: string;
      };
      const toMicrosoft = await user.call(`/api/v1/ms365/connect/${started.attemptId}/authorize`);
      const callback = await user.consent(toMicrosoft.headers.get('location') as string, 'admin@contoso.example');
      await user.call(callback);
      const { code } = (await (await user.call(`/api/v1/ms365/connect/${started.attemptId}/code`)).json()) as {
        code: string;
      };
      expect((await user.call('/api/v1/ms365/connection', { method: 'POST', body: { code } })).status).toBe(200);
      // The background jobs run the round (the demo's sweep every minute; „Jetzt prüfen“ at once).
      expect((await user.call(`${BASE}/run`, { method: 'POST' })).status).toBe(202);

      const elo = server.runtime.demo!.elo;
      const since = Date.now();
      let state: InvoiceMailImportResponse | undefined;
      while (Date.now() - since < 60_000) {
        state = (await (await user.call(BASE)).json()) as InvoiceMailImportResponse;
        if (state.counts.imported >= 5 && state.backlog === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(state).toMatchObject({ state: 'running', backlog: 0 });
      const filed = elo.controls.filed('demo');
      expect(filed.length).toBeGreaterThanOrEqual(5);
      const keys = filed.map((document) => document.indexFields.ECM365_IMPORT_KEY);
      expect(new Set(keys).size).toBe(keys.length);
      const items = ((await (await user.call(`${BASE}/messages?limit=50`)).json()) as ImportMessagesResponse).items;
      const profiles = items.flatMap((item) => item.documents.flatMap((document) => document.einvoice?.profile ?? []));
      expect(profiles.some((profile) => /XRechnung/.test(profile))).toBe(true);
      expect(items.some((item) => item.documents.some((document) => document.kind === 'hybrid_pdf'))).toBe(true);
      expect(items.some((item) => item.state === 'skipped' && item.skippedReason?.code === 'no_attachment')).toBe(true);
      expect(items.filter((item) => item.state === 'failed')).toEqual([]);
    },
  );
});
