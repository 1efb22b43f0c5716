/** The ELO group whose members may manage the Microsoft 365 connection (SPEC §1.3). */
export const MS365_GROUP = 'online.ecm.microsoft365';

/** Name of the session cookie (SPEC §3). */
export const SESSION_COOKIE = 'ecm365_session';

/** Header that carries the CSRF token on unsafe cookie-authenticated requests (SPEC §3). */
export const CSRF_HEADER = 'x-csrf-token';

/** API version prefix; every contract path below starts with it. */
export const API_PREFIX = '/api/v1';
