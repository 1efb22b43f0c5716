/**
 * The content side of the invoice mail import. For each mail the engine
 * 1. asks `preselectAttachment` about every listed Graph attachment (cloud links and inline images are skipped
 *    without a download),
 * 2. downloads the others (`/$value`, streamed) into temp files of a per-mail work directory,
 * 3. classifies each with `classifyAttachment` (content-based; attached mails are opened, their files written
 *    into the same work directory),
 * 4. asks `planDocuments` which documents to file (main file, optional paired attachment, kind, e-invoice data)
 *    and what was skipped and why,
 * and removes the work directory when the mail is done (`withMailWorkDir`). Everything these return is plain
 * JSON (fit for logs and the ledger); the paths in it are valid only while the work directory exists.
 */
export { classifyAttachment, type ClassifyOptions } from './classify-attachment.js';
export {
  DEFAULT_INSPECTION_LIMITS,
  type AttachmentFile,
  type ClassifiedAttachment,
  type EinvoiceData,
  type EinvoiceProfile,
  type EinvoiceProfileFamily,
  type InspectionLimits,
  type InspectionNote,
  type InspectionNoteCode,
  type MonetaryAmount,
} from './document-types.js';
export { inspectEinvoiceXml, type XmlInspection } from './einvoice-xml.js';
export { profileFromSpecificationId } from './einvoice-profile.js';
export {
  importedDocument,
  planDocuments,
  type FilingPlan,
  type PlanInput,
  type PlannedDocument,
  type PlannedFile,
  type SkipReason,
  type SkippedAttachment,
} from './plan-documents.js';
export { withMailWorkDir } from './work-dir.js';
export { preselectAttachment, type GraphAttachmentInfo, type Preselection } from './preselect-attachment.js';
