import type { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import { fileAttachmentContent } from './graph-mail-resources.js';
import type { StoredMessage } from './mail-model.js';

/**
 * A message as MIME (`GET /messages/{id}/$value`), built by nodemailer's MailComposer and streamed: file contents
 * go in as streams, so a message with a 25 MB attachment never sits in memory. Only `content` is ever given to the
 * composer (never `path` or `href`, which would make it read files or URLs).
 */
export function messageMime(message: StoredMessage): Readable {
  const attachments = message.attachments.flatMap((attachment) => {
    if (attachment.kind === 'file') {
      return [
        {
          filename: attachment.name,
          contentType: attachment.contentType ?? 'application/octet-stream',
          content: fileAttachmentContent(attachment),
          ...(attachment.isInline && attachment.contentId ? { cid: attachment.contentId } : {}),
        },
      ];
    }
    if (attachment.kind === 'item' && attachment.mime) {
      return [{ filename: `${attachment.name}.eml`, contentType: 'message/rfc822', content: attachment.mime }];
    }
    return []; // A reference attachment is a link, not content: Exchange's MIME has nothing to carry for it.
  });
  const composer = new MailComposer({
    from: { name: message.from.name, address: message.from.address },
    to: message.to.map((address) => ({ name: address.name, address: address.address })),
    subject: message.subject,
    text: message.body,
    date: new Date(message.sentDateTime),
    messageId: message.internetMessageId,
    attachments,
  });
  return composer.compile().createReadStream();
}
