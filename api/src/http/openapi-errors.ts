import type { ErrorCode } from '@ecm365/shared';

/**
 * The HTTP status and an English one-liner of every error code, for the OpenAPI document: each route lists the
 * codes it can answer, grouped by status, and each code has one example. A test checks that every DomainError
 * answers with the status given here.
 */
export const ERROR_CATALOG: Readonly<Record<ErrorCode, { status: number; description: string }>> = {
  validation_failed: { status: 400, description: 'The request does not match the schema (details.issues).' },
  payload_too_large: { status: 413, description: 'The request body is larger than the limit.' },
  not_found: { status: 404, description: 'No such resource (of this tenant).' },
  invalid_credentials: { status: 401, description: 'Wrong ELO user name or password.' },
  password_login_disabled: { status: 401, description: "Password sign-in is disabled on the customer's ELO." },
  unknown_tenant: { status: 404, description: 'No customer of that name.' },
  too_many_attempts: { status: 429, description: 'A limit was reached; wait Retry-After seconds.' },
  elo_unavailable: { status: 502, description: "The customer's ELO does not answer." },
  not_authenticated: { status: 401, description: 'No valid session cookie or API token.' },
  csrf_failed: { status: 403, description: 'The X-CSRF-Token header is missing or wrong (cookie sessions).' },
  access_denied: {
    status: 403,
    description: 'Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes.',
  },
  insufficient_scope: {
    status: 403,
    description:
      'The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route.',
  },
  attempt_not_found: { status: 404, description: 'No such connection attempt.' },
  attempt_expired: { status: 410, description: 'The connection attempt expired; start a new one.' },
  session_mismatch: { status: 403, description: 'The attempt belongs to another browser.' },
  code_expired: { status: 410, description: 'The MS365 code expired.' },
  code_redeemed: { status: 410, description: 'The MS365 code was already used.' },
  invalid_code_format: { status: 400, description: 'Not an MS365 code (typo?).' },
  invalid_code: { status: 400, description: 'The MS365 code is invalid, expired or already used.' },
  not_connected: { status: 409, description: 'There is no Microsoft 365 connection.' },
  import_not_retryable: { status: 409, description: 'Only a failed mail of the invoice import can be retried.' },
  import_disabled: { status: 409, description: 'The invoice import is switched off.' },
  needs_reauth: {
    status: 409,
    description: 'Microsoft no longer accepts the connection (details.hint): set it up again in the portal.',
  },
  webhook_url_not_allowed: { status: 400, description: 'Not a public https address.' },
  webhook_limit_reached: { status: 409, description: 'The tenant has the maximum number of webhooks.' },
  ms365_unavailable: {
    status: 503,
    description: 'Microsoft 365 does not answer or throttles beyond our retries; try again after Retry-After.',
  },
  ms365_configuration_error: { status: 502, description: "The portal's Microsoft app registration is wrong." },
  service_unavailable: { status: 503, description: 'Temporarily unavailable (e.g. the database); retry shortly.' },
  internal_error: { status: 500, description: 'Unexpected; the correlationId finds it in the logs.' },
};

/** Fastify's own answer to a body it cannot parse (wrong Content-Type): code validation_failed, status 415. */
export const UNSUPPORTED_MEDIA_TYPE = { status: 415, code: 'validation_failed' as const };
