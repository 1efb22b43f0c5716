import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { CII_NS, UBL_CREDIT_NOTE_NS, UBL_INVOICE_NS } from './einvoice-xml.js';

/**
 * What a file is, from its first bytes: file-type's magic numbers for binary formats, plus the text formats it does
 * not know (XML without declaration, MIME mail). Names and content types from the mail are hints only.
 */
export type SniffedFormat = 'pdf' | 'image' | 'xml' | 'mail' | 'unknown';

export interface Sniffed {
  format: SniffedFormat;
  /** From file-type, when it recognised the bytes. */
  mime?: string;
  ext?: string;
}

export interface SniffHints {
  name: string;
  contentType?: string;
  isMail?: boolean;
}

export async function sniffContent(head: Buffer, hints: SniffHints): Promise<Sniffed> {
  if (head.length === 0) return { format: 'unknown' };
  const detected = await fileTypeFromBuffer(head);
  const found = detected ? { mime: detected.mime, ext: detected.ext } : {};
  if (detected?.ext === 'pdf') return { format: 'pdf', ...found };
  const mail = { format: 'mail', mime: 'message/rfc822', ext: 'eml' } as const;
  if (hints.isMail && looksLikeMime(head)) return mail;
  // ISO 32000 lets the header start within the first 1024 bytes (mail gateways sometimes prepend junk).
  if (head.subarray(0, 1024).includes('%PDF-')) return { format: 'pdf', ...found };
  if (detected?.mime.startsWith('image/')) return { format: 'image', ...found };
  if (detected && detected.ext !== 'xml') return { format: 'unknown', ...found };
  if (detected?.ext === 'xml' || looksLikeXml(head, hints))
    return { format: 'xml', mime: 'application/xml', ext: 'xml' };
  if (hints.isMail || looksLikeMime(head) || (hintsSayMail(hints) && looksLikeHeaderLine(head))) return mail;
  return { format: 'unknown' };
}

function looksLikeXml(head: Buffer, hints: SniffHints): boolean {
  const text = textStart(head);
  if (text.startsWith('<?xml')) return true;
  // Without a declaration an element start is enough when the mail says XML, or the root is an e-invoice's.
  if (!/^<[A-Za-z_][\w.:-]*[\s>/]/.test(text)) return false;
  const saysXml = extname(hints.name).toLowerCase() === '.xml' || /[/+]xml\b/i.test(hints.contentType ?? '');
  return saysXml || [UBL_INVOICE_NS, UBL_CREDIT_NOTE_NS, CII_NS].some((ns) => text.slice(0, 4096).includes(ns));
}

/** The head as text, without BOM and leading whitespace (UTF-16 XML included). */
function textStart(head: Buffer): string {
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2, 8194).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head.subarray(2, 8194));
  else text = head.subarray(0, 8192).toString('utf8');
  return text.replace(/^\uFEFF/, '').trimStart();
}

const MAIL_HEADERS = new Set([
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'received',
  'return-path',
]);

/** RFC 5322: header lines (name, colon, value; folded lines start with blanks) up to the first empty line. */
function looksLikeMime(head: Buffer): boolean {
  const lines = head
    .subarray(0, 16 * 1024)
    .toString('latin1')
    .split(/\r?\n/);
  let known = 0;
  let headerLines = 0;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && headerLines > 0) continue;
    const match = /^([!-9;-~]+):/.exec(line);
    if (!match?.[1]) return false;
    headerLines += 1;
    if (MAIL_HEADERS.has(match[1].toLowerCase())) known += 1;
  }
  return known >= 2;
}

function looksLikeHeaderLine(head: Buffer): boolean {
  return /^[!-9;-~]+:/.test(head.subarray(0, 1000).toString('latin1'));
}

function hintsSayMail(hints: SniffHints): boolean {
  return extname(hints.name).toLowerCase() === '.eml' || /^message\/rfc822\b/i.test(hints.contentType ?? '');
}

/** A recognised root element of an e-invoice in the first bytes (for files too large to parse). */
export function einvoiceRootInHead(
  head: Buffer,
): { syntax: 'ubl' | 'cii'; documentType: 'invoice' | 'credit_note' } | undefined {
  const text = textStart(head);
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(text);
  if (!root?.[2]) return undefined;
  const prefix = root[1]?.slice(0, -1);
  const declaration = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']+)["']`).exec(root[3] ?? '');
  const ns = declaration?.[1];
  if (ns === UBL_INVOICE_NS && root[2] === 'Invoice') return { syntax: 'ubl', documentType: 'invoice' };
  if (ns === UBL_CREDIT_NOTE_NS && root[2] === 'CreditNote') return { syntax: 'ubl', documentType: 'credit_note' };
  if (ns === CII_NS && root[2] === 'CrossIndustryInvoice') return { syntax: 'cii', documentType: 'invoice' };
  return undefined;
}
