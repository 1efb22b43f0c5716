import type { ConnectionTestResult } from '@ecm365/shared';
import type { SupportMailFacts } from './support-mail.js';
import type { MailKind } from './notification.table.js';

export interface RenderedMail {
  subject: string;
  text: string;
}

export interface MailContext {
  tenant: { slug: string; name: string };
  /** The tenant's portal, e.g. https://acme.ecm365.example */
  portalUrl: string;
}

const GERMAN_TIME = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'short',
});
/** „01.12.2026, 10:15 Uhr“ (German time). */
export const germanDateTime = (iso: string | Date) => `${GERMAN_TIME.format(new Date(iso))} Uhr`;

const FOOTER = '\n\n-- \nDiese Nachricht wurde automatisch von ecm365 versendet.';

function checkLines(test: ConnectionTestResult): string[] {
  return test.checks.map((check) => `  ${check.ok ? '[OK]    ' : '[FEHLER]'} ${check.message}`);
}

function supportMail(facts: SupportMailFacts, context: MailContext): RenderedMail {
  const { tenant } = context;
  const features = facts.features.map(
    (feature) => `  - ${feature.title}${feature.mailbox ? ` (Postfach: ${feature.mailbox})` : ''}`,
  );
  const mailboxes = facts.features.map((feature) => feature.mailbox).filter((mailbox) => mailbox);
  return {
    subject: `Microsoft-365-Verbindung eingerichtet: ${tenant.name} (${tenant.slug})`,
    text:
      [
        'Hallo Support-Team,',
        '',
        `der Kunde ${tenant.name} hat die Microsoft-365-Verbindung eingerichtet; der Verbindungstest war erfolgreich.`,
        'Die Umstellung kann abgeschlossen werden.',
        '',
        `Kunde:             ${tenant.name} (${tenant.slug})`,
        `ELO-Benutzer:      ${facts.connectedBy}`,
        `Microsoft-Konto:   ${facts.account.displayName} <${facts.account.username}>`,
        `Microsoft-Mandant: ${facts.account.microsoftTenantId}`,
        `Eingerichtet am:   ${germanDateTime(facts.connectedAt)}`,
        `Postfach:          ${mailboxes.length > 0 ? mailboxes.join(', ') : '–'}`,
        'Funktionen:',
        ...features,
        '',
        `Verbindungstest vom ${germanDateTime(facts.test.testedAt)}: ${facts.test.ok ? 'erfolgreich' : 'fehlgeschlagen'}`,
        ...checkLines(facts.test),
        '',
        `Portal des Kunden: ${context.portalUrl}`,
      ].join('\n') + FOOTER,
  };
}

function needsReauthMail(payload: { data?: { message?: string } }, context: MailContext): RenderedMail {
  return {
    subject: 'Microsoft 365: Verbindung muss erneut eingerichtet werden',
    text:
      [
        'Guten Tag,',
        '',
        `die Verbindung Ihres ELO (${context.tenant.name}) mit Microsoft 365 funktioniert nicht mehr.`,
        payload.data?.message ? `Grund: ${payload.data.message}` : '',
        '',
        'Solange sie nicht erneut eingerichtet ist, arbeiten ELO-Funktionen wie der Rechnungs-Import via E-Mail nicht.',
        `Bitte öffnen Sie ${context.portalUrl}/microsoft-365 und wählen Sie unter „Weitere Einstellungen“`,
        '„Verbindung erneut einrichten“.',
        '',
        'Diese Nachricht erhalten Sie höchstens einmal am Tag.',
      ]
        .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
        .join('\n') + FOOTER,
  };
}

interface ImportFailurePayload {
  type?: string;
  data?: {
    subject?: string;
    from?: string;
    mailbox?: string | null;
    receivedAt?: string;
    error?: { message?: string };
  };
}

function importFailureMail(payload: ImportFailurePayload, context: MailContext): RenderedMail {
  const data = payload.data ?? {};
  const details =
    payload.type === 'invoice_import.needs_attention'
      ? ['Der Rechnungs-Import kann gerade nicht arbeiten.']
      : [
          'Eine E-Mail konnte nicht nach ELO importiert werden:',
          `  Betreff:   ${data.subject ?? '–'}`,
          `  Absender:  ${data.from ?? '–'}`,
          ...(data.receivedAt ? [`  Empfangen: ${germanDateTime(data.receivedAt)}`] : []),
        ];
  return {
    subject: 'Rechnungs-Import via E-Mail: Handlungsbedarf',
    text:
      [
        'Guten Tag,',
        '',
        ...details,
        ...(data.mailbox ? [`  Postfach:  ${data.mailbox}`] : []),
        ...(data.error?.message ? [`  Grund:     ${data.error.message}`] : []),
        '',
        `Details und „Erneut versuchen“: ${context.portalUrl}/microsoft-365`,
        '',
        'Diese Nachricht erhalten Sie höchstens einmal am Tag; weitere Fehler sehen Sie im Portal.',
      ].join('\n') + FOOTER,
  };
}

/** The German text of a queued mail, made when it is sent (from the facts stored with it). */
export function renderMail(kind: MailKind, payload: Record<string, unknown>, context: MailContext): RenderedMail {
  switch (kind) {
    case 'support_setup':
      return supportMail(payload as unknown as SupportMailFacts, context);
    case 'needs_reauth':
      return needsReauthMail(payload, context);
    case 'import_failure':
      return importFailureMail(payload, context);
  }
}
