import { message } from '@ecm365/shared';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  DEFAULT_INSPECTION_LIMITS,
  type AttachmentFile,
  type ClassifiedAttachment,
  type InspectionLimits,
  type InspectionNote,
} from './document-types.js';
import { einvoiceRootInHead, sniffContent, type Sniffed } from './content-sniffing.js';
import { inspectEinvoiceXml } from './einvoice-xml.js';
import { scanFile } from './file-scan.js';
import { PDF_EMBEDDED_FILE_MARKERS, PDF_OBJECT_STREAM_MARKER, inspectPdf } from './hybrid-pdf.js';
import { cleanName, extractMailParts } from './mail-parts.js';

/**
 * Classifies one downloaded attachment by its content: PDF, hybrid PDF (ZUGFeRD/Factur-X), standalone XML
 * e-invoice, image, mail (its attached files classified in turn, to a bounded depth), or other. Bad content never
 * throws: it becomes a plain kind with a note. Only the file system's own errors (disk full, file missing) do.
 */
export interface ClassifyOptions {
  /** A directory the caller owns and removes after the mail: files taken out of attached mails go there. */
  workDir: string;
  limits?: Partial<InspectionLimits>;
  /** False: a mail is not opened (e.g. the whole message's .eml, filed as it is for content "eml"/"both"). */
  openMails?: boolean;
}

export async function classifyAttachment(
  file: AttachmentFile,
  options: ClassifyOptions,
): Promise<ClassifiedAttachment> {
  const limits = { ...DEFAULT_INSPECTION_LIMITS, ...options.limits };
  if (options.openMails === false) limits.maxMailDepth = 0;
  return classify(file, options.workDir, limits, 0);
}

async function classify(
  file: AttachmentFile,
  workDir: string,
  limits: InspectionLimits,
  depth: number,
): Promise<ClassifiedAttachment> {
  // One pass over the file; the PDF markers only matter if the content turns out to be a PDF.
  const scan = await scanFile(file.path, [...PDF_EMBEDDED_FILE_MARKERS, PDF_OBJECT_STREAM_MARKER]);
  const head = scan.head;
  const sniffed = await sniffContent(head, file);
  const base = {
    id: file.id,
    path: file.path,
    size: scan.size,
    sha256: scan.sha256,
    md5: scan.md5,
    isInline: file.isInline === true,
  };

  switch (scan.size === 0 ? 'unknown' : sniffed.format) {
    case 'pdf': {
      const pdf = await inspectPdf(file.path, scan, limits);
      return {
        ...base,
        ...named(file, 'pdf', 'application/pdf'),
        kind: pdf.isHybrid ? 'hybrid_pdf' : 'pdf',
        ...(pdf.isHybrid ? { einvoice: pdf.einvoice, embeddedXmlName: pdf.embeddedXmlName } : {}),
        notes: pdf.notes,
      };
    }
    case 'xml':
      return {
        ...base,
        ...named(file, 'xml', 'application/xml'),
        ...(await classifyXml(file.path, scan.size, head, limits)),
      };
    case 'image':
      return { ...base, ...named(file, sniffed.ext, sniffed.mime), kind: 'image', notes: [] };
    case 'mail':
      return {
        ...base,
        ...named(file, 'eml', 'message/rfc822'),
        kind: 'eml',
        ...(await classifyMail(file, workDir, limits, depth)),
      };
    default:
      return { ...base, ...namedOther(file, sniffed), kind: 'other', notes: [] };
  }
}

async function classifyXml(
  path: string,
  size: number,
  head: Buffer,
  limits: InspectionLimits,
): Promise<Pick<ClassifiedAttachment, 'kind' | 'einvoice' | 'notes'>> {
  if (size > limits.maxXmlBytes) {
    const note: InspectionNote = { code: 'xml_too_large', text: message('import.xml_too_large') };
    // Still an e-invoice by its root element, only its fields stay unread.
    const root = einvoiceRootInHead(head);
    if (!root) return { kind: 'other', notes: [note] };
    const profile = { family: 'unknown' as const, label: 'nicht ausgewertet (zu groß)', isInvoiceInGermany: true };
    return { kind: 'einvoice_xml', einvoice: { ...root, profile }, notes: [note] };
  }
  const inspection = inspectEinvoiceXml(await readFile(path), limits.maxXmlBytes);
  return inspection.isEinvoice
    ? { kind: 'einvoice_xml', einvoice: inspection.einvoice, notes: inspection.notes }
    : { kind: 'other', notes: inspection.notes };
}

async function classifyMail(
  file: AttachmentFile,
  workDir: string,
  limits: InspectionLimits,
  depth: number,
): Promise<Pick<ClassifiedAttachment, 'mail' | 'parts' | 'notes'>> {
  if (limits.maxMailDepth === 0) return { notes: [] };
  if (depth >= limits.maxMailDepth) {
    return {
      notes: [
        {
          code: 'mail_nested_too_deep',
          text: message('import.mail_nested_too_deep', { depth: limits.maxMailDepth }),
        },
      ],
    };
  }
  let extracted;
  try {
    extracted = await extractMailParts(file, workDir, limits.maxMailParts);
  } catch (error) {
    if (isFileSystemError(error)) throw error;
    return { notes: [{ code: 'mail_unreadable', text: message('import.mail_unreadable') }] };
  }
  const parts: ClassifiedAttachment[] = [];
  for (const part of extracted.parts) parts.push(await classify(part, workDir, limits, depth + 1));
  return { mail: extracted.headers, parts, notes: extracted.notes };
}

/** Errors of the operating system (disk full, no permission) carry the failed system call; parser errors do not. */
function isFileSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Name, upload type and extension: the content's, but the sender's name is kept (and completed when bare). */
function named(file: AttachmentFile, extension: string | undefined, contentType: string | undefined) {
  const nameExtension = fileExtension(file.name);
  const ext = extension ?? (nameExtension || 'bin');
  const keepNameExtension = nameExtension !== '' && EQUIVALENT_EXTENSIONS[nameExtension] === ext;
  const name = cleanName(file.name) ?? 'Anhang';
  return {
    name: nameExtension ? name : `${name}.${ext}`,
    extension: keepNameExtension ? nameExtension : ext,
    contentType: contentType ?? 'application/octet-stream',
  };
}

/** Unknown or container formats (zip for docx/xlsx, cfb for doc/xls/msg): the mail's name and type say more. */
function namedOther(file: AttachmentFile, sniffed: Sniffed) {
  const generic = sniffed.ext === undefined || GENERIC_CONTAINERS.has(sniffed.ext);
  const nameExtension = fileExtension(file.name);
  const hinted =
    file.contentType && !/^application\/octet-stream\b/i.test(file.contentType) ? file.contentType : undefined;
  if (generic) {
    return {
      name: cleanName(file.name) ?? 'Anhang',
      extension: nameExtension || sniffed.ext || 'bin',
      contentType: hinted ?? sniffed.mime ?? 'application/octet-stream',
    };
  }
  return named(file, sniffed.ext, sniffed.mime);
}

/** A name's extension when it looks like one ("Nr. 4711" in a mail subject does not). */
function fileExtension(name: string): string {
  const extension = extname(name).slice(1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(extension) ? extension : '';
}

const EQUIVALENT_EXTENSIONS: Record<string, string> = { jpeg: 'jpg', jpg: 'jpg', tif: 'tiff', tiff: 'tiff' };
const GENERIC_CONTAINERS = new Set(['zip', 'cfb']);
