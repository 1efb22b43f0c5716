import { ControlInputError } from './control-input-error.js';
import type { Directory, Mailbox } from './directory.js';
import type { MailStore } from './mail-store.js';
import { checkNewMail } from './new-mail-check.js';
import type { DeliveredMail, NewMail } from './new-mail.js';
import type { MailboxSnapshot } from './types.js';

/** The mail knobs of the controls: drop mail in, look into a mailbox, expire or replay its delta state. */
export function createMailControls(mail: MailStore, directory: Directory) {
  const mailboxOf = (address: string): Mailbox => {
    const found = typeof address === 'string' ? directory.findMailbox(address) : undefined;
    if (!found) throw new ControlInputError(`unknown mailbox '${String(address)}'`);
    return found;
  };

  return {
    deliverMail(mailbox: string, newMail: NewMail): DeliveredMail {
      const box = mail.box(mailboxOf(mailbox));
      const message = box.deliver(checkNewMail(newMail), box.inboxId);
      return {
        id: message.restId,
        immutableId: message.immutableId,
        internetMessageId: message.internetMessageId,
        parentFolderId: message.folderId,
        attachments: message.attachments.map(({ id, name, size }) => ({ id, name, size })),
      };
    },

    listMailbox(mailbox: string): MailboxSnapshot {
      const box = mail.box(mailboxOf(mailbox));
      const folders = [...box.folders.values()];
      return {
        address: box.address,
        folders: folders.map((folder) => ({
          id: folder.id,
          displayName: folder.displayName,
          parentFolderId: folder.parentFolderId ?? null,
          wellKnownName: folder.wellKnownName ?? null,
          totalItemCount: box.messagesIn(folder.id).length,
        })),
        messages: box
          .allMessages()
          .sort((a, b) => a.receivedDateTime.localeCompare(b.receivedDateTime))
          .map((message) => ({
            id: message.restId,
            immutableId: message.immutableId,
            parentFolderId: message.folderId,
            folderName: box.folders.get(message.folderId)?.displayName ?? '',
            subject: message.subject,
            from: message.from.address,
            receivedDateTime: message.receivedDateTime,
            isRead: message.isRead,
            internetMessageId: message.internetMessageId,
            categories: [...message.categories],
            singleValueExtendedProperties: [...message.extendedProperties.values()].map(({ id, value }) => ({
              id,
              value,
            })),
            attachments: message.attachments.map(({ id, kind, name, contentType, size, isInline }) => ({
              id,
              kind,
              name,
              contentType,
              size,
              isInline,
            })),
          })),
      };
    },

    expireDeltaTokens(mailbox: string): void {
      mail.deltaTokens.expireMailbox(mailboxOf(mailbox).address);
    },

    replayDelta(mailbox: string): void {
      mail.replayNextRound.add(mailboxOf(mailbox).address);
    },
  };
}
