import { randomUUID } from 'node:crypto';
import {
  attachmentId,
  childFolderId,
  conversationIdOf,
  immutableMessageId,
  restMessageId,
  wellKnownFolderId,
} from './mail-ids.js';
import type { FlagStatus, Importance, StoredAttachment, StoredFolder, StoredMessage, Tombstone } from './mail-model.js';
import type { NewMail, NewMailAttachment } from './new-mail.js';

/** Well-known folders every mailbox has, with the display names of a German-language mailbox. */
const WELL_KNOWN_FOLDERS: Array<{ name: string; displayName: string; hidden?: boolean }> = [
  { name: 'inbox', displayName: 'Posteingang' },
  { name: 'drafts', displayName: 'Entwürfe' },
  { name: 'sentitems', displayName: 'Gesendete Elemente' },
  { name: 'deleteditems', displayName: 'Gelöschte Elemente' },
  { name: 'archive', displayName: 'Archiv' },
];

/** Enough for any test; the oldest go first, and a delta token older than them is expired (syncStateNotFound). */
const MAX_TOMBSTONES = 10_000;

export interface MessageChanges {
  isRead?: boolean;
  categories?: string[];
  flagStatus?: FlagStatus;
  importance?: Importance;
  extendedProperties?: Array<{ id: string; value: string }>;
}

function attachmentSize(attachment: NewMailAttachment): number {
  if (attachment.kind === 'item') return attachment.mime.length;
  if (attachment.kind === 'reference') return 0;
  return Buffer.isBuffer(attachment.content) ? attachment.content.length : attachment.content.size;
}

function storedAttachment(attachment: NewMailAttachment, id: string, at: string): StoredAttachment {
  const base = { id, name: attachment.name, size: attachmentSize(attachment), lastModifiedDateTime: at };
  switch (attachment.kind) {
    case 'file':
      return {
        ...base,
        kind: 'file',
        contentType: attachment.contentType,
        isInline: attachment.isInline ?? false,
        contentId: attachment.contentId ?? null,
        content: attachment.content,
      };
    case 'item':
      return { ...base, kind: 'item', contentType: null, isInline: false, contentId: null, mime: attachment.mime };
    case 'reference':
      return {
        ...base,
        kind: 'reference',
        contentType: attachment.contentType ?? null,
        isInline: false,
        contentId: null,
        sourceUrl: attachment.sourceUrl,
      };
  }
}

/** One mailbox's folders and messages, with the change sequence delta queries are computed from. */
export class MailboxStore {
  readonly folders = new Map<string, StoredFolder>();
  private readonly messages = new Map<string, StoredMessage>();
  /** Current REST id → immutable id; a REST id from before a move is no longer here (404, as in Exchange). */
  private readonly restIndex = new Map<string, string>();
  private tombstones: Tombstone[] = [];
  /** Delta tokens older than this sequence may have missed removals: they are expired. */
  tombstoneFloor = 0;
  seq = 0;
  private readonly deliveries = new Map<string, number>();
  private childFolders = 0;
  readonly rootId: string;
  readonly inboxId: string;

  constructor(readonly address: string) {
    this.rootId = wellKnownFolderId(address, 'msgfolderroot');
    this.folders.set(this.rootId, {
      id: this.rootId,
      displayName: 'Oberste Ebene des Informationsspeichers',
      parentFolderId: undefined,
      wellKnownName: 'msgfolderroot',
      isHidden: false,
    });
    for (const folder of WELL_KNOWN_FOLDERS) {
      const id = wellKnownFolderId(address, folder.name);
      this.folders.set(id, {
        id,
        displayName: folder.displayName,
        parentFolderId: this.rootId,
        wellKnownName: folder.name,
        isHidden: folder.hidden ?? false,
      });
    }
    this.inboxId = wellKnownFolderId(address, 'inbox');
  }

  /** A folder by id or well-known name (any case), as Graph resolves `/mailFolders/{id}`. */
  folder(idOrName: string): StoredFolder | undefined {
    const byId = this.folders.get(idOrName);
    if (byId) return byId;
    const name = idOrName.toLowerCase();
    for (const folder of this.folders.values()) if (folder.wellKnownName === name) return folder;
    return undefined;
  }

  childFoldersOf(folderId: string): StoredFolder[] {
    return [...this.folders.values()].filter((folder) => folder.parentFolderId === folderId);
  }

