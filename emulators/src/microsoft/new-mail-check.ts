import { ControlInputError } from './control-input-error.js';
import type { NewMail, NewMailAddress, NewMailAttachment, NewMailContent } from './new-mail.js';

/**
 * Checks a NewMail handed to `deliverMail` (in process, or decoded from the HTTP control's JSON) and says exactly
 * what is wrong, so a bad test fixture fails loudly instead of turning into a strange Graph resource.
 */
const MAX_GENERATED_SIZE = 4 * 1024 ** 3;
const MAX_TEXT = 64 * 1024;

type Json = Record<string, unknown>;

function fail(message: string): never {
  throw new ControlInputError(message);
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Buffer.isBuffer(value)) {
    fail(`${what} must be an object`);
  }
  return value as Json;
}

function onlyKeys(fields: Json, allowed: readonly string[], what: string): void {
  const unknown = Object.keys(fields).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) fail(`${what} has unknown field(s): ${unknown.join(', ')}`);
}

function text(value: unknown, what: string, { optional = false, empty = false } = {}): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || (!empty && value.trim() === '') || value.length > MAX_TEXT) {
    fail(`${what} must be a${empty ? '' : ' non-empty'} string of at most ${MAX_TEXT} characters`);
  }
  return value;
}

function address(value: unknown, what: string): NewMailAddress {
  const fields = object(value, what);
  onlyKeys(fields, ['name', 'address'], what);
  const mail = text(fields.address, `${what}.address`) ?? '';
  if (!/^[^\s@]+@[^\s@]+$/.test(mail)) fail(`${what}.address must be a mail address`);
  return { name: text(fields.name, `${what}.name`, { empty: true }) ?? '', address: mail };
}

function content(value: unknown, what: string): NewMailContent {
  if (Buffer.isBuffer(value)) return value;
  const fields = object(value, `${what} (a Buffer or {size})`);
  onlyKeys(fields, ['size', 'contentType', 'seed'], what);
  const size = fields.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_GENERATED_SIZE) {
    fail(`${what}.size must be an integer between 0 and ${MAX_GENERATED_SIZE}`);
  }
  return {
    size,
    contentType: text(fields.contentType, `${what}.contentType`, { optional: true }),
    seed: text(fields.seed, `${what}.seed`, { optional: true }),
  };
}

const ATTACHMENT_KEYS: Record<string, string[]> = {
  file: ['kind', 'name', 'contentType', 'content', 'isInline', 'contentId'],
  item: ['kind', 'name', 'mime'],
  reference: ['kind', 'name', 'sourceUrl', 'contentType'],
};
const MAIL_KEYS = [
  'from',
  'to',
  'subject',
  'body',
  'receivedAt',
  'isRead',
  'internetMessageId',
  'categories',
  'attachments',
];

function attachment(value: unknown, what: string): NewMailAttachment {
  const fields = object(value, what);
  const name = text(fields.name, `${what}.name`) ?? '';
  onlyKeys(fields, ATTACHMENT_KEYS[String(fields.kind)] ?? ['kind', 'name'], what);
  switch (fields.kind) {
    case 'file': {
      const isInline = fields.isInline;
      if (isInline !== undefined && typeof isInline !== 'boolean') fail(`${what}.isInline must be a boolean`);
      return {
        kind: 'file',
        name,
        contentType: text(fields.contentType, `${what}.contentType`) ?? '',
        content: content(fields.content, `${what}.content`),
        isInline,
        contentId: text(fields.contentId, `${what}.contentId`, { optional: true }),
      };
    }
    case 'item':
      if (!Buffer.isBuffer(fields.mime)) fail(`${what}.mime must be a Buffer with the attached mail's MIME`);
      return { kind: 'item', name, mime: fields.mime };
    case 'reference': {
      const sourceUrl = text(fields.sourceUrl, `${what}.sourceUrl`) ?? '';
      if (!/^https:\/\/\S+$/.test(sourceUrl)) fail(`${what}.sourceUrl must be an https URL`);
      return {
        kind: 'reference',
        name,
        sourceUrl,
        contentType: text(fields.contentType, `${what}.contentType`, { optional: true }),
      };
    }
    default:
      return fail(`${what}.kind must be 'file', 'item' or 'reference'`);
  }
}

export function checkNewMail(value: unknown): NewMail {
  const fields = object(value, 'mail');
  onlyKeys(fields, MAIL_KEYS, 'mail');
  const receivedAt = text(fields.receivedAt, 'mail.receivedAt', { optional: true });
  if (receivedAt !== undefined && Number.isNaN(Date.parse(receivedAt))) fail('mail.receivedAt must be an ISO date');
  const isRead = fields.isRead;
  if (isRead !== undefined && typeof isRead !== 'boolean') fail('mail.isRead must be a boolean');
  const list = (name: string): unknown[] => {
    const items = fields[name] ?? [];
    if (!Array.isArray(items) || items.length > 250) fail(`mail.${name} must be an array of at most 250 entries`);
    return items;
  };
  const internetMessageId = text(fields.internetMessageId, 'mail.internetMessageId', { optional: true });
  if (internetMessageId !== undefined && !/^<[^<>\s]+>$/.test(internetMessageId)) {
    fail('mail.internetMessageId must look like <local@domain>');
  }
  return {
    from: address(fields.from, 'mail.from'),
    to: list('to').map((entry, index) => address(entry, `mail.to[${index}]`)),
    subject: text(fields.subject, 'mail.subject', { empty: true }) ?? '',
    body: text(fields.body, 'mail.body', { optional: true, empty: true }),
    receivedAt,
    isRead,
    internetMessageId,
    categories: list('categories').map((entry, index) => text(entry, `mail.categories[${index}]`) ?? ''),
    attachments: list('attachments').map((entry, index) => attachment(entry, `mail.attachments[${index}]`)),
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(value: unknown, what: string): Buffer {
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) {
    fail(`${what} must be base64 (standard alphabet, padded)`);
  }
  return Buffer.from(value, 'base64');
}

/**
 * The HTTP control's JSON form: like NewMail, with `contentBase64` (or `size`) for file contents and `mimeBase64`
 * for item attachments.
 */
export function newMailFromJson(value: unknown): NewMail {
  const fields = object(value, 'body');
  const attachments = fields.attachments;
  if (attachments !== undefined && !Array.isArray(attachments)) fail('mail.attachments must be an array');
  const decoded = (attachments ?? []).map((entry: unknown, index: number) => {
    const what = `mail.attachments[${index}]`;
    const raw = object(entry, what);
    if (raw.kind === 'file') {
      const { contentBase64, size, seed, ...rest } = raw;
      const fileContent =
        contentBase64 !== undefined ? decodeBase64(contentBase64, `${what}.contentBase64`) : { size, seed };
      return { ...rest, content: fileContent };
    }
    if (raw.kind === 'item') {
      const { mimeBase64, ...rest } = raw;
      return { ...rest, mime: decodeBase64(mimeBase64, `${what}.mimeBase64`) };
    }
    return raw;
  });
  return checkNewMail({ ...fields, attachments: decoded });
}
