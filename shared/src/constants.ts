/** The ELO group whose members may manage the Microsoft 365 connection (SPEC §1.3). */
export const MS365_GROUP = 'online.ecm.microsoft365';

/** Name of the session cookie over plain http (SPEC §3). */
export const SESSION_COOKIE = 'ecm365_session';

/**
 * Name of the session cookie when it is Secure, i.e. over https (SPEC §3): the `__Host-` prefix makes browsers
 * accept it only with Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or shadow it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Header that carries the CSRF token on unsafe cookie-authenticated requests (SPEC §3). */
export const CSRF_HEADER = 'x-csrf-token';

/** API version prefix; every contract path below starts with it. */
export const API_PREFIX = '/api/v1';
