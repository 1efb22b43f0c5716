import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext } from './context.js';
import { EntraError, missingParameter, unknownClient } from './entra-errors.js';
import { param } from './http.js';
import type { MicrosoftClientRegistration } from './types.js';

/** client_secret_basic: `Authorization: Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Authenticates the confidential client. msal-node sends client_id and client_secret in the body
 * (client_secret_post); Basic auth is accepted too. Error codes and statuses follow Entra: unknown app 400
 * unauthorized_client AADSTS700016, wrong secret 401 invalid_client AADSTS7000215, expired 401 AADSTS7000222.
 */
export function authenticateClient(
  ctx: EmulatorContext,
  body: unknown,
  authorization: string | undefined,
  tenantLabel: string,
): MicrosoftClientRegistration {
  const basic = basicCredentials(authorization);
  const clientId = param(body, 'client_id') ?? basic?.id;
  if (!clientId) throw missingParameter('client_id');
  const client = ctx.directory.findClient(clientId);
  if (!client) throw unknownClient(clientId, tenantLabel);
  const secret = param(body, 'client_secret') ?? (basic?.id === clientId ? basic.secret : undefined);
  if (!secret) {
    throw new EntraError(
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      { status: 401 },
    );
  }
  // Compare digests so the comparison takes the same time whatever the secret's length.
  if (!timingSafeEqual(digest(secret), digest(client.clientSecret))) {
    throw new EntraError(
      'invalid_client',
      7000215,
      'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, ' +
        `not the client secret ID, for a secret added to app '${clientId}'.`,
      { status: 401 },
    );
  }
  if (ctx.state.settings.expiredSecrets.has(clientId)) {
    throw new EntraError(
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new ` +
        'keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added ' +
        'security: https://aka.ms/certCreds.',
      { status: 401 },
    );
  }
  return client;
}
