import {
  isMessageCode,
  message,
  type ConnectionTestResult,
  type Message,
  type MessageLocale,
  type MessageParamsSchema,
  PORTAL_PAGES,
} from '@ecm365/shared';
import { render, renderMessage } from '../../messages/catalogue.js';
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
  /** The language of the text: the customer's (saved with the notification address); German for support. */
  locale: MessageLocale;
}

const TIME_FORMATS: Record<MessageLocale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }),
};
/** „01.12.2026, 10:15 Uhr“ / "1 Dec 2026, 10:15 (German time)": German time in the mail's language. */
export const mailDateTime = (iso: string | Date, locale: MessageLocale = 'de') =>
  renderMessage(locale, 'mail.time', { time: TIME_FORMATS[locale].format(new Date(iso)) });
export const germanDateTime = (iso: string | Date) => mailDateTime(iso, 'de');

const footer = (locale: MessageLocale) => `\n\n-- \n${render(message('mail.footer'), locale)}`;

/**
 * A stored text in the mail's language: from its code and params when it has them (rendered anew), else as it was
 * stored (a German text recorded before codes existed).
 */
function storedText(locale: MessageLocale, code: unknown, params: unknown, fallback: string | undefined): string {
  if (isMessageCode(code)) return renderMessage(locale, code, (params ?? {}) as MessageParamsSchema);
  return fallback ?? '';
}

function checkLines(test: ConnectionTestResult): string[] {
  return test.checks.map(
    (check) => `  ${check.ok ? '[OK]    ' : '[FEHLER]'} ${storedText('de', check.code, check.params, check.message)}`,
  );
}

/** To ecm.online's support team, in German (SUPPORT_EMAIL is one German-speaking team for all tenants). */
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
      ].join('\n') + footer('de'),
  };
}

/** Lines of a customer mail from catalogue texts; `null` is an empty line, a string is put in as it is. */
const lines = (locale: MessageLocale, parts: (Message | string | null)[]) =>
  parts.map((part) => (part === null ? '' : typeof part === 'string' ? part : render(part, locale)));

interface ReauthPayload {
  data?: { message?: string; code?: string; params?: MessageParamsSchema };
}

function needsReauthMail(payload: ReauthPayload, context: MailContext): RenderedMail {
  const { locale } = context;
  const data = payload.data ?? {};
  const reason = storedText(locale, data.code, data.params, data.message);
  return {
    subject: render(message('mail.reauth_subject'), locale),
    text:
      lines(locale, [
        message('mail.greeting'),
        null,
        message('mail.reauth_broken', { tenant: context.tenant.name }),
        ...(reason ? [`${render(message('mail.label_reason'), locale)}: ${reason}`] : []),
        null,
        message('mail.reauth_effect'),
        message('mail.reauth_action', { url: `${context.portalUrl}${PORTAL_PAGES.ms365}` }),
        null,
        message('mail.once_a_day'),
      ]).join('\n') + footer(locale),
  };
}

interface ImportFailurePayload {
  type?: string;
  data?: {
    subject?: string;
    from?: string;
    mailbox?: string | null;
    receivedAt?: string;
    error?: { message?: string; messageCode?: string; params?: MessageParamsSchema };
  };
}

function importFailureMail(payload: ImportFailurePayload, context: MailContext): RenderedMail {
  const { locale } = context;
  const data = payload.data ?? {};
  const labels = ['label_subject', 'label_from', 'label_received', 'label_mailbox', 'label_reason'] as const;
  const width = Math.max(...labels.map((label) => render(message(`mail.${label}`), locale).length)) + 2;
  const field = (label: (typeof labels)[number], value: string) =>
    `  ${`${render(message(`mail.${label}`), locale)}:`.padEnd(width)}${value}`;
  const reason = storedText(locale, data.error?.messageCode, data.error?.params, data.error?.message);
  const details =
    payload.type === 'invoice_import.needs_attention'
      ? [message('mail.import_stuck')]
      : [
          message('mail.import_failed'),
          field('label_subject', data.subject ?? '–'),
          field('label_from', data.from ?? '–'),
          ...(data.receivedAt ? [field('label_received', mailDateTime(data.receivedAt, locale))] : []),
        ];
  return {
    subject: render(message('mail.import_subject'), locale),
    text:
      lines(locale, [
        message('mail.greeting'),
        null,
        ...details,
        ...(data.mailbox ? [field('label_mailbox', data.mailbox)] : []),
        ...(reason ? [field('label_reason', reason)] : []),
        null,
        message('mail.import_action', { url: `${context.portalUrl}${PORTAL_PAGES.invoiceImportActivity}` }),
        null,
        message('mail.import_once_a_day'),
      ]).join('\n') + footer(locale),
  };
}

/** The text of a queued mail, made when it is sent (from the facts stored with it) in the mail's language. */
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
