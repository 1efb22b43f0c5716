import type { ImportedDocument } from '@ecm365/shared';
import type { ClassifiedAttachment, EinvoiceData, InspectionNote } from './document-types.js';

/**
 * Which documents one mail gives, and what is left out and why. The rules (SPEC §9, notes §3):
 * - every attachment is a document of its own kind, except: inline images (logos, signatures) unless
 *   `includeInline`, empty files, detached signatures; cloud links are recorded, never downloaded;
 * - a standalone XML e-invoice is filed as the document, in its original form, and the PDF of the same mail that
 *   shows it as the document's attachment (matched by name or invoice number, or the only PDF beside the only XML);
 * - an attached mail gives its own attachments by the same rules (paired among themselves); when it gives none,
 *   the mail itself is filed as .eml, so nothing is dropped silently;
 * - with `content` "eml" the whole mail is the document, with "both" it is filed beside the attachments.
 */
export type SkipReason = 'inline' | 'cloud_link' | 'empty' | 'unsupported';

export interface SkippedAttachment {
  id: string;
  name: string;
  reason: SkipReason;
}

export interface PlannedFile {
  /** Attachment id, or container id and MIME part for files inside attached mails. */
  id: string;
  path: string;
  name: string;
  size: number;
  contentType: string;
  extension: string;
  sha256: string;
  md5: string;
}

export interface PlannedDocument {
  /** Stable for the same mail content: the main file's id. Part of the import key, with `main.sha256`. */
  key: string;
  name: string;
  kind: ClassifiedAttachment['kind'];
  main: PlannedFile;
  /** The paired PDF of a standalone XML e-invoice (ELO: `document.atts`). */
  attachment?: PlannedFile;
  einvoice?: EinvoiceData;
  /** Names of the attached mails this came out of, outermost first (empty for the mail's own attachments). */
  via: string[];
  notes: InspectionNote[];
}

export interface FilingPlan {
  documents: PlannedDocument[];
  skipped: SkippedAttachment[];
  /** Set when the plan files nothing: the mail is then "skipped" with this reason. */
  nothingToFile?: { reason: 'no_attachment' | 'nothing_importable' };
}

export interface PlanInput {
  /** The mail's downloaded and classified attachments, in the mail's order. */
  attachments: ClassifiedAttachment[];
  /** Attachments left out before downloading (see `preselectAttachment`). */
  skipped?: SkippedAttachment[];
  includeInline?: boolean;
  content?: 'attachments' | 'eml' | 'both';
  /** The whole mail as .eml (Graph `/messages/{id}/$value`), classified; needed for content "eml" and "both". */
  mailEml?: ClassifiedAttachment;
}

export function planDocuments(input: PlanInput): FilingPlan {
  const content = input.content ?? 'attachments';
  const skipped: SkippedAttachment[] = [...(input.skipped ?? [])];
  const documents: PlannedDocument[] = [];
  if (content !== 'eml') documents.push(...planGroup(input.attachments, [], input.includeInline === true, skipped));
  if (content !== 'attachments') {
    if (!input.mailEml) throw new Error(`planDocuments: content "${content}" needs the mail as .eml (mailEml).`);
    documents.push(single({ ...input.mailEml, kind: 'eml' }, []));
  }
  if (documents.length > 0) return { documents, skipped };
  const nothingAttached = input.attachments.length === 0 && (input.skipped ?? []).length === 0;
  return {
    documents,
    skipped,
    nothingToFile: nothingAttached ? { reason: 'no_attachment' } : { reason: 'nothing_importable' },
  };
}

function planGroup(
  attachments: ClassifiedAttachment[],
  via: string[],
  includeInline: boolean,
  skipped: SkippedAttachment[],
): PlannedDocument[] {
  const fileable: ClassifiedAttachment[] = [];
  for (const attachment of attachments) {
    const reason = skipReason(attachment, includeInline);
    if (reason) skipped.push({ id: attachment.id, name: attachment.name, ...reason });
    else fileable.push(attachment);
  }
  const pairs = pairXmlWithPdf(fileable);
  const paired = new Set([...pairs.values()].map((pdf) => pdf.id));
  const documents: PlannedDocument[] = [];
  for (const attachment of fileable) {
    if (paired.has(attachment.id)) continue;
    if (attachment.kind === 'eml' && attachment.parts) {
      const inner = planGroup(attachment.parts, [...via, attachment.name], includeInline, skipped);
      documents.push(...(inner.length > 0 ? inner : [single(attachment, via)]));
      continue;
    }
    const partner = pairs.get(attachment.id);
    documents.push({ ...single(attachment, via), ...(partner ? { attachment: plannedFile(partner) } : {}) });
  }
  return documents;
}

