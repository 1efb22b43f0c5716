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

/**
 * Negotiated languages by header value: a browser sends the same Accept-Language with every request, and parsing it
 * anew each time was a share of a cached status read (issue 13). Bounded, since callers choose the values; emptied
 * when full (the few real values come back at once).
 */
const negotiated = new Map<string, MessageLocale>();
const NEGOTIATED_MAX = 256;

export function requestLocale(request: FastifyRequest): MessageLocale {
  const header = request.headers['accept-language'];
  if (!header) return DEFAULT_LOCALE;
  let locale = negotiated.get(header);
  if (locale === undefined) {
    locale = localeOfHeader(header);
    if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
    negotiated.set(header, locale);
  }
  return locale;
}
