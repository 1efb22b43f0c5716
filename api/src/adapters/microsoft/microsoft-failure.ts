/**
 * How Microsoft said no, in the OAuth/Entra vocabulary, and what it means for us (SPEC §5 table). Branches on the
 * OAuth `error` field and the AADSTS numbers, never on English prose.
 */
export interface MicrosoftFailure {
  /** OAuth error, e.g. `invalid_grant`, `consent_required`, or `http_429` for a bare HTTP failure. */
  error: string;
  description?: string | undefined;
  subError?: string | undefined;
  errorCodes?: readonly number[] | undefined;
  correlationId?: string | undefined;
  httpStatus?: number | undefined;
  retryAfterSeconds?: number | undefined;
}

export type FailureKind =
  | 'consent_required'
  | 'cancelled'
  | 'wrong_account_type'
  | 'needs_reauth'
  | 'service_configuration'
  | 'temporarily_unavailable'
  | 'unknown';

const CONSENT = new Set([65001, 90094, 90095, 650051]);
const WRONG_ACCOUNT = new Set([50020, 500200, 50194]);
const REAUTH = new Set([70008, 700082, 700084, 50173, 70043, 50076, 50079, 50078, 53003, 50133, 50089, 700081]);
const CONFIGURATION = new Set([700016, 7000215, 7000222, 7000218, 50011, 900971, 90002]);

/** The AADSTS numbers of a failure: from error_codes, else from the description ("AADSTS65001: …"). */
export function aadstsNumbers(failure: MicrosoftFailure): number[] {
  if (failure.errorCodes?.length) return [...failure.errorCodes];
  return [...(failure.description ?? '').matchAll(/AADSTS(\d{4,7})/g)].map((match) => Number(match[1]));
}

export type LogError = (details: Record<string, unknown>, message: string) => void;

/** Our app registration is broken (unknown app, expired secret): ops must hear of it; the customer cannot fix it. */
export function reportServiceConfiguration(failure: MicrosoftFailure, logError: LogError): void {
  logError(
    { failure: { error: failure.error, codes: aadstsNumbers(failure) } },
    'Microsoft rejected the app configuration',
  );
}

export function correlationIdOf(failure: MicrosoftFailure): string | undefined {
  if (failure.correlationId) return failure.correlationId;
  return /Correlation ID:\s*([0-9a-f-]{36})/i.exec(failure.description ?? '')?.[1];
}

export function classifyMicrosoftFailure(failure: MicrosoftFailure): FailureKind {
  const codes = aadstsNumbers(failure);
  const has = (set: Set<number>) => codes.some((code) => set.has(code));
  if (has(CONFIGURATION) || failure.error === 'invalid_client' || failure.error === 'unauthorized_client') {
    return 'service_configuration';
  }
  if (has(CONSENT) || failure.error === 'consent_required') return 'consent_required';
  if (has(WRONG_ACCOUNT)) return 'wrong_account_type';
  if (failure.error === 'access_denied') return 'cancelled';
  if (has(REAUTH) || ['invalid_grant', 'interaction_required', 'login_required'].includes(failure.error)) {
    return 'needs_reauth';
  }
  if (
    ['temporarily_unavailable', 'server_error'].includes(failure.error) ||
    failure.httpStatus === 429 ||
    (failure.httpStatus !== undefined && failure.httpStatus >= 500)
  ) {
    return 'temporarily_unavailable';
  }
  return 'unknown';
}
