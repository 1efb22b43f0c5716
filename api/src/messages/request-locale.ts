import { MESSAGE_LOCALES, type MessageLocale } from '@ecm365/shared';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE } from './catalogue.js';

/**
 * The language of a request's texts from Accept-Language (weights as RFC 9110 says), German when the header names
 * neither German nor English. Ranges count by their primary tag (`en-GB` asks for English); a header is read only
 * so far (its first 200 characters), as nobody sends longer ones.
 */
export function localeOfHeader(header: string | undefined): MessageLocale {
  if (!header) return DEFAULT_LOCALE;
  const primaryTags = header
    .slice(0, 200)
    .toLowerCase()
    .replace(/([a-z]{1,8})(?:-[a-z0-9]{1,8})+/g, '$1');
  return negotiate(primaryTags, [...MESSAGE_LOCALES]) ?? DEFAULT_LOCALE;
}

export function requestLocale(request: FastifyRequest): MessageLocale {
  return localeOfHeader(request.headers['accept-language']);
}
