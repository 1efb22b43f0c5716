import type { MicrosoftFailure } from '../../modules/ms365/microsoft-failure.js';

/** A failed call to Microsoft, translated from MSAL's or Graph's error types into plain facts. */
export class MicrosoftRequestError extends Error {
  constructor(readonly failure: MicrosoftFailure) {
    super(`Microsoft answered ${failure.error}${failure.httpStatus ? ` (HTTP ${failure.httpStatus})` : ''}`);
    this.name = 'MicrosoftRequestError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Transport failures (refused, reset, timed out) are temporary as far as the user is concerned. */
export function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  return (code !== undefined && NETWORK_CODES.has(code)) || error.message === 'fetch failed';
}

export function networkFailure(error: unknown): MicrosoftRequestError {
  const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return new MicrosoftRequestError({ error: timeout ? 'timeout' : 'network_error', httpStatus: 503 });
}
