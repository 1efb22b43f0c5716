/**
 * A mail to drop into an emulated mailbox (tests, demo seeding, the `/_emulator` control). The emulator turns it
 * into Graph `message` and `attachment` resources as Exchange Online would.
 */
export interface NewMailAddress {
  name: string;
  address: string;
}

/** File content: the bytes, or a size whose deterministic bytes are generated while streaming (large files). */
export type NewMailContent = Buffer | { size: number; contentType?: string };

export type NewMailAttachment =
  | {
      kind: 'file';
      name: string;
      contentType: string;
      content: NewMailContent;
      isInline?: boolean;
      contentId?: string;
    }
  /** An attached mail (e.g. a forwarded invoice): its MIME (message/rfc822), as `$value` of an itemAttachment. */
  | { kind: 'item'; name: string; mime: Buffer }
  /** A cloud link (OneDrive/SharePoint): listed, but `$value` answers 405 as with Microsoft. */
  | { kind: 'reference'; name: string; sourceUrl: string; contentType?: string };

export interface NewMail {
  from: NewMailAddress;
  to?: NewMailAddress[];
  subject: string;
  /** Plain-text body. */
  body?: string;
  /** ISO date-time; default: now. */
  receivedAt?: string;
  isRead?: boolean;
  /** RFC 5322 Message-ID; generated when missing. */
  internetMessageId?: string;
  attachments?: NewMailAttachment[];
}
