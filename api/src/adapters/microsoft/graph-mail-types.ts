import type { Readable } from 'node:stream';

/** Plain facts of Graph's mail resources, as the import engine needs them (nothing Graph-shaped leaks past here). */

/**
 * The invisible marker ecm365 may put on a mail it handled (a single-value extended property; MAPI named property
 * in ecm365's own property set). Read back with `$expand`, never shown in Outlook.
 */
export const IMPORT_MARKER_PROPERTY_ID = 'String {5f1e0f7a-3c2b-4d9e-8a61-ec365a11b0c1} Name ecm365Import';

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailMessage {
  /** Immutable id (every call sends `Prefer: IdType="ImmutableId"`): stays the same when the mail is moved. */
  id: string;
  parentFolderId: string;
  receivedDateTime: string;
  from: MailAddress | undefined;
  subject: string;
  isRead: boolean;
  hasAttachments: boolean;
  internetMessageId: string | undefined;
  categories: string[];
  /** Value of IMPORT_MARKER_PROPERTY_ID, when the mail carries it. */
  importMarker: string | undefined;
}

/**
 * A message as delta reports it. A new one comes with every selected property (`complete`); an update of one the
 * client already has may come with only `id`, `isRead` and `parentFolderId` (Exchange does so, whatever `$select`
 * asked for): read it with getMessage when the rest is needed, never take the missing values as empty.
 */
export type DeltaMessage = { id: string; complete: boolean } & Partial<Omit<MailMessage, 'id' | 'importMarker'>>;

export interface DeltaPage {
  /** Messages new or changed in the folder (a message may come again in later pages or rounds: replays). */
  messages: DeltaMessage[];
  /** Ids of messages that left the folder (`@removed`). */
  removedIds: string[];
  /** More pages follow: continue with this link (store it with the page, resume only from the latest). */
  nextLink: string | undefined;
  /** The round is complete: start the next round with this link. */
  deltaLink: string | undefined;
}

export type MailAttachmentKind = 'file' | 'item' | 'reference';

export interface MailAttachment {
  id: string;
  /** file: bytes to download; item: an attached Outlook item (a forwarded mail: its MIME); reference: a cloud link. */
  kind: MailAttachmentKind;
  name: string;
  contentType: string | undefined;
  size: number;
  isInline: boolean;
}

export interface MailFolderRef {
  id: string;
  displayName: string;
  /** Whether this call created it (false: it existed). */
  created: boolean;
}

/** A download in progress. Consume or destroy `stream`: it holds one of the mailbox's request slots until then. */
export interface MailDownload {
  stream: Readable;
  contentType: string | undefined;
  /** From Content-Length, when Graph sent one. */
  contentLength: number | undefined;
}

export interface MessageUpdate {
  isRead?: boolean;
  /** Sets IMPORT_MARKER_PROPERTY_ID to this value. */
  importMarker?: string;
}

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function address(value: unknown): MailAddress | undefined {
  const email = (value as { emailAddress?: Json } | undefined)?.emailAddress;
  const mail = str(email?.address);
  return mail === undefined ? undefined : { name: str(email?.name) ?? '', address: mail };
}

/** Only what the answer has: delta may leave properties out. */
export function toDeltaMessage(resource: Json): DeltaMessage {
  const id = str(resource.id);
  if (!id) throw new TypeError('Graph message without id');
  const message: DeltaMessage = { id, complete: false };
  if (typeof resource.parentFolderId === 'string') message.parentFolderId = resource.parentFolderId;
  if (typeof resource.receivedDateTime === 'string') message.receivedDateTime = resource.receivedDateTime;
  if ('from' in resource) message.from = address(resource.from);
  if (typeof resource.subject === 'string') message.subject = resource.subject;
  if (typeof resource.isRead === 'boolean') message.isRead = resource.isRead;
  if (typeof resource.hasAttachments === 'boolean') message.hasAttachments = resource.hasAttachments;
  if ('internetMessageId' in resource) message.internetMessageId = str(resource.internetMessageId);
  if (Array.isArray(resource.categories)) {
    message.categories = resource.categories.filter((c): c is string => typeof c === 'string');
  }
  message.complete =
    message.receivedDateTime !== undefined && message.subject !== undefined && message.hasAttachments !== undefined;
  return message;
}

export function toMailMessage(resource: Json): MailMessage {
  const id = str(resource.id);
  if (!id) throw new TypeError('Graph message without id');
  const marker = Array.isArray(resource.singleValueExtendedProperties)
    ? (resource.singleValueExtendedProperties as Json[]).find(
        (property) => str(property.id)?.toLowerCase() === IMPORT_MARKER_PROPERTY_ID.toLowerCase(),
      )
    : undefined;
  return {
    id,
    parentFolderId: str(resource.parentFolderId) ?? '',
    receivedDateTime: str(resource.receivedDateTime) ?? '',
    from: address(resource.from),
    subject: str(resource.subject) ?? '',
    isRead: resource.isRead === true,
    hasAttachments: resource.hasAttachments === true,
    internetMessageId: str(resource.internetMessageId),
    categories: Array.isArray(resource.categories)
      ? resource.categories.filter((c): c is string => typeof c === 'string')
      : [],
    importMarker: str(marker?.value),
  };
}

const KINDS: Record<string, MailAttachmentKind> = {
  '#microsoft.graph.fileAttachment': 'file',
  '#microsoft.graph.itemAttachment': 'item',
  '#microsoft.graph.referenceAttachment': 'reference',
};

export function toMailAttachment(resource: Json): MailAttachment {
  const id = str(resource.id);
  if (!id) throw new TypeError('Graph attachment without id');
  const size = resource.size;
  return {
    id,
    // Graph names derived types; without a name it is the common case (a file), an unknown name is treated like a
    // link: nothing we know how to download.
    kind: resource['@odata.type'] === undefined ? 'file' : (KINDS[str(resource['@odata.type']) ?? ''] ?? 'reference'),
    name: str(resource.name) ?? '',
    contentType: str(resource.contentType),
    size: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : 0,
    isInline: resource.isInline === true,
  };
}
