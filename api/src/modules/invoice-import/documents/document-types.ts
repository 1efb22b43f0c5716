import type { EinvoiceSyntax, ImportDocumentKind, Message } from '@ecm365/shared';

/**
 * The shapes of the content side of the invoice import: what a downloaded attachment is, what an e-invoice inside
 * it says, and which documents one mail gives. Everything here is plain JSON (no buffers, no functions), so the
 * import engine can keep it in its ledger between steps.
 */

/**
 * Why something in a file was not taken as expected: `code` names the case, `text` is its message (code + params of
 * the catalogue, rendered in the reader's language); `file` the embedded file it is about, inside the document.
 */
export interface InspectionNote {
  code: InspectionNoteCode;
  text: Message;
  file?: string;
}

export type InspectionNoteCode =
  | 'xml_too_large'
  | 'xml_malformed'
  | 'xml_dtd_not_allowed'
  | 'xml_encoding'
  | 'xml_not_einvoice'
  | 'einvoice_not_an_invoice_in_germany'
  | 'einvoice_incomplete'
  | 'pdf_unreadable'
  | 'pdf_encrypted'
  | 'pdf_embedded_xml_not_einvoice'
  | 'pdf_embedded_xml_unreadable'
  | 'mail_unreadable'
  | 'mail_nested_too_deep'
  | 'mail_too_many_parts';

/** Profile families of EN 16931 e-invoices as German receivers meet them. */
export type EinvoiceProfileFamily =
  'xrechnung' | 'en16931' | 'peppol' | 'extended' | 'basic' | 'basic_wl' | 'minimum' | 'unknown';

export interface EinvoiceProfile {
  family: EinvoiceProfileFamily;
  /** In words, e.g. "XRechnung 3.0", "EN 16931 (COMFORT)", "Factur-X/ZUGFeRD BASIC". */
  label: string;
  /** XRechnung's version ("3.0"), where the identifier names one. */
  version?: string;
  /** The specification identifier as written (BT-24), when present. */
  specificationId?: string;
  /**
   * False for MINIMUM and BASIC WL: they lack the invoice content §14 UStG requires, so in Germany they are not
   * an (e-)invoice; the PDF is the invoice and the XML only a booking aid.
   */
  isInvoiceInGermany: boolean;
}

export interface MonetaryAmount {
  /** Decimal as written in the XML, e.g. "1190.00" (never a float). */
  amount: string;
  /** ISO 4217, e.g. "EUR". */
  currency?: string;
}

/** What an e-invoice says, for the activity list and the ELO index fields. */
export interface EinvoiceData {
  syntax: EinvoiceSyntax;
  documentType: 'invoice' | 'credit_note';
  /** UNTDID 1001 document type code (380 invoice, 381 credit note, 384 corrected, 389 self-billed, …). */
  typeCode?: string;
  profile: EinvoiceProfile;
  /** BT-1. */
  invoiceNumber?: string;
  /** BT-2, ISO date YYYY-MM-DD. */
  issueDate?: string;
  /** BT-27 (legal name), else BT-28 (trading name). */
  sellerName?: string;
  /** BT-115 amount due for payment, else BT-112 total with VAT. */
  total?: MonetaryAmount;
}

export type { EinvoiceSyntax, ImportDocumentKind };

/** A file that lies on disk, e.g. a downloaded attachment or a part taken out of an attached mail. */
export interface AttachmentFile {
  /** Graph attachment id; for a part of an attached mail the container's id and the MIME part ("AAMk…/2"). */
  id: string;
  /** Where the bytes are: a temp file the caller owns. */
  path: string;
  /** Name as the mail gave it (a hint only: the content decides). */
  name: string;
  /** Content type as the mail gave it (a hint only). */
  contentType?: string;
  /** Graph `isInline` (or a MIME part inside multipart/related / with inline disposition). */
  isInline?: boolean;
  /** The file is the MIME of an attached mail (Graph itemAttachment `$value`). */
  isMail?: boolean;
}

export interface ClassifiedAttachment {
  id: string;
  name: string;
  path: string;
  size: number;
  /** Lower-case hex; the content part of the import key. */
  sha256: string;
  /** Upper-case hex, as ELO's `MD5:` lookup takes it. */
  md5: string;
  /** What to upload it as, from the content. */
  contentType: string;
  /** File extension without the dot, from the content where the name does not fit it. */
  extension: string;
  kind: ImportDocumentKind;
  isInline: boolean;
  einvoice?: EinvoiceData;
  /** Hybrid PDFs: the name of the embedded XML that carried the e-invoice. */
  embeddedXmlName?: string;
  /** Mails (kind `eml`): their headers… */
  mail?: { subject?: string; from?: string; date?: string; messageId?: string };
  /** …and their attached files, classified the same way. */
  parts?: ClassifiedAttachment[];
  notes: InspectionNote[];
}

export interface InspectionLimits {
  /** Larger XML files are not parsed (standalone and embedded): "too large to inspect". */
  maxXmlBytes: number;
  /** PDFs up to this size that use compressed object streams are opened with pdf-lib even without a sign of
   * embedded files (an object stream can hide the catalog's /Names); larger ones only with such a sign. */
  fullPdfInspectionMaxBytes: number;
  /** Larger PDFs are never loaded into memory (they are still filed). */
  maxPdfLoadBytes: number;
  /** How deep attached mails inside attached mails are opened. */
  maxMailDepth: number;
  /** Attached files taken out of one mail at most. */
  maxMailParts: number;
  /** Embedded files of one PDF looked at at most. */
  maxEmbeddedFiles: number;
}

export const DEFAULT_INSPECTION_LIMITS: Readonly<InspectionLimits> = Object.freeze({
  maxXmlBytes: 10 * 1024 * 1024,
  fullPdfInspectionMaxBytes: 2 * 1024 * 1024,
  maxPdfLoadBytes: 40 * 1024 * 1024,
  maxMailDepth: 3,
  maxMailParts: 200,
  maxEmbeddedFiles: 20,
});
