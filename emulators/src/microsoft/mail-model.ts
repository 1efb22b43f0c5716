import type { NewMailAddress, NewMailContent } from './new-mail.js';

/** The emulator's Exchange store, in memory: what Graph's message, attachment and mailFolder resources show. */

export interface StoredAttachment {
  id: string;
  kind: 'file' | 'item' | 'reference';
  name: string;
  contentType: string | null;
  size: number;
  isInline: boolean;
  contentId: string | null;
  lastModifiedDateTime: string;
  /** file attachments */
  content?: NewMailContent;
  /** item attachments: the attached mail's MIME */
  mime?: Buffer;
  /** reference attachments */
  sourceUrl?: string;
}

export interface ExtendedProperty {
  /** As the client sent it first, e.g. `String {00020329-0000-0000-c000-000000000046} Name ecm365Import`. */
  id: string;
  value: string;
}

export type FlagStatus = 'notFlagged' | 'flagged' | 'complete';
export type Importance = 'low' | 'normal' | 'high';

export interface StoredMessage {
  immutableId: string;
  restId: string;
  /** How often it was moved: the REST id is derived from it. */
  moves: number;
  folderId: string;
  /** Bumped on every change; the change key and etag derive from it. */
  version: number;
  /** Store sequence of the last change, and of its arrival in the current folder (delta's created vs updated). */
  changedSeq: number;
  arrivedSeq: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  subject: string;
  body: string;
  from: NewMailAddress;
  to: NewMailAddress[];
  isRead: boolean;
  importance: Importance;
  categories: string[];
  flagStatus: FlagStatus;
  internetMessageId: string;
  conversationId: string;
  /** Keyed by the lower-cased property id (Exchange matches them case-insensitively). */
  extendedProperties: Map<string, ExtendedProperty>;
  attachments: StoredAttachment[];
}

export interface StoredFolder {
  id: string;
  displayName: string;
  /** undefined for the root (msgfolderroot). */
  parentFolderId: string | undefined;
  wellKnownName?: string;
  isHidden: boolean;
}

/** A message that left a folder (moved away): delta reports it as `@removed`. */
export interface Tombstone {
  folderId: string;
  immutableId: string;
  restId: string;
  receivedDateTime: string;
  seq: number;
}
