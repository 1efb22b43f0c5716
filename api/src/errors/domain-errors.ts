import type { ErrorCode } from '@ecm365/shared';

/**
 * A failure the domain knows how to explain. Services and adapters throw these; the one error handler
 * (error-handler.ts) turns them into `{error:{code,message,details}}` with the status given here.
 * Messages are German because customers read them; they must never contain secrets.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message = 'Die Anfrage ist ungültig.', details?: Record<string, unknown>) {
    super('validation_failed', 400, message, details);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('invalid_credentials', 401, 'ELO-Benutzername oder Kennwort ist falsch.');
  }
}

export class PasswordLoginDisabledError extends DomainError {
  constructor() {
    super('password_login_disabled', 401, 'Anmeldung mit ELO-Benutzer und Kennwort ist auf diesem ELO deaktiviert.');
  }
}

export class UnknownTenantError extends DomainError {
  constructor() {
    super('unknown_tenant', 404, 'Diesen Kunden kennen wir nicht. Bitte prüfen Sie den Kundennamen.');
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(
    retryAfterSeconds: number,
    message = 'Zu viele Versuche. Bitte warten Sie, bevor Sie es erneut versuchen.',
  ) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super('too_many_attempts', 429, message, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
  }
}

export class EloUnavailableError extends DomainError {
  constructor(reason: string) {
    super('elo_unavailable', 502, 'Ihr ELO ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.', {
      reason,
    });
  }
}

export class NotAuthenticatedError extends DomainError {
  constructor() {
    super('not_authenticated', 401, 'Bitte melden Sie sich an.');
  }
}

export class CsrfFailedError extends DomainError {
  constructor() {
    super('csrf_failed', 403, 'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.');
  }
}

export class AccessDeniedError extends DomainError {
  constructor(details?: Record<string, unknown>) {
    super('access_denied', 403, 'Zugriff nicht erlaubt', details);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Nicht gefunden.') {
    super('not_found', 404, message);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(reason: string) {
    super(
      'service_unavailable',
      503,
      'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich erneut.',
      {
        reason,
      },
    );
  }
}

export class AttemptNotFoundError extends DomainError {
  constructor() {
    super(
      'attempt_not_found',
      404,
      'Dieser Verbindungsversuch ist unbekannt. Bitte starten Sie die Verbindung im Portal erneut.',
    );
  }
}

/** An attempt started with an API token, opened in a browser other than the first one that opened its link. */
export class SessionMismatchError extends DomainError {
  constructor() {
    super(
      'session_mismatch',
      403,
      'Dieser Verbindungsversuch wurde bereits in einem anderen Browser geöffnet und gehört zu diesem. ' +
        'Bitte öffnen Sie den Link im selben Browser oder lassen Sie einen neuen Verbindungsversuch starten.',
    );
  }
}

export class AttemptExpiredError extends DomainError {
  constructor() {
    super(
      'attempt_expired',
      410,
      'Dieser Verbindungsversuch ist abgelaufen. Bitte starten Sie die Verbindung im Portal erneut.',
    );
  }
}

export class CodeExpiredError extends DomainError {
  constructor() {
    super('code_expired', 410, 'Der MS365 Code ist abgelaufen. Bitte stellen Sie die Verbindung erneut her.');
  }
}

export class CodeRedeemedError extends DomainError {
  constructor() {
    super('code_redeemed', 410, 'Der MS365 Code wurde bereits verwendet.');
  }
}

export class InvalidCodeFormatError extends DomainError {
  constructor() {
    super('invalid_code_format', 400, 'Das ist kein gültiger MS365 Code. Bitte prüfen Sie die Eingabe (Tippfehler?).');
  }
}

export class InvalidCodeError extends DomainError {
  constructor() {
    super(
      'invalid_code',
      400,
      'Der MS365 Code ist ungültig, abgelaufen oder bereits verwendet. Bitte stellen Sie die Verbindung erneut her.',
    );
  }
}

export class NotConnectedError extends DomainError {
  constructor() {
    super('not_connected', 409, 'Es besteht keine Verbindung zu Microsoft 365.');
  }
}

export class WebhookUrlNotAllowedError extends DomainError {
  constructor(reason: string) {
    super(
      'webhook_url_not_allowed',
      400,
      'Diese Webhook-Adresse ist nicht erlaubt. Bitte geben Sie eine öffentlich erreichbare https-Adresse an.',
      { reason },
    );
  }
}

export class WebhookLimitReachedError extends DomainError {
  constructor(limit: number) {
    super(
      'webhook_limit_reached',
      409,
      `Es sind höchstens ${limit} Webhooks möglich. Bitte löschen Sie zuerst einen.`,
      {
        limit,
      },
    );
  }
}

/** The invoice import's conflicts (SPEC §9): texts from the import's message file. */
export class ImportConflictError extends DomainError {
  constructor(code: 'import_not_retryable' | 'import_disabled', message: string) {
    super(code, 409, message);
  }
}
