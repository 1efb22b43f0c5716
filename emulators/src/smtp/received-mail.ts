/** A mail the sink received, as the page and tests see it. */
export interface ReceivedMail {
  /** Position in arrival order, from 1. */
  seq: number;
  receivedAt: string;
  /** SMTP envelope: MAIL FROM and RCPT TO. */
  envelope: { from: string; to: string[] };
  messageId: string | undefined;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** One log line per mail: what a person trying the demo sees arrive. */
export function mailLogLine(mail: ReceivedMail): string {
  return `SMTP sink: mail #${mail.seq} to ${mail.envelope.to.join(', ')}: "${mail.subject}"`;
}
