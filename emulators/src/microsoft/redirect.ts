import type { FastifyReply } from 'fastify';
import { renderEntraError, type EntraError, type ErrorContext } from './entra-errors.js';
import { errorPage, formPostPage } from './html-pages.js';
import type { ResponseMode } from './state.js';

/** Sends the browser back to the (already validated) redirect URI with the given result parameters. */
export function redirectWithResult(
  reply: FastifyReply,
  redirectUri: string,
  mode: ResponseMode,
  fields: Record<string, string>,
): FastifyReply {
  if (mode === 'form_post') {
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(formPostPage(redirectUri, fields));
  }
  const target = new URL(redirectUri);
  if (mode === 'fragment') {
    target.hash = new URLSearchParams(fields).toString();
  } else {
    for (const [name, value] of Object.entries(fields)) target.searchParams.set(name, value);
  }
  return reply.header('cache-control', 'no-store').redirect(target.toString(), 302);
}

/** Entra's error redirect: error, error_description (with trace/correlation/timestamp), error_uri, state. */
export function errorFields(err: EntraError, context: ErrorContext, state: string | undefined): Record<string, string> {
  const rendered = renderEntraError(err, context);
  const fields: Record<string, string> = {
    error: rendered.error,
    error_description: rendered.error_description,
    error_uri: rendered.error_uri,
  };
  if (err.options.errorSubcode) fields.error_subcode = err.options.errorSubcode;
  if (state) fields.state = state;
  return fields;
}

/** For errors that must not redirect: unknown app, unregistered redirect URI, unknown tenant, stale page. */
export function sendErrorPage(reply: FastifyReply, err: EntraError, context: ErrorContext): FastifyReply {
  const rendered = renderEntraError(err, context);
  return reply
    .status(400)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      errorPage({
        code: err.code,
        message: err.message,
        traceId: rendered.trace_id,
        correlationId: rendered.correlation_id,
        timestamp: rendered.timestamp,
      }),
    );
}
