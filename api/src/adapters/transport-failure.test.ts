import { describe, expect, it } from 'vitest';
import { ResponseTooLargeError, transportFailureReason } from './transport-failure.js';

const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('transportFailureReason', () => {
  it('recognises timeouts from AbortSignal.timeout', () => {
    expect(transportFailureReason(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe(
      'timeout',
    );
  });

  it.each([
    ['ECONNREFUSED', 'connection_refused'],
    ['ECONNRESET', 'connection_reset'],
    ['UND_ERR_SOCKET', 'connection_reset'],
    ['ENOTFOUND', 'dns_failure'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls_error'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls_error'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls_error'],
  ])('reads the cause code %s as %s', (code, reason) => {
    expect(transportFailureReason(fetchFailed(withCode(code)))).toBe(reason);
  });

  it('knows oversized answers, and calls everything else a network error', () => {
    expect(transportFailureReason(new ResponseTooLargeError())).toBe('response_too_large');
    expect(transportFailureReason(fetchFailed(new Error('strange')))).toBe('network_error');
    expect(transportFailureReason('nonsense')).toBe('network_error');
    expect(transportFailureReason(null)).toBe('network_error');
  });
});
