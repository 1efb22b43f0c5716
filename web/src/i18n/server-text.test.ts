import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { apiErrorText } from '../api/error-text';
import { i18n, setLocale } from '.';
import { serverHint, serverMessage, serverProblem, serverTextKey } from './server-text';

const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {});

beforeEach(() => setLocale('en', { remember: false }));
afterEach(() => setLocale('de', { remember: false }));

describe('server texts rendered from code and params in the portal’s language', () => {
  it('keeps API errors on the first screen and every other category with the pages', () => {
    expect(serverTextKey('error.invalid_credentials')).toBe('apiErrors.invalid_credentials');
    expect(serverTextKey('check.mailbox_ok')).toBe('serverTexts.check.mailbox_ok');
  });

  it('renders a check and its hint in English although the server wrote German', () => {
    const check = {
      message:
        'Der verbundene Microsoft-365-Benutzer a@contoso.example hat keinen Zugriff auf das Postfach b@x.example.',
      code: 'check.mailbox_denied',
      params: { upn: 'a@contoso.example', mailbox: 'b@x.example' },
      hint: 'WICHTIG: …',
      hintCode: 'hint.mailbox_access',
      hintParams: {},
    };
    expect(serverMessage(t, check)).toBe(
      'The connected Microsoft 365 user a@contoso.example has no access to the mailbox b@x.example.',
    );
    expect(serverHint(t, check)).toMatch(/^IMPORTANT: /);
  });

  it('puts the attachment a note is about before the note, and keeps the server text of an unknown code', () => {
    const note = {
      code: 'einvoice_incomplete',
      message: 'rechnung.xml: In der E-Rechnung fehlt der Betrag.',
      messageCode: 'import.einvoice_missing_total',
      params: {},
      document: 'rechnung.xml',
    };
    expect(serverProblem(t, note)).toBe('rechnung.xml: The e-invoice lacks the amount.');
    expect(serverProblem(t, { ...note, messageCode: 'import.from_a_newer_server' })).toBe(note.message);
  });

  it("falls back to the server's text for a code it does not know or a result recorded without codes", () => {
    expect(serverMessage(t, { message: 'Neu vom Server.', code: 'check.from_a_newer_server', params: {} })).toBe(
      'Neu vom Server.',
    );
    expect(serverMessage(t, { message: 'Alt gespeichert.' })).toBe('Alt gespeichert.');
    expect(serverHint(t, { message: 'x' } as never)).toBe('');
  });

  it('renders an API error by its message code, with params', async () => {
    const limit = new ApiError(
      409,
      'webhook_limit_reached',
      'Es sind höchstens 10 …',
      {},
      undefined,
      undefined,
      'error.webhook_limit_reached',
      { limit: 10 },
    );
    expect(apiErrorText(limit, t)).toBe('At most 10 webhooks are possible. Please delete one first.');
    await setLocale('de', { remember: false });
    expect(apiErrorText(limit, t)).toBe('Es sind höchstens 10 Webhooks möglich. Bitte löschen Sie zuerst einen.');
  });
});
