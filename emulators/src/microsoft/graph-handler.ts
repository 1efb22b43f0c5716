import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { authenticateGraphCaller, type GraphCaller } from './graph-auth.js';
import { GraphError, graphHeaders, graphRequestIds, sendGraphError } from './graph-errors.js';
import { faultHeaders, graphFault, takeFault } from './traffic.js';

export type GraphRequest = FastifyRequest<{ Params: Record<string, string | undefined> }>;

/** The request's `Prefer` header, as Graph reads it; `applied` becomes the `Preference-Applied` answer. */
export interface Preferences {
  immutableIds: boolean;
  maxPageSize: number | undefined;
  applied: string[];
}

export type GraphResult =
  | { status?: number; body: unknown }
  | { status?: number; stream: Readable | Buffer; contentType: string; length?: number };

export type GraphHandler = (
  caller: GraphCaller,
  req: GraphRequest,
  prefs: Preferences,
) => GraphResult | Promise<GraphResult>;

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Splits `a=1, IdType="ImmutableId"` (also several Prefer headers, which Node joins with ", ") outside quotes. */
function preferenceTokens(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return (joined.match(/(?:[^,"]|"[^"]*")+/g) ?? []).map((token) => token.trim()).filter(Boolean);
}

export function preferencesOf(req: FastifyRequest): Preferences {
  const prefs: Preferences = { immutableIds: false, maxPageSize: undefined, applied: [] };
  for (const token of preferenceTokens(req.headers.prefer)) {
    const [rawName = '', ...rest] = token.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'idtype' && value.toLowerCase() === 'immutableid') {
      prefs.immutableIds = true;
      prefs.applied.push('IdType="ImmutableId"');
    } else if (name === 'odata.maxpagesize' && /^\d{1,6}$/.test(value) && Number(value) > 0) {
      prefs.maxPageSize = Number(value);
    }
  }
  return prefs;
}

function unauthorizedChallenge(ctx: EmulatorContext): Record<string, string> {
  return {
    'www-authenticate': `Bearer realm="", authorization_uri="${ctx.origin}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
  };
}

/**
 * Wraps a Graph handler: bearer check, Prefer/Preference-Applied, Graph headers, Graph-shaped errors. With
 * `changes`, a pending `afterEffect` fault (failNext) answers after the handler carried the change out.
 */
export function graphRoute(ctx: EmulatorContext, handler: GraphHandler, options: { changes?: boolean } = {}) {
  return async (req: GraphRequest, reply: FastifyReply): Promise<FastifyReply> => {
    try {
      const caller = authenticateGraphCaller(ctx, req);
      const prefs = preferencesOf(req);
      const result = await handler(caller, req, prefs);
      if (options.changes) {
        const rule = takeFault(ctx, 'graph', req.url.split('?')[0] ?? '', true);
        if (rule) return sendGraphError(reply, req, graphFault(rule), faultHeaders(rule));
      }
      graphHeaders(reply, graphRequestIds(req)).status(result.status ?? 200);
      if (prefs.applied.length > 0) reply.header('preference-applied', prefs.applied.join(', '));
      if ('stream' in result) {
        if (result.length !== undefined) reply.header('content-length', String(result.length));
        return reply.type(result.contentType).send(result.stream);
      }
      return reply.type(JSON_TYPE).send(result.body);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      return sendGraphError(reply, req, err, err.status === 401 ? unauthorizedChallenge(ctx) : err.headers);
    }
  };
}
