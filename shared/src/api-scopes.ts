/**
 * What an API token may do (SPEC §10), as plain data so the web bundle can import it without a schema library.
 * Every /api/v1 route that takes a token names the one scope it needs; a call outside a token's scopes answers
 * 403 `insufficient_scope`.
 */
export const API_SCOPES = [
  'ms365:read',
  'ms365:write',
  'ms365:token',
  'imports:read',
  'imports:write',
  'webhooks:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What tokens made before scopes existed could do, and what a new token gets when it names no scopes. */
export const LEGACY_API_SCOPES: readonly ApiScope[] = ['ms365:read', 'ms365:write'];

/** A new token's lifetime when none is chosen, and the longest one allowed. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;
