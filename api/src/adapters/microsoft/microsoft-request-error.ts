import { knownTransportFailure } from '../transport-failure.js';
import type { MicrosoftFailure } from './microsoft-failure.js';

/** A failed call to Microsoft, translated from MSAL's or Graph's error types into plain facts. */
export class MicrosoftRequestError extends Error {
  constructor(readonly failure: MicrosoftFailure) {
    super(`Microsoft answered ${failure.error}${failure.httpStatus ? ` (HTTP ${failure.httpStatus})` : ''}`);
    this.name = 'MicrosoftRequestError';
  }
}

/** Transport failures (refused, reset, timed out, TLS…) are temporary as far as the user is concerned. */
export function isNetworkFailure(error: unknown): boolean {
  return knownTransportFailure(error) !== undefined;
}

export function networkFailure(error: unknown): MicrosoftRequestError {
  const timeout =
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) ||
    knownTransportFailure(error) === 'timeout';
  return new MicrosoftRequestError({ error: timeout ? 'timeout' : 'network_error', httpStatus: 503 });
}
