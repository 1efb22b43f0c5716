import { describe, expect, it } from 'vitest';
import { germanDateTime, mailDateTime, renderMail } from './mail-templates.js';

const context = {
  tenant: { slug: 'acme', name: 'ACME AG' },
  portalUrl: 'https://acme.ecm365.example',
  locale: 'de' as const,
};
const english = { ...context, locale: 'en' as const };

/** A failed mail's event data as the import writes it (the error with its code and params). */
const failedImport = {
  type: 'invoice_import.message.failed',
  data: {
    subject: 'Rechnung RE-1',
    from: 'Lieferant <rechnung@lieferant.example>',
    mailbox: 'rechnungen@contoso.example',
    receivedAt: '2026-12-01T09:30:00.000Z',
    error: {
      code: 'elo_rejected',
      message: 'ELO hat das Dokument abgelehnt: RE_NUMMER too long',
      messageCode: 'import.elo_rejected',
      params: { detail: 'RE_NUMMER too long' },
    },
  },
};

describe('renderMail', () => {
  it('writes the support mail in German with every fact support needs', () => {
    const mail = renderMail(
      'support_setup',
      {
        connectedAt: '2026-12-01T09:30:00.000Z',
        connectedBy: 'admin',
        account: { username: 'admin@contoso.example', displayName: 'Adele Admin', microsoftTenantId: 'tid-1' },
        features: [
          { id: 'invoice-mail-import', title: 'Rechnungs-Import via E-Mail', mailbox: 'rechnungen@contoso.example' },
        ],
        test: {
          ok: true,
          testedAt: '2026-12-01T09:30:05.000Z',
          checks: [{ id: 'token', ok: true, message: 'Anmeldung bei Microsoft 365 funktioniert.' }],
        },
      },
      context,
    );
    expect(mail.subject).toBe('Microsoft-365-Verbindung eingerichtet: ACME AG (acme)');
    expect(mail.text).toContain('Eingerichtet am:   01.12.2026, 10:30 Uhr');
    expect(mail.text).toContain('Microsoft-Konto:   Adele Admin <admin@contoso.example>');
    expect(mail.text).toContain('Postfach:          rechnungen@contoso.example');
    expect(mail.text).toContain('[OK]     Anmeldung bei Microsoft 365 funktioniert.');
  });

  it('tells the customer where to set the connection up again, in German and in English', () => {
    const data = { message: 'Die Anmeldung …', code: 'check.token_reauth', params: {} };
    const german = renderMail('needs_reauth', { data }, context);
    expect(german.subject).toBe('Microsoft 365: Verbindung muss erneut eingerichtet werden');
    expect(german.text).toContain('Grund: Die Anmeldung bei Microsoft 365 ist abgelaufen oder wurde widerrufen.');
    expect(german.text).toContain('https://acme.ecm365.example/microsoft-365');
    const inEnglish = renderMail('needs_reauth', { data }, english);
    expect(inEnglish.subject).toBe('Microsoft 365: the connection has to be set up again');
    expect(inEnglish.text).toContain('Reason: The sign-in to Microsoft 365 has expired or was revoked.');
    expect(inEnglish.text).toContain('Please open https://acme.ecm365.example/microsoft-365 and choose');
    expect(inEnglish.text).toContain('This message was sent automatically by ecm365.');
    expect(inEnglish.text).not.toMatch(/[äöüß„]|\b(Sie|der|die|nicht)\b/);
  });

  it('keeps a reason recorded before codes as it was stored', () => {
    const mail = renderMail('needs_reauth', { data: { message: 'Die Berechtigung wurde widerrufen.' } }, english);
    expect(mail.text).toContain('Reason: Die Berechtigung wurde widerrufen.');
  });

  it('writes the import failure in the recipient language, the reason rendered from its code', () => {
    const german = renderMail('import_failure', failedImport, context);
    expect(german.subject).toBe('Rechnungs-Import via E-Mail: Handlungsbedarf');
    expect(german.text).toContain('  Betreff:   Rechnung RE-1');
    expect(german.text).toContain('  Empfangen: 01.12.2026, 10:30 Uhr');
    expect(german.text).toContain('  Grund:     ELO hat das Dokument abgelehnt: RE_NUMMER too long');
    expect(german.text).toContain('„Erneut versuchen“: https://acme.ecm365.example/microsoft-365/rechnungs-import');
    const inEnglish = renderMail('import_failure', failedImport, english);
    expect(inEnglish.subject).toBe('Invoice import via email: action needed');
    expect(inEnglish.text).toContain('An email could not be imported into ELO:');
    expect(inEnglish.text).toContain('  Subject:  Rechnung RE-1');
    expect(inEnglish.text).toContain('  Received: 1 Dec 2026, 10:30 (German time)');
    expect(inEnglish.text).toContain('  Reason:   ELO rejected the document: RE_NUMMER too long');
    expect(inEnglish.text).not.toMatch(/[äöüß„]|\b(Sie|der|die|nicht|Grund)\b/);
  });

  it('formats times in German time', () => {
    expect(germanDateTime('2026-07-01T12:00:00Z')).toBe('01.07.2026, 14:00 Uhr');
    expect(mailDateTime('2026-07-01T12:00:00Z', 'en')).toBe('1 Jul 2026, 14:00 (German time)');
  });
});
