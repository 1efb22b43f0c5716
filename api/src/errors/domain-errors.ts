import { message, type ErrorCode, type ErrorMessageCode, type Message } from '@ecm365/shared';
import { render } from '../messages/catalogue.js';

/** An API error's text: an `error.*` message code, with its parameters when it has some. */
export type ErrorText = ErrorMessageCode | Message<ErrorMessageCode>;

/**
 * A failure the domain knows how to explain. Services and adapters throw these; the one error handler
 * (error-handler.ts) turns them into `{error:{code,message,messageCode,params,details}}` with the status given here,
 * the message rendered from the catalogue (messages/) in the request's language. `Error.message` is the German
 * text, for logs. Texts never contain secrets.
 */
export class DomainError extends Error {
  readonly text: Message<ErrorMessageCode>;

  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    text: ErrorText,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    const resolved = typeof text === 'string' ? ({ code: text, params: {} } as Message<ErrorMessageCode>) : text;
    super(render(resolved));
    this.text = resolved;
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(text: ErrorText = 'error.validation_failed', details?: Record<string, unknown>) {
    super('validation_failed', 400, text, details);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('invalid_credentials', 401, 'error.invalid_credentials');
  }
}

export class PasswordLoginDisabledError extends DomainError {
  constructor() {
    super('password_login_disabled', 401, 'error.password_login_disabled');
  }
}

export class UnknownTenantError extends DomainError {
  constructor() {
    super('unknown_tenant', 404, 'error.unknown_tenant');
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number, text: ErrorText = 'error.too_many_attempts') {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super('too_many_attempts', 429, text, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
  }
}

export class EloUnavailableError extends DomainError {
  constructor(reason: string) {
    super('elo_unavailable', 502, 'error.elo_unavailable', { reason });
  }
}

export class NotAuthenticatedError extends DomainError {
  constructor() {
    super('not_authenticated', 401, 'error.not_authenticated');
  }
}

export class CsrfFailedError extends DomainError {
  constructor() {
    super('csrf_failed', 403, 'error.csrf_failed');
  }
}

export class AccessDeniedError extends DomainError {
  constructor(details?: Record<string, unknown>) {
    super('access_denied', 403, 'error.access_denied', details);
  }
}

export class NotFoundError extends DomainError {
  constructor(text: ErrorText = 'error.not_found') {
    super('not_found', 404, text);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(reason: string) {
    super('service_unavailable', 503, 'error.service_unavailable', { reason });
  }
}

export class AttemptNotFoundError extends DomainError {
  constructor() {
    super('attempt_not_found', 404, 'error.attempt_not_found');
  }
}

/** An attempt started with an API token, opened in a browser other than the first one that opened its link. */
export class SessionMismatchError extends DomainError {
  constructor() {
    super('session_mismatch', 403, 'error.session_mismatch');
  }
}

export class AttemptExpiredError extends DomainError {
  constructor() {
    super('attempt_expired', 410, 'error.attempt_expired');
  }
}

export class CodeExpiredError extends DomainError {
  constructor() {
    super('code_expired', 410, 'error.code_expired');
  }
}

export class CodeRedeemedError extends DomainError {
  constructor() {
    super('code_redeemed', 410, 'error.code_redeemed');
  }
}

export class InvalidCodeFormatError extends DomainError {
  constructor() {
    super('invalid_code_format', 400, 'error.invalid_code_format');
  }
}

export class InvalidCodeError extends DomainError {
  constructor() {
    super('invalid_code', 400, 'error.invalid_code');
  }
}

export class NotConnectedError extends DomainError {
  /** `hint` says where to set the connection up; it is also in `details.hint` (German) for scripts. */
  constructor(hint?: Message<'hint.not_connected'>) {
    super(
      'not_connected',
      409,
      hint ? 'error.not_connected_setup' : 'error.not_connected',
      hint ? { hint: render(hint) } : undefined,
    );
  }
}

export class WebhookUrlNotAllowedError extends DomainError {
  constructor(reason: string) {
    super('webhook_url_not_allowed', 400, 'error.webhook_url_not_allowed', { reason });
  }
}

export class WebhookLimitReachedError extends DomainError {
  constructor(limit: number) {
    super('webhook_limit_reached', 409, message('error.webhook_limit_reached', { limit }), { limit });
  }
}

/** The invoice import's conflicts (SPEC §9). */
export class ImportConflictError extends DomainError {
  constructor(code: 'import_not_retryable' | 'import_disabled', text: ErrorText) {
    super(code, 409, text);
  }
}

/** An API token used outside its scopes, or a browser session on a route only API tokens may call. */
export class InsufficientScopeError extends DomainError {
  /** `browser_only`: the route takes browser sessions only (`scope` is then undefined). */
  constructor(scope: string | undefined, kind: 'token' | 'session' | 'browser_only' = 'token') {
    super(
      'insufficient_scope',
      403,
      kind === 'browser_only'
        ? 'error.insufficient_scope_browser_only'
        : message(kind === 'token' ? 'error.insufficient_scope' : 'error.insufficient_scope_session', {
            scope: scope ?? '',
          }),
      scope ? { scope } : undefined,
    );
  }
}

/** The connection exists but Microsoft no longer accepts it (refresh token expired or revoked, consent withdrawn). */
export class NeedsReauthError extends DomainError {
  /** `details.hint` carries the German hint for scripts; the message says the same in the request's language. */
  constructor(details?: Record<string, unknown>) {
    super('needs_reauth', 409, 'error.needs_reauth', { hint: render(message('hint.reauth')), ...details });
  }
}

/** Microsoft could not be reached or throttled us beyond our retries. */
export class Ms365UnavailableError extends DomainError {
  constructor(retryAfterSeconds?: number) {
    super(
      'ms365_unavailable',
      503,
      'error.ms365_unavailable',
      retryAfterSeconds ? { retryAfterSeconds } : undefined,
      retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : undefined,
    );
  }
}
