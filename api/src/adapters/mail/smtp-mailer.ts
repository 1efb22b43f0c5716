import type * as Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

// nodemailer is loaded on the first mail, not with the server: most starts send none before they answer (issue 13).
let nodemailerModule: Promise<typeof Nodemailer> | undefined;
const loadNodemailer = () => (nodemailerModule ??= import('nodemailer'));

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
  private transport: Promise<Transporter> | undefined;

  constructor(private readonly options: SmtpMailerOptions) {}

  private transporter(): Promise<Transporter> {
    // nodemailer reads host, port, TLS (smtps:) and credentials from the URL itself.
    return (this.transport ??= loadNodemailer().then((nodemailer) =>
      (nodemailer.default ?? nodemailer).createTransport({
        url: this.options.url,
        connectionTimeout: this.options.timeoutMs,
        greetingTimeout: this.options.timeoutMs,
        socketTimeout: this.options.timeoutMs,
      }),
    ));
  }

  async send(mail: OutgoingMail): Promise<void> {
    await (
      await this.transporter()
    ).sendMail({
      from: this.options.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  close(): void {
    void this.transport?.then((transport) => transport.close());
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
