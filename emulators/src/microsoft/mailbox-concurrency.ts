import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { GraphError, sendGraphError } from './graph-errors.js';

/**
 * Exchange Online's per-mailbox concurrency limit: more than four requests of one app on one mailbox at the same
 * time, and the next is refused with 429 ApplicationThrottled "Application is over its MailboxConcurrency limit."
 * and a Retry-After. Counted from the request's arrival until its response is finished (a streamed download counts
 * the whole time), before latency and failNext faults, so tests can provoke it with `setLatency`.
 */
export const MAILBOX_CONCURRENCY_LIMIT = 4;
const RETRY_AFTER_SECONDS = 1;

const MAIL_PATH = /^\/v1\.0\/(?:users\/([^/]+)|me)\/(?:mailFolders|messages)(?:[/(]|$)/i;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The `oid` of an unverified bearer token, only to know whose `/me` is meant (the route verifies the token). */
function oidOf(authorization: string | undefined): string | undefined {
  const payload = /^Bearer\s+[^.\s]+\.([^.\s]+)\./i.exec(authorization ?? '')?.[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: unknown };
    return typeof claims.oid === 'string' ? claims.oid : undefined;
  } catch {
    return undefined;
  }
}

export function registerMailboxConcurrencyLimit(app: FastifyInstance, ctx: EmulatorContext): void {
  const inFlight = new Map<string, number>();

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const match = MAIL_PATH.exec(path);
    if (!match) return;
    const user = match[1] !== undefined ? decoded(match[1]) : oidOf(req.headers.authorization);
    const mailbox = user === undefined ? undefined : ctx.directory.findMailbox(user);
    if (!mailbox) return;
    const current = inFlight.get(mailbox.address) ?? 0;
    if (current >= MAILBOX_CONCURRENCY_LIMIT) {
      ctx.state.countGraphRequest(path);
      return sendGraphError(
        reply,
        req,
        new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'),
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
    }
    inFlight.set(mailbox.address, current + 1);
    let released = false;
    reply.raw.once('close', () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(mailbox.address) ?? 1) - 1;
      if (left <= 0) inFlight.delete(mailbox.address);
      else inFlight.set(mailbox.address, left);
    });
    return undefined;
  });
}
