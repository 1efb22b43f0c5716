import { createHash } from 'node:crypto';

/** Hex digits of an import key: sha256, upper case (ELO's OKEY lookup treats % and * as wildcards; hex has none). */
export const IMPORT_KEY_LENGTH = 64;

/**
 * The import key of one document: derived from the mailbox, the mail's immutable id, the attachment's key within the
 * mail and its content hash. The same document of the same mail always gets the same key — in the ledger (unique)
 * and in ELO's index field, where it is looked up before every check-in.
 */
export function importKeyOf(parts: {
  mailbox: string;
  messageId: string;
  documentKey: string;
  sha256: string;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([parts.mailbox.toLowerCase(), parts.messageId, parts.documentKey, parts.sha256.toLowerCase()]),
    )
    .digest('hex')
    .toUpperCase();
}
