import type { EmulatorContext } from './context.js';
import type { Mailbox } from './directory.js';
import { hasAnyScope, type GraphCaller } from './graph-auth.js';
import { accessDenied, GraphError, itemNotFound } from './graph-errors.js';
import type { StoredFolder, StoredMessage } from './mail-model.js';
import type { MailboxStore } from './mailbox-store.js';

const OWN_MAIL_SCOPES = ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite', 'Mail.Read.Shared', 'Mail.ReadWrite.Shared'];
const SHARED_MAIL_SCOPES = ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'];
const WRITE_OWN_SCOPES = ['Mail.ReadWrite', 'Mail.ReadWrite.Shared'];
const WRITE_SHARED_SCOPES = ['Mail.ReadWrite.Shared'];

/** Both `/me/…` and `/users/{id | upn}/…`, like Graph. */
export function mailPaths(suffix: string): string[] {
  return [`/v1.0/me${suffix}`, `/v1.0/users/:user${suffix}`];
}

const invalidUser = (id: string): GraphError =>
  new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);

/**
 * Graph's rules for `/users/{id}/mailFolders/...`, as the product's connection test meets them: the own mailbox
 * needs any Mail.* scope; another mailbox needs a *.Shared scope AND delegated access for the signed-in user
 * (else 403 ErrorAccessDenied); a mailbox that does not exist, or lives in another tenant, is 404 ErrorInvalidUser.
 * Changes (move, PATCH, new folders) need a ReadWrite scope.
 */
export function openMailbox(
  ctx: EmulatorContext,
  caller: GraphCaller,
  idOrAddress: string,
  access: 'read' | 'write' = 'read',
): Mailbox {
  const mailbox = ctx.directory.findMailbox(idOrAddress);
  if (!mailbox || mailbox.tenantId !== caller.account.tenantId) throw invalidUser(idOrAddress);
  if (mailbox.owner?.oid === caller.account.oid) {
    if (!hasAnyScope(caller, access === 'write' ? WRITE_OWN_SCOPES : OWN_MAIL_SCOPES)) throw accessDenied();
    return mailbox;
  }
  const granted = ctx.state.settings.mailboxAccess.get(caller.account.upn.toLowerCase());
  const scopes = access === 'write' ? WRITE_SHARED_SCOPES : SHARED_MAIL_SCOPES;
  if (!hasAnyScope(caller, scopes) || !granted?.has(mailbox.address)) throw accessDenied();
  return mailbox;
}

/** The mailbox's store, after the access checks (`user` undefined: `/me`). */
export function mailboxStore(
  ctx: EmulatorContext,
  caller: GraphCaller,
  user: string | undefined,
  access: 'read' | 'write' = 'read',
): MailboxStore {
  return ctx.mail.box(openMailbox(ctx, caller, user ?? caller.account.upn, access));
}

/** A folder by id or well-known name (any case, e.g. `Inbox`), else 404 ErrorItemNotFound. */
export function requireFolder(box: MailboxStore, idOrName: string | undefined): StoredFolder {
  const folder = box.folder(idOrName ?? '');
  if (!folder) throw itemNotFound();
  return folder;
}

/** A message by immutable id or current REST id; a REST id from before a move is 404 ErrorItemNotFound. */
export function requireMessage(box: MailboxStore, id: string | undefined): StoredMessage {
  const message = box.findMessage(id ?? '');
  if (!message) throw itemNotFound();
  return message;
}
