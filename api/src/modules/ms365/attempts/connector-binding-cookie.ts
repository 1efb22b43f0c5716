import { MS365_API_BASE } from '@ecm365/shared';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The cookie that binds an attempt started with an API token to the first browser opening its connector link. It
 * holds a random value (only its hash is stored on the attempt); sent back with Microsoft's redirect to the
 * callback (a top-level navigation, so SameSite=Lax suffices). Scoped to the Microsoft 365 routes of this host.
 */
export const CONNECTOR_BINDING_COOKIE = 'ecm365_connector';
const COOKIE_PATH = MS365_API_BASE;
/** Outlives an attempt (ten minutes) comfortably; one browser keeps one value for the attempts it opens. */
const MAX_AGE_SECONDS = 24 * 3600;

export function bindingCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[CONNECTOR_BINDING_COOKIE];
}

export function setBindingCookie(reply: FastifyReply, value: string | undefined, secure: boolean): void {
  if (!value) return;
  void reply.setCookie(CONNECTOR_BINDING_COOKIE, value, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: MAX_AGE_SECONDS,
  });
}
