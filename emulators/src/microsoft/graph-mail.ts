import type { EmulatorContext } from './context.js';
import { demoInbox, type DemoMessage } from './demo-mail.js';
import type { Mailbox } from './directory.js';
import { hasAnyScope, type GraphCaller } from './graph-auth.js';
import { accessDenied, GraphError } from './graph-errors.js';

const OWN_MAIL_SCOPES = ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite', 'Mail.Read.Shared', 'Mail.ReadWrite.Shared'];
const SHARED_MAIL_SCOPES = ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'];

const invalidUser = (id: string): GraphError =>
  new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);

/**
 * Graph's rules for `/users/{id}/mailFolders/...`, as the product's connection test meets them: the own mailbox
 * needs any Mail.* scope; another mailbox needs a *.Shared scope AND delegated access for the signed-in user
 * (else 403 ErrorAccessDenied); a mailbox that does not exist, or lives in another tenant, is 404 ErrorInvalidUser.
 */
export function openMailbox(ctx: EmulatorContext, caller: GraphCaller, idOrAddress: string): Mailbox {
  const mailbox = ctx.directory.findMailbox(idOrAddress);
  if (!mailbox || mailbox.tenantId !== caller.account.tenantId) throw invalidUser(idOrAddress);
  if (mailbox.owner?.oid === caller.account.oid) {
    if (!hasAnyScope(caller, OWN_MAIL_SCOPES)) throw accessDenied();
    return mailbox;
  }
  const access = ctx.state.settings.mailboxAccess.get(caller.account.upn.toLowerCase());
  if (!hasAnyScope(caller, SHARED_MAIL_SCOPES) || !access?.has(mailbox.address)) throw accessDenied();
  return mailbox;
}

export function inboxId(mailbox: Mailbox): string {
  return `AAMkInbox${Buffer.from(mailbox.address).toString('base64url')}`;
}

/** Only the inbox exists; Graph accepts its well-known name in any case, or its id. */
export function requireInbox(mailbox: Mailbox, folder: string): void {
  if (folder.toLowerCase() !== 'inbox' && folder !== inboxId(mailbox)) {
    throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }
}

export function inboxMessages(mailbox: Mailbox): DemoMessage[] {
  return demoInbox(mailbox.address, mailbox.shared);
}

export function inboxResource(origin: string, mailbox: Mailbox): Record<string, unknown> {
  const messages = inboxMessages(mailbox);
  return {
    '@odata.context': `${origin}/v1.0/$metadata#users('${encodeURIComponent(mailbox.address)}')/mailFolders/$entity`,
    id: inboxId(mailbox),
    displayName: 'Posteingang',
    parentFolderId: `AAMkRoot${Buffer.from(mailbox.address).toString('base64url')}`,
    childFolderCount: 0,
    unreadItemCount: messages.filter((message) => !message.isRead).length,
    totalItemCount: messages.length,
    sizeInBytes: messages.length * 48_213,
    isHidden: false,
  };
}
