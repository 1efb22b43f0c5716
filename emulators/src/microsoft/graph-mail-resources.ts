import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { generatedContent } from './mail-content.js';
import { changeKeyOf } from './mail-ids.js';
import type { StoredAttachment, StoredFolder, StoredMessage } from './mail-model.js';
import type { MailboxStore } from './mailbox-store.js';
import type { NewMailAddress } from './new-mail.js';

/** Graph's JSON for the emulator's store: `message`, `mailFolder` and `attachment` resources. */

export const MESSAGE_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'isRead',
  'isDraft',
  'inferenceClassification',
  'body',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
];

export const FOLDER_PROPERTIES = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'sizeInBytes',
  'isHidden',
];

/** The base type's properties: derived ones (contentBytes …) need a type cast in `$select`, as in Graph. */
export const ATTACHMENT_PROPERTIES = ['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline'];

/** Above this size a file attachment's `contentBytes` is left out of listings (Graph: roughly 3–4 MB). */
export const INLINE_BYTES_LIMIT = 3 * 1024 * 1024;

const recipient = (address: NewMailAddress) => ({ emailAddress: { name: address.name, address: address.address } });

export function messageId(message: StoredMessage, immutableIds: boolean): string {
  return immutableIds ? message.immutableId : message.restId;
}

export function messageEtag(message: StoredMessage): string {
  return `W/"${changeKeyOf(message.immutableId, message.version)}"`;
}

/** Inline images (logos, signatures) do not make a mail "have attachments" in Exchange. */
const hasAttachments = (message: StoredMessage): boolean => message.attachments.some((a) => !a.isInline);

export function messageResource(
  message: StoredMessage,
  immutableIds: boolean,
  expandedPropertyIds?: readonly string[],
): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    '@odata.etag': messageEtag(message),
    id: messageId(message, immutableIds),
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey: changeKeyOf(message.immutableId, message.version),
    categories: [...message.categories],
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    hasAttachments: hasAttachments(message),
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: message.body.replace(/\s+/g, ' ').trim().slice(0, 255),
    importance: message.importance,
    parentFolderId: message.folderId,
    conversationId: message.conversationId,
    isRead: message.isRead,
    isDraft: false,
    inferenceClassification: 'focused',
    body: { contentType: 'text', content: message.body },
    sender: recipient(message.from),
    from: recipient(message.from),
    toRecipients: message.to.map(recipient),
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: message.flagStatus },
  };
  if (expandedPropertyIds) {
    const wanted = new Set(expandedPropertyIds.map((id) => id.toLowerCase()));
    const properties = [...message.extendedProperties.entries()]
      .filter(([key]) => wanted.size === 0 || wanted.has(key))
      .map(([, property]) => ({ id: property.id, value: property.value }));
    // Graph leaves the navigation property out when the message has none of the requested properties.
    if (properties.length > 0) resource.singleValueExtendedProperties = properties;
  }
  return resource;
}

export function folderResource(box: MailboxStore, folder: StoredFolder): Record<string, unknown> {
  const messages = box.messagesIn(folder.id);
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId ?? null,
    childFolderCount: box.childFoldersOf(folder.id).length,
    unreadItemCount: messages.filter((message) => !message.isRead).length,
    totalItemCount: messages.length,
    sizeInBytes: messages.reduce(
      (sum, message) => sum + 4096 + message.attachments.reduce((bytes, a) => bytes + a.size, 0),
      0,
    ),
    isHidden: folder.isHidden,
  };
}

const ODATA_TYPES: Record<StoredAttachment['kind'], string> = {
  file: '#microsoft.graph.fileAttachment',
  item: '#microsoft.graph.itemAttachment',
  reference: '#microsoft.graph.referenceAttachment',
};

/** Small file attachments carry their bytes base64-encoded, large ones don't (download `$value` instead). */
export async function attachmentResource(
  attachment: StoredAttachment,
  withBytes: boolean,
): Promise<Record<string, unknown>> {
  const resource: Record<string, unknown> = {
    '@odata.type': ODATA_TYPES[attachment.kind],
    id: attachment.id,
    lastModifiedDateTime: attachment.lastModifiedDateTime,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
  };
  if (attachment.kind === 'file') {
    resource['@odata.mediaContentType'] = attachment.contentType;
    resource.contentId = attachment.contentId;
    resource.contentLocation = null;
    if (withBytes && attachment.size <= INLINE_BYTES_LIMIT) {
      resource.contentBytes = (await attachmentBytes(attachment)).toString('base64');
    }
  }
  return resource;
}

/** The raw content of a file attachment, as `$value` sends it: generated ones are made while streaming. */
export function fileAttachmentContent(attachment: StoredAttachment): Buffer | Readable {
  const content = attachment.content;
  if (content === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(content)) return content;
  const looksLike = content.contentType ?? attachment.contentType ?? '';
  return generatedContent(content.size, content.seed ?? attachment.name, looksLike);
}

/** Only used below INLINE_BYTES_LIMIT. */
async function attachmentBytes(attachment: StoredAttachment): Promise<Buffer> {
  const content = fileAttachmentContent(attachment);
  return Buffer.isBuffer(content) ? content : buffer(content);
}
