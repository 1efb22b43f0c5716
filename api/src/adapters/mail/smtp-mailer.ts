import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /**
   * Stable per queued mail (`<id@host>`): when a crash between handing a mail over and recording it makes the
   * relay send it again, the copy carries the same Message-ID, so mail systems and people can tell it is one mail.
   */
  messageId: string;
}

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's connection URL). */
  url: string;
  from: string;
  /** Bound for connecting, the greeting and each socket read. */
  timeoutMs: number;
}

/** The only place that speaks SMTP (nodemailer); one transport for the process, a connection per mail. */
export class SmtpMailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(private readonly options: SmtpMailerOptions) {
    // nodemailer reads host, port, TLS (smtps:) and credentials from the URL itself.
    this.transport = createTransport({
      url: options.url,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.options.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** A short, non-secret reason for a failed send (connection refused, timeout, rejected recipient…). */
export function mailFailureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
  if (typeof responseCode === 'number') return `smtp_${responseCode}`;
  if (typeof code === 'string') return code.toLowerCase();
  return 'smtp_error';
}
