import type { SkippedAttachment } from './plan-documents.js';

/**
 * Before downloading: which listed Graph attachments are worth a `$value` request. Cloud links
 * (referenceAttachment) have no bytes (`$value` answers 405) and inline images are logos unless the customer wants
 * them; everything else is downloaded and then judged by its content (an "inline" PDF from Apple Mail is still an
 * invoice).
 */
export interface GraphAttachmentInfo {
  id: string;
  name?: string | null;
  contentType?: string | null;
  size?: number | null;
  isInline?: boolean | null;
  /** "#microsoft.graph.fileAttachment" | "#microsoft.graph.itemAttachment" | "#microsoft.graph.referenceAttachment". */
  '@odata.type'?: string;
}

export type Preselection =
  | { download: true; /** `$value` is the MIME of an attached mail (itemAttachment). */ isMail: boolean }
  | { download: false; skipped: SkippedAttachment };

const IMAGE_NAME = /\.(png|jpe?g|gif|bmp|tiff?|webp|heic|svg)$/i;

export function preselectAttachment(
  info: GraphAttachmentInfo,
  options: { includeInline?: boolean } = {},
): Preselection {
  const type = (info['@odata.type'] ?? '#microsoft.graph.fileAttachment').toLowerCase();
  const name = info.name?.trim() || 'Anhang';
  if (type.endsWith('referenceattachment')) {
    return {
      download: false,
      skipped: {
        id: info.id,
        name,
        reason: 'cloud_link',
      },
    };
  }
  if (type.endsWith('itemattachment')) return { download: true, isMail: true };
  const looksLikeImage = /^image\//i.test(info.contentType ?? '') || IMAGE_NAME.test(name);
  if (info.isInline === true && looksLikeImage && options.includeInline !== true) {
    return {
      download: false,
      skipped: {
        id: info.id,
        name,
        reason: 'inline',
      },
    };
  }
  return { download: true, isMail: false };
}
