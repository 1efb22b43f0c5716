import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { correlationIdFrom, EntraError } from './entra-errors.js';
import { GraphError, sendGraphError } from './graph-errors.js';
import { sendEntraError } from './http.js';
import type { FaultRule } from './state.js';
import { grantTypeLabel } from './token-routes.js';
import type { FaultStatus, FaultTarget } from './types.js';

const TOKEN_PATH = /^\/[^/]+\/oauth2\/v2\.0\/token$/;

function classify(url: string): { target: FaultTarget; path: string } | undefined {
  const path = url.split('?')[0] ?? '';
  if (path === '/v1.0' || path.startsWith('/v1.0/')) return { target: 'graph', path };
  if (TOKEN_PATH.test(path)) return { target: 'token', path };
  return undefined;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Compared decoded and case-insensitively: `/users/a%40b.example` and `/users/A@b.example` are one path. */
function pathMatches(rule: FaultRule, path: string): boolean {
  if (rule.path === undefined) return true;
  const wanted = decoded(rule.path).toLowerCase().replace(/\/+$/, '');
  const actual = decoded(path).toLowerCase();
  return actual === wanted || actual.startsWith(`${wanted}/`);
}

/**
 * Takes one use of the first matching failNext rule, if any. `afterEffect` rules are taken by the mail routes once
 * a change was carried out; the traffic hook takes only the others.
 */
export function takeFault(
  ctx: EmulatorContext,
  target: FaultTarget,
  path: string,
  afterEffect = false,
): FaultRule | undefined {
  const faults = ctx.state.settings.faults;
  const rule = faults.find(
    (candidate) =>
      candidate.target === target && (candidate.afterEffect ?? false) === afterEffect && pathMatches(candidate, path),
  );
  if (!rule) return undefined;
  rule.remaining -= 1;
  if (rule.remaining <= 0) faults.splice(faults.indexOf(rule), 1);
  return rule;
}

const GRAPH_FAULTS: Record<FaultStatus, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Retry after the time given in the Retry-After header.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  502: ['BadGateway', 'The gateway received an invalid response.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please try again later.'],
  504: ['GatewayTimeout', 'The gateway did not receive a response in time.'],
};

export function graphFault(rule: FaultRule): GraphError {
  const [code, message] = GRAPH_FAULTS[rule.status];
  return new GraphError(rule.status, code, message);
}

export const faultHeaders = (rule: FaultRule): Record<string, string> =>
  rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) };

function sendFault(
  ctx: EmulatorContext,
  req: FastifyRequest,
  reply: FastifyReply,
  target: FaultTarget,
  rule: FaultRule,
): FastifyReply {
  const headers = faultHeaders(rule);
  if (target === 'graph') return sendGraphError(reply, req, graphFault(rule), headers);
  const error =
    rule.status === 429
      ? new EntraError(
          'temporarily_unavailable',
          90055,
          'The request has been throttled. Retry after the interval in the Retry-After header.',
          { status: 429 },
        )
      : new EntraError('temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.', {
          status: rule.status,
        });
  reply.headers(headers);
  return sendEntraError(reply, error, {
    origin: ctx.origin,
    correlationId: correlationIdFrom(req.headers['client-request-id']),
  });
}

/**
 * Counts Graph and token traffic (throttled attempts included, so tests can see retries), then applies the
 * configured latency and failNext faults. Runs as preHandler, i.e. after body parsing (the token stats need
 * `grant_type`) and before the route.
 */
export function registerTrafficHooks(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addHook('preHandler', async (req, reply) => {
    const hit = classify(req.url);
    if (!hit) return;
    if (hit.target === 'graph') ctx.state.countGraphRequest(hit.path);
    else ctx.state.countTokenRequest(grantTypeLabel(req.body));
    const latency = ctx.state.settings.latencyMs[hit.target];
    if (latency > 0) await sleep(latency);
    const rule = takeFault(ctx, hit.target, hit.path);
    if (rule) return sendFault(ctx, req, reply, hit.target, rule);
    return undefined;
  });
}
