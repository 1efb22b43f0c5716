import type { ImportMessagesResponse, InvoiceMailImportResponse } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

const BASE = '/api/v1/ms365/features/invoice-mail-import';
let t: TestApp;
let admin: SignedIn;
let other: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
  other = await signIn(t.app, 'admin', 'admin', 'other');
});
afterAll(() => t.close());

describe('the invoice import settings and state', () => {
  it('shows the defaults of SPEC §9 before anything is set', async () => {
    const response = await asUser(t, admin).get(BASE);
    expect(response.statusCode).toBe(200);
    expect(response.json<InvoiceMailImportResponse>()).toMatchObject({
      id: 'invoice-mail-import',
      enabled: false,
      mailbox: null,
      eloFolder: '¶Rechnungseingang¶{yyyy}¶{MM}',
      eloMask: 'Rechnung',
      afterImport: 'move',
      importFrom: null,
      content: 'attachments',
      includeInline: false,
      eloFields: { importKey: 'ECM365_IMPORT_KEY', fileName: 'ELO_FNAME' },
      state: 'disabled',
      backlog: 0,
      counts: { imported: 0, failed: 0, skipped: 0 },
    });
  });

  it('sets the cut-off when first enabled and waits for the connection', async () => {
    const before = Date.now();
    const response = await asUser(t, admin).put(BASE, { enabled: true, mailbox: 'Rechnungen@Contoso.example' });
    expect(response.statusCode).toBe(200);
    const body = response.json<InvoiceMailImportResponse>();
    expect(body.mailbox).toBe('rechnungen@contoso.example');
    expect(new Date(body.importFrom as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(body.state).toBe('waiting_for_connection');
    expect(body.lastError).toMatchObject({
      code: 'connection_missing',
      messageCode: 'import.connection_missing',
      params: {},
      message: expect.stringContaining('keine Verbindung zu Microsoft 365'),
    });
    // The same state for an English client: the code stays, the message follows Accept-Language.
    const english = await t.app.inject({
      method: 'GET',
      url: BASE,
      headers: { host: admin.host, cookie: admin.cookie, 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
    });
    expect(english.json<InvoiceMailImportResponse>().lastError).toMatchObject({
      code: 'connection_missing',
      messageCode: 'import.connection_missing',
      message: 'There is no connection to Microsoft 365. Please set up the connection.',
    });
    // A second save keeps the cut-off and the other settings it does not name.
    await asUser(t, admin).put(BASE, { enabled: true, mailbox: 'rechnungen@contoso.example', afterImport: 'none' });
    const again = (
      await asUser(t, admin).put(BASE, { enabled: true, mailbox: 'rechnungen@contoso.example' })
    ).json<InvoiceMailImportResponse>();
    expect(again.importFrom).toBe(body.importFrom);
    expect(again.afterImport).toBe('none');
  });

  it('refuses bad paths, placeholders, field names and unknown members', async () => {
    const bad = [
      { enabled: true, mailbox: null },
      { enabled: true, mailbox: 'rechnungen@contoso.example', eloFolder: 'Rechnungen' },
      { enabled: true, mailbox: 'rechnungen@contoso.example', eloFolder: '¶Rechnungen¶{yy}' },
      { enabled: true, mailbox: 'rechnungen@contoso.example', eloFolder: '¶A¶¶B' },
      { enabled: true, mailbox: 'rechnungen@contoso.example', eloFields: { importKey: 'NO SPACES' } },
      { enabled: true, mailbox: 'rechnungen@contoso.example', eloFields: { sender: 'ECM365_IMPORT_KEY' } },
      { enabled: true, mailbox: 'rechnungen@contoso.example', eloFields: { nope: 'X' } },
      { enabled: true, mailbox: 'rechnungen@contoso.example', surprise: true },
    ];
    for (const payload of bad) {
      const response = await asUser(t, admin).put(BASE, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it('lists nothing yet, refuses a bad cursor, and answers run and retry', async () => {
    const list = await asUser(t, admin).get(`${BASE}/messages?limit=10`);
    expect(list.statusCode).toBe(200);
    expect(list.json<ImportMessagesResponse>()).toEqual({ items: [] });
    expect((await asUser(t, admin).get(`${BASE}/messages?cursor=abc`)).statusCode).toBe(400);
    expect((await asUser(t, admin).post(`${BASE}/run`)).statusCode).toBe(202);
    const retry = await asUser(t, admin).post(`${BASE}/messages/00000000-0000-4000-8000-000000000000/retry`);
    expect(retry.statusCode).toBe(404);
    // The other tenant has its own, disabled import.
    expect((await asUser(t, other).get(BASE)).json<InvoiceMailImportResponse>().state).toBe('disabled');
    expect((await asUser(t, other).post(`${BASE}/run`)).json().error.code).toBe('import_disabled');
  });
});