  /** Exchange refuses a second child of the same name (compared case-insensitively): undefined then. */
  createChildFolder(parentId: string, displayName: string, isHidden: boolean): StoredFolder | undefined {
    const wanted = displayName.toLowerCase();
    if (this.childFoldersOf(parentId).some((folder) => folder.displayName.toLowerCase() === wanted)) return undefined;
    this.childFolders += 1;
    const folder: StoredFolder = {
      id: childFolderId(this.address, this.childFolders),
      displayName,
      parentFolderId: parentId,
      isHidden,
    };
    this.folders.set(folder.id, folder);
    return folder;
  }

  /** Files a validated new mail into a folder, as the transport would on arrival. */
  deliver(mail: NewMail, folderId: string): StoredMessage {
    const internetMessageId = mail.internetMessageId ?? `<${randomUUID()}@emulator.example>`;
    const delivery = (this.deliveries.get(internetMessageId) ?? 0) + 1;
    this.deliveries.set(internetMessageId, delivery);
    const immutableId = immutableMessageId(this.address, internetMessageId, delivery);
    const received = new Date(mail.receivedAt ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const seq = ++this.seq;
    const message: StoredMessage = {
      immutableId,
      restId: restMessageId(immutableId, 0),
      moves: 0,
      folderId,
      version: 1,
      changedSeq: seq,
      arrivedSeq: seq,
      createdDateTime: received,
      lastModifiedDateTime: received,
      receivedDateTime: received,
      sentDateTime: received,
      subject: mail.subject,
      body: mail.body ?? '',
      from: mail.from,
      to: mail.to ?? [{ name: this.address, address: this.address }],
      isRead: mail.isRead ?? false,
      importance: 'normal',
      categories: [...(mail.categories ?? [])],
      flagStatus: 'notFlagged',
      internetMessageId,
      conversationId: conversationIdOf(this.address, mail.subject),
      extendedProperties: new Map(),
      attachments: (mail.attachments ?? []).map((attachment, index) =>
        storedAttachment(attachment, attachmentId(immutableId, index), received),
      ),
    };
    this.messages.set(immutableId, message);
    this.restIndex.set(message.restId, immutableId);
    return message;
  }

  /** By immutable id (always valid) or the current REST id. */
  findMessage(id: string): StoredMessage | undefined {
    return this.messages.get(id) ?? this.messages.get(this.restIndex.get(id) ?? '');
  }

  messagesIn(folderId: string): StoredMessage[] {
    return [...this.messages.values()].filter((message) => message.folderId === folderId);
  }

  allMessages(): StoredMessage[] {
    return [...this.messages.values()];
  }

  /** Exchange's move: a new item in the target folder (new REST id), a removal in the source folder. */
  move(message: StoredMessage, destinationId: string): StoredMessage {
    if (message.folderId === destinationId) return message;
    const seq = ++this.seq;
    this.addTombstone({
      folderId: message.folderId,
      immutableId: message.immutableId,
      restId: message.restId,
      receivedDateTime: message.receivedDateTime,
      seq,
    });
    this.restIndex.delete(message.restId);
    message.moves += 1;
    message.restId = restMessageId(message.immutableId, message.moves);
    this.restIndex.set(message.restId, message.immutableId);
    message.folderId = destinationId;
    message.arrivedSeq = seq;
    this.touch(message, seq);
    return message;
  }

  update(message: StoredMessage, changes: MessageChanges): StoredMessage {
    if (changes.isRead !== undefined) message.isRead = changes.isRead;
    if (changes.categories !== undefined) message.categories = [...changes.categories];
    if (changes.flagStatus !== undefined) message.flagStatus = changes.flagStatus;
    if (changes.importance !== undefined) message.importance = changes.importance;
    for (const property of changes.extendedProperties ?? []) {
      const key = property.id.toLowerCase();
      const known = message.extendedProperties.get(key);
      message.extendedProperties.set(key, { id: known?.id ?? property.id, value: property.value });
    }
    this.touch(message, ++this.seq);
    return message;
  }

  tombstonesSince(folderId: string, seq: number): Tombstone[] {
    return this.tombstones.filter((tombstone) => tombstone.folderId === folderId && tombstone.seq > seq);
  }

  private touch(message: StoredMessage, seq: number): void {
    message.version += 1;
    message.changedSeq = seq;
    message.lastModifiedDateTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private addTombstone(tombstone: Tombstone): void {
    this.tombstones.push(tombstone);
    if (this.tombstones.length > MAX_TOMBSTONES) {
      const dropped = this.tombstones.splice(0, this.tombstones.length - MAX_TOMBSTONES);
      this.tombstoneFloor = dropped.at(-1)?.seq ?? this.tombstoneFloor;
    }
  }
}
