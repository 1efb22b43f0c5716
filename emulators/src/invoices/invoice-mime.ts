import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { NewMailAddress } from '../microsoft/new-mail.js';

/**
 * A mail as MIME (RFC 5322), built with nodemailer's MailComposer: what Graph's `$value` of an itemAttachment
 * (a forwarded or attached mail) or of a whole message answers. Boundaries are derived from the Message-ID, so the
 * same mail always gives the same bytes.
 */
export interface MimeAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Inline with a Content-ID (e.g. a logo in the HTML signature). */
  cid?: string;
}

export interface InvoiceMimeMail {
  from: NewMailAddress;
  to: NewMailAddress[];
  subject: string;
  text: string;
  html?: string;
  /** ISO date-time. */
  date: string;
  /** Without angle brackets, e.g. "re-2024-1041@mueller-buero.example". */
  messageId: string;
  attachments?: MimeAttachment[];
}

export async function invoiceMailMime(mail: InvoiceMimeMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: mail.from.name, address: mail.from.address },
    to: mail.to.map((recipient) => ({ name: recipient.name, address: recipient.address })),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: new Date(mail.date),
    messageId: `<${mail.messageId}>`,
    baseBoundary: createHash('sha256').update(mail.messageId).digest('hex').slice(0, 16),
    attachments: (mail.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: attachment.contentType,
      ...(attachment.cid ? { cid: attachment.cid, contentDisposition: 'inline' } : {}),
    })),
  });
  return composer.compile().build();
}
