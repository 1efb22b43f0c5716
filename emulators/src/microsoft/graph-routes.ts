import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { authenticateGraphCaller, hasAnyScope, type GraphCaller } from './graph-auth.js';
import { GraphError, graphHeaders, graphRequestIds, insufficientPrivileges, sendGraphError } from './graph-errors.js';
import { inboxMessages, inboxResource, openMailbox, requireInbox } from './graph-mail.js';
import { applySelect, pagingOf, selectOf } from './graph-odata.js';
import type { MicrosoftAccount } from './types.js';

type GraphParams = { user?: string; folder?: string };
type Handler = (caller: GraphCaller, req: FastifyRequest<{ Params: GraphParams }>) => Record<string, unknown>;

const PROFILE_SCOPES = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All'];
const DIRECTORY_SCOPES = ['User.ReadBasic.All', 'User.Read.All'];
const MESSAGE_PROPERTIES = [
  'id',
  'createdDateTime',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'subject',
  'bodyPreview',
  'importance',
  'isRead',
  'from',
  'toRecipients',
];
const FOLDER_PROPERTIES = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'sizeInBytes',
  'isHidden',
];
const USER_PROPERTIES = [
  'id',
  'businessPhones',
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'userPrincipalName',
];

function userResource(origin: string, account: MicrosoftAccount): Record<string, unknown> {
  const [givenName, ...rest] = account.displayName.split(' ');
  return {
    '@odata.context': `${origin}/v1.0/$metadata#users/$entity`,
    businessPhones: [],
    displayName: account.displayName,
    givenName: givenName ?? null,
    jobTitle: null,
    mail: account.upn,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'de-DE',
    surname: rest.join(' ') || null,
    userPrincipalName: account.upn,
    id: account.oid,
  };
}

/** Wraps a handler: bearer check, Graph headers, Graph-shaped errors. */
function graph(ctx: EmulatorContext, handler: Handler) {
  return async (req: FastifyRequest<{ Params: GraphParams }>, reply: FastifyReply): Promise<FastifyReply> => {
    try {
      const caller = authenticateGraphCaller(ctx, req);
      const body = handler(caller, req);
      return graphHeaders(reply, graphRequestIds(req))
        .type('application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8')
        .send(body);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      const challenge: Record<string, string> =
        err.status === 401
          ? {
              'www-authenticate': `Bearer realm="", authorization_uri="${ctx.origin}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
            }
          : {};
      return sendGraphError(reply, req, err, challenge);
    }
  };
}

/** `me` or the caller's own id/UPN is the caller; anything else needs directory read permissions. */
function userOf(ctx: EmulatorContext, caller: GraphCaller, id: string | undefined): MicrosoftAccount {
  const self = caller.account;
  if (id === undefined || id.toLowerCase() === self.upn.toLowerCase() || id === self.oid) {
    if (!hasAnyScope(caller, PROFILE_SCOPES)) throw insufficientPrivileges();
    return self;
  }
  if (!hasAnyScope(caller, DIRECTORY_SCOPES)) throw insufficientPrivileges();
  const mailbox = ctx.directory.findMailbox(id);
  const other = mailbox?.owner;
  if (!other || other.tenantId !== self.tenantId) {
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return other;
}

export function registerGraphRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const user: Handler = (caller, req) =>
    applySelect(
      userResource(ctx.origin, userOf(ctx, caller, req.params.user)),
      selectOf(req.query, USER_PROPERTIES, 'microsoft.graph.user'),
    );

  const inbox: Handler = (caller, req) => {
    const mailbox = openMailbox(ctx, caller, req.params.user ?? caller.account.upn);
    requireInbox(mailbox, req.params.folder ?? '');
    return applySelect(
      inboxResource(ctx.origin, mailbox),
      selectOf(req.query, FOLDER_PROPERTIES, 'microsoft.graph.mailFolder'),
    );
  };

  const messages: Handler = (caller, req) => {
    const mailbox = openMailbox(ctx, caller, req.params.user ?? caller.account.upn);
    requireInbox(mailbox, req.params.folder ?? '');
    const select = selectOf(req.query, MESSAGE_PROPERTIES, 'microsoft.graph.message');
    const { top, skip } = pagingOf(req.query);
    const all = inboxMessages(mailbox);
    const value = all
      .slice(skip, skip + top)
      .map((message) => applySelect({ '@odata.etag': `W/"${message.id.slice(-12)}"`, ...message }, select));
    const base = `${ctx.origin}${req.url.split('?')[0] ?? ''}`;
    const body: Record<string, unknown> = {
      '@odata.context': `${ctx.origin}/v1.0/$metadata#users('${encodeURIComponent(mailbox.address)}')/mailFolders('Inbox')/messages`,
      value,
    };
    if (skip + top < all.length) {
      const next = new URLSearchParams({ $top: String(top), $skip: String(skip + top) });
      if (select) next.set('$select', select.join(','));
      body['@odata.nextLink'] = `${base}?${next.toString()}`;
    }
    return body;
  };

  app.get('/v1.0/me', graph(ctx, user));
  app.get('/v1.0/users/:user', graph(ctx, user));
  app.get('/v1.0/me/mailFolders/:folder', graph(ctx, inbox));
  app.get('/v1.0/users/:user/mailFolders/:folder', graph(ctx, inbox));
  app.get('/v1.0/me/mailFolders/:folder/messages', graph(ctx, messages));
  app.get('/v1.0/users/:user/mailFolders/:folder/messages', graph(ctx, messages));
}
