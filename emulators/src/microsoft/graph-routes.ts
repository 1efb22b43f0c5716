import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { hasAnyScope, type GraphCaller } from './graph-auth.js';
import { GraphError, insufficientPrivileges } from './graph-errors.js';
import { graphRoute, type GraphHandler } from './graph-handler.js';
import { registerGraphMailRoutes } from './graph-mail-routes.js';
import { applySelect, selectOf } from './graph-odata.js';
import type { MicrosoftAccount } from './types.js';

const PROFILE_SCOPES = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All'];
const DIRECTORY_SCOPES = ['User.ReadBasic.All', 'User.Read.All'];
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
  const user: GraphHandler = (caller, req) => ({
    body: applySelect(
      userResource(ctx.origin, userOf(ctx, caller, req.params.user)),
      selectOf(req.query, USER_PROPERTIES, 'microsoft.graph.user'),
    ),
  });

  app.get('/v1.0/me', graphRoute(ctx, user));
  app.get('/v1.0/users/:user', graphRoute(ctx, user));
  registerGraphMailRoutes(app, ctx);
}
