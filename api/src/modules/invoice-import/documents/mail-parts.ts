import { message } from '@ecm365/shared';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AddressObject, AttachmentStream, MailParser } from 'mailparser';
import type { AttachmentFile, InspectionNote } from './document-types.js';

/**
 * The files attached to a mail in MIME form (a forwarded mail's `$value`, an attached .eml), streamed with
 * mailparser straight into files of the caller's work directory: no attachment is ever held in memory. Attached
 * mails inside stay MIME files of their own (`ignoreEmbedded`), so the caller decides how deep it goes.
 */
export interface MailPartsResult {
  headers: { subject?: string; from?: string; date?: string; messageId?: string };
  parts: AttachmentFile[];
  notes: InspectionNote[];
}

export async function extractMailParts(
  mail: AttachmentFile,
  workDir: string,
  maxParts: number,
): Promise<MailPartsResult> {
  // Loaded on first use: mailparser and its MIME and charset libraries were 0.16 s of every start (issue 13),
  // and only a mail with a MIME attachment needs them.
  const { MailParser: Parser } = await import('mailparser');
  const parser = new Parser({
    ignoreEmbedded: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
    checksumAlgo: false,
  });
  const parts: AttachmentFile[] = [];
  const notes: InspectionNote[] = [];
  const copies: Promise<void>[] = [];
  const contents: AttachmentStream['content'][] = [];
  let seen = 0;

  parser.on('data', (data: { type: string }) => {
    if (data.type !== 'attachment') return;
    const attachment = data as AttachmentStream;
    seen += 1;
    if (seen > maxParts) {
      // Dropped: after release() the parser drains the content itself.
      attachment.release?.();
      return;
    }
    const part = partFile(mail, attachment, seen, workDir);
    parts.push(part);
    contents.push(attachment.content);
    copies.push(
      pipeline(attachment.content, createWriteStream(part.path)).finally(() => {
        attachment.release?.();
      }),
    );
  });

  try {
    await pipeline(createReadStream(mail.path), parser);
  } catch (error) {
    // A broken message: stop the copies still waiting for content, then report the parse error.
    for (const content of contents) content.destroy(error as Error);
    await Promise.allSettled(copies);
    throw error;
  }
  await Promise.all(copies);
  if (seen > maxParts) {
    notes.push({
      code: 'mail_too_many_parts',
      text: message('import.mail_too_many_parts', { seen, max: maxParts }),
    });
  }
  return { headers: headersOf(parser), parts, notes };
}

function partFile(mail: AttachmentFile, attachment: AttachmentStream, index: number, workDir: string): AttachmentFile {
  const isMail = attachment.contentType === 'message/rfc822';
  const fallbackName = isMail ? `Nachricht ${index}.eml` : `Anhang ${index}`;
  return {
    // The MIME part number is stable for the same bytes, so the import key of a part is stable too.
    id: `${mail.id}/${attachment.partId ?? index}`,
    path: join(workDir, `part-${randomUUID()}`),
    name: cleanName(attachment.filename) ?? fallbackName,
    contentType: attachment.contentType,
    isInline: attachment.related === true || attachment.contentDisposition === 'inline',
    isMail,
  };
}

function headersOf(parser: MailParser): MailPartsResult['headers'] {
  const from = firstAddress(parser.from);
  return Object.fromEntries(
    Object.entries({
      subject: parser.subject?.slice(0, 500),
      from,
      date: parser.date && !Number.isNaN(parser.date.getTime()) ? parser.date.toISOString() : undefined,
      messageId: parser.messageId?.slice(0, 500),
    }).filter(([, value]) => value !== undefined),
  );
}

function firstAddress(from: AddressObject | undefined): string | undefined {
  const first = from?.value[0];
  if (!first) return undefined;
  return (first.name ? `${first.name} <${first.address ?? ''}>` : (first.address ?? '')).slice(0, 500) || undefined;
}

/** File names from mail are display text only (never paths here): control characters out, length capped. */
export function cleanName(name: string | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = name?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned ? cleaned.slice(0, 255) : undefined;
}
