import type { Logger } from 'pino';
import { mailFailureReason, type SmtpMailer } from '../../adapters/mail/index.js';
import type { MailSettings } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { MAIL_RETRY_WINDOW_MS, nextAttemptAt } from '../events/delivery-schedule.js';
import { renderMail } from './mail-templates.js';
import { listDueMails, recordMailAttempt, type DueMail } from './notification.repository.js';

export interface MailDelivererDeps {
  db: Db;
  clock: Clock;
  /** Undefined without SMTP_URL: mails then wait in the outbox until a mail server is configured. */
  mailer: SmtpMailer | undefined;
  settings: MailSettings;
  /** The portal of a tenant (links in the mails). */
  portalUrl: (slug: string) => string;
  logger: Logger;
}

/**
 * The relay's mail channel: sends every due notification mail through SMTP, records it sent, or retries with
 * backoff (three days, then failed). The Message-ID is the queued mail's id, the same on a repeat after a crash.
 */
export class MailDeliverer {
  constructor(private readonly deps: MailDelivererDeps) {}

  async deliverDue(limit = 20): Promise<number> {
    const { mailer } = this.deps;
    if (!mailer) return 0;
    const due = await listDueMails(this.deps.db, this.deps.clock.now(), limit);
    for (const mail of due) await this.attempt(mailer, mail);
    return due.length;
  }

  private async attempt(mailer: SmtpMailer, mail: DueMail): Promise<void> {
    const { settings, clock, logger } = this.deps;
    const rendered = renderMail(mail.kind, mail.payload, {
      tenant: { slug: mail.tenantSlug, name: mail.tenantName },
      portalUrl: this.deps.portalUrl(mail.tenantSlug),
      locale: mail.locale,
    });
    const attempts = mail.attempts + 1;
    try {
      await mailer.send({
        to: mail.recipient ?? settings.supportEmail,
        subject: rendered.subject,
        text: rendered.text,
        messageId: `<${mail.id}@ecm365>`,
      });
      await recordMailAttempt(this.deps.db, mail, {
        status: 'sent',
        attempts,
        at: clock.now(),
        nextAttemptAt: null,
        error: null,
      });
      logger.info({ tenantId: mail.tenantId, kind: mail.kind, mailId: mail.id }, 'notification mail sent');
    } catch (error) {
      const at = clock.now();
      const next = nextAttemptAt(mail.createdAt, attempts, at, MAIL_RETRY_WINDOW_MS);
      const reason = mailFailureReason(error);
      await recordMailAttempt(this.deps.db, mail, {
        status: next ? 'pending' : 'failed',
        attempts,
        at,
        nextAttemptAt: next,
        error: reason,
      });
      const log = next ? logger.warn.bind(logger) : logger.error.bind(logger);
      log(
        { tenantId: mail.tenantId, kind: mail.kind, mailId: mail.id, attempts, reason },
        next ? 'notification mail not sent yet; retrying later' : 'notification mail failed for good',
      );
    }
  }
}
