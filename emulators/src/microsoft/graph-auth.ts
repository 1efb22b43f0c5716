import type { FastifyRequest } from 'fastify';
import { nowSeconds, type EmulatorContext } from './context.js';
import { GraphError } from './graph-errors.js';
import { verifyJwt } from './jwt.js';
import { GRAPH_AUDIENCE } from './token-issuer.js';
import type { MicrosoftAccount } from './types.js';

export interface GraphCaller {
  account: MicrosoftAccount;
  scopes: ReadonlySet<string>;
}

const invalidToken = (message: string): GraphError => new GraphError(401, 'InvalidAuthenticationToken', message);

/** Graph's answer to a missing or bad bearer token is 401 InvalidAuthenticationToken, with Graph's wording. */
export function authenticateGraphCaller(ctx: EmulatorContext, req: FastifyRequest): GraphCaller {
  const header = req.headers.authorization;
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) throw invalidToken('Access token is empty.');
  const result = verifyJwt(ctx.publishedKeys, match[1], nowSeconds());
  if (!result.ok) {
    if (result.reason === 'malformed') throw invalidToken('IDX14100: JWT is not well formed.');
    if (result.reason === 'expired' || result.reason === 'not_yet_valid') {
      throw invalidToken('Lifetime validation failed, the token is expired.');
    }
    throw invalidToken('Access token validation failure. Invalid signature.');
  }
  const { claims } = result;
  const issuerPrefix = `${ctx.origin}/`;
  if (claims.aud !== GRAPH_AUDIENCE || typeof claims.iss !== 'string' || !claims.iss.startsWith(issuerPrefix)) {
    throw invalidToken('Access token validation failure. Invalid audience.');
  }
  const account = typeof claims.oid === 'string' ? ctx.directory.findAccountByOid(claims.oid) : undefined;
  if (!account || claims.tid !== account.tenantId) throw invalidToken('Access token validation failure.');
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ').filter((s) => s.length > 0) : [];
  return { account, scopes: new Set(scp) };
}

export function hasAnyScope(caller: GraphCaller, scopes: readonly string[]): boolean {
  return scopes.some((scope) => caller.scopes.has(scope));
}
