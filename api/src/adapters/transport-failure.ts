/** Thrown by the body reader when an answer exceeds the size an IX answer can sensibly have. */
export class ResponseTooLargeError extends Error {
  constructor() {
    super('ELO answer too large');
    this.name = 'ResponseTooLargeError';
  }
}

const CODE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection_refused',
  ECONNRESET: 'connection_reset',
  EPIPE: 'connection_reset',
  UND_ERR_SOCKET: 'connection_reset',
  UND_ERR_CLOSED: 'connection_reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENOTFOUND: 'dns_failure',
  EAI_AGAIN: 'dns_failure',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ERR_INVALID_URL: 'bad_url',
};

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function nameOf(value: unknown): string | undefined {
  return value instanceof Error || (typeof DOMException !== 'undefined' && value instanceof DOMException)
    ? value.name
    : undefined;
}

/** The reason of a recognised transport failure (refused, reset, timed out, DNS, TLS…); undefined otherwise. */
export function knownTransportFailure(error: unknown): string | undefined {
  if (error instanceof ResponseTooLargeError) return 'response_too_large';
  const cause = (error as { cause?: unknown } | null)?.cause;
  for (const candidate of [error, cause]) {
    const name = nameOf(candidate);
    if (name === 'TimeoutError') return 'timeout';
    if (name === 'AbortError') return 'aborted';
    const code = codeOf(candidate);
    if (code && CODE_REASONS[code]) return CODE_REASONS[code];
    if (code && (/^ERR_TLS_|^ERR_SSL_|CERT|^UNABLE_TO_VERIFY/.test(code) || code === 'EPROTO')) return 'tls_error';
  }
  // Node's fetch reports every socket-level failure as TypeError("fetch failed"), sometimes without a code.
  if (error instanceof TypeError && error.message === 'fetch failed') return 'network_error';
  return undefined;
}

/**
 * A short, non-secret reason for a failed fetch, for `EloUnavailableError(reason)` and metrics. Node's fetch wraps
 * the socket error as `cause` of a TypeError("fetch failed"), so both levels are inspected.
 */
export function transportFailureReason(error: unknown): string {
  return knownTransportFailure(error) ?? 'network_error';
}
