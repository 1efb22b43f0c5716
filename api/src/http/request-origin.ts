import type { FastifyRequest } from 'fastify';
import { tenantFromHost } from '../modules/tenants/tenant-host.js';

/** `proto://host[:port]` as the browser used it (X-Forwarded-* honoured behind trusted proxies). */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Origins the portal answers on: the public URL, the base domain and its tenant/selfhost subdomains (same scheme
 * and port as the public URL).
 * Only these are used as connector or callback targets, so the callback hop is never an open redirect.
 */
export function portalOriginCheck(publicUrl: string, baseDomain: string): (origin: string) => boolean {
  const publicOrigin = new URL(publicUrl);
  return (origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.origin !== origin || url.protocol !== publicOrigin.protocol) return false;
    if (url.origin === publicOrigin.origin) return true;
    if (url.port !== publicOrigin.port) return false;
    const host = url.hostname.toLowerCase();
    return host === baseDomain || tenantFromHost(host, baseDomain, undefined).kind !== 'default';
  };
}