function skipReason(attachment: ClassifiedAttachment, includeInline: boolean) {
  if (attachment.size === 0) {
    return { reason: 'empty' as const };
  }
  if (attachment.isInline && attachment.kind === 'image' && !includeInline) {
    return { reason: 'inline' as const };
  }
  if (DETACHED_SIGNATURE_TYPES.test(attachment.contentType) || /\.p7s$/i.test(attachment.name)) {
    return { reason: 'unsupported' as const };
  }
  return undefined;
}

const DETACHED_SIGNATURE_TYPES = /^application\/(x-)?pkcs7-signature\b/i;

/** XML e-invoice id → the PDF that shows it. Each PDF goes to one XML at most. */
function pairXmlWithPdf(attachments: ClassifiedAttachment[]): Map<string, ClassifiedAttachment> {
  const xmls = attachments.filter((attachment) => attachment.kind === 'einvoice_xml');
  const pdfs = attachments.filter((attachment) => attachment.kind === 'pdf' || attachment.kind === 'hybrid_pdf');
  const pairs = new Map<string, ClassifiedAttachment>();
  const taken = new Set<string>();
  const pair = (xml: ClassifiedAttachment, pdf: ClassifiedAttachment | undefined) => {
    if (!pdf || pairs.has(xml.id) || taken.has(pdf.id)) return;
    pairs.set(xml.id, pdf);
    taken.add(pdf.id);
  };
  const free = () => pdfs.filter((pdf) => !taken.has(pdf.id));
  const plainFree = () => free().filter((pdf) => pdf.kind === 'pdf');

  // 1. A hybrid PDF of the same invoice number is the same invoice: one document, the XML leading.
  for (const xml of xmls) {
    const number = normalized(xml.einvoice?.invoiceNumber);
    pair(
      xml,
      free().find(
        (pdf) => pdf.kind === 'hybrid_pdf' && number !== '' && normalized(pdf.einvoice?.invoiceNumber) === number,
      ),
    );
  }
  // 2. Same base name ("RE-4711.xml" and "RE-4711.pdf").
  for (const xml of xmls)
    pair(xml, uniqueOrNone(plainFree().filter((pdf) => baseName(pdf.name) === baseName(xml.name))));
  // 3. The invoice number in the PDF's name.
  for (const xml of xmls) {
    const number = normalized(xml.einvoice?.invoiceNumber);
    if (number.length >= 3) pair(xml, uniqueOrNone(plainFree().filter((pdf) => normalized(pdf.name).includes(number))));
  }
  // 4. One XML and one PDF left: they belong together.
  const unpairedXmls = xmls.filter((xml) => !pairs.has(xml.id));
  if (xmls.length === 1 && unpairedXmls.length === 1 && plainFree().length === 1)
    pair(unpairedXmls[0]!, plainFree()[0]);
  return pairs;
}

function uniqueOrNone<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function baseName(name: string): string {
  return name.replace(/\.[^.]*$/, '').toLowerCase();
}

function normalized(value: string | undefined): string {
  return (value ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function single(attachment: ClassifiedAttachment, via: string[]): PlannedDocument {
  return {
    key: attachment.id,
    name: attachment.name,
    kind: attachment.kind,
    main: plannedFile(attachment),
    ...(attachment.einvoice ? { einvoice: attachment.einvoice } : {}),
    via,
    notes: attachment.notes,
  };
}

function plannedFile(attachment: ClassifiedAttachment): PlannedFile {
  const { id, path, name, size, contentType, extension, sha256, md5 } = attachment;
  return { id, path, name, size, contentType, extension, sha256, md5 };
}

/** The activity list's view of a planned document (SPEC §9); the ELO fields are added once it is filed. */
export function importedDocument(
  document: PlannedDocument,
  filed: { eloObjId?: string; eloPath?: string } = {},
): ImportedDocument {
  return {
    name: document.name,
    size: document.main.size,
    kind: document.kind,
    ...(document.einvoice
      ? { einvoice: { syntax: document.einvoice.syntax, profile: document.einvoice.profile.label } }
      : {}),
    ...filed,
  };
}
