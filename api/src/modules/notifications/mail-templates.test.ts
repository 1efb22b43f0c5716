import { describe, expect, it } from 'vitest';
import { germanDateTime, renderMail } from './mail-templates.js';

const context = { tenant: { slug: 'acme', name: 'ACME AG' }, portalUrl: 'https://acme.ecm365.example' };

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

  it('tells the customer where to set the connection up again', () => {
    const mail = renderMail('needs_reauth', { data: { message: 'Die Berechtigung wurde widerrufen.' } }, context);
    expect(mail.text).toContain('Grund: Die Berechtigung wurde widerrufen.');
    expect(mail.text).toContain('https://acme.ecm365.example/microsoft-365');
  });

  it('formats times in German time', () => {
    expect(germanDateTime('2026-07-01T12:00:00Z')).toBe('01.07.2026, 14:00 Uhr');
  });
});
