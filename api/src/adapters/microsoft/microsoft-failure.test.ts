import { describe, expect, it } from 'vitest';
import { aadstsNumbers, classifyMicrosoftFailure, correlationIdOf } from './microsoft-failure.js';

const entraDescription = (code: number, text: string) =>
  `AADSTS${code}: ${text}\r\nTrace ID: 0f0e0d0c-0000-4000-8000-000000000001\r\nCorrelation ID: 7a1b2c3d-0000-4000-8000-00000000abcd\r\nTimestamp: 2026-11-26 10:00:00Z`;

describe('classifyMicrosoftFailure (SPEC §5)', () => {
  it.each([
    [{ error: 'consent_required', description: entraDescription(65001, 'consent') }, 'consent_required'],
    [{ error: 'access_denied', description: entraDescription(90094, 'admin approval') }, 'consent_required'],
    [{ error: 'access_denied', description: entraDescription(65004, 'user declined') }, 'cancelled'],
    [{ error: 'access_denied' }, 'cancelled'],
    [
      { error: 'invalid_request', description: entraDescription(50020, 'user account from provider') },
      'wrong_account_type',
    ],
    [{ error: 'invalid_grant', errorCodes: [70008] }, 'needs_reauth'],
    [{ error: 'invalid_grant', errorCodes: [700082] }, 'needs_reauth'],
    [{ error: 'invalid_grant', errorCodes: [50173], subError: 'bad_token' }, 'needs_reauth'],
    [{ error: 'interaction_required', errorCodes: [50076] }, 'needs_reauth'],
    [{ error: 'unauthorized_client', errorCodes: [700016] }, 'service_configuration'],
    [{ error: 'invalid_client', errorCodes: [7000222] }, 'service_configuration'],
    [{ error: 'invalid_client' }, 'service_configuration'],
    [{ error: 'http_429', httpStatus: 429, retryAfterSeconds: 3 }, 'temporarily_unavailable'],
    [{ error: 'http_503', httpStatus: 503 }, 'temporarily_unavailable'],
    [{ error: 'temporarily_unavailable' }, 'temporarily_unavailable'],
    [{ error: 'something_new' }, 'unknown'],
  ] as const)('%j → %s', (failure, kind) => {
    expect(classifyMicrosoftFailure(failure)).toBe(kind);
  });

  it('reads AADSTS numbers and the correlation id from an Entra error description', () => {
    const failure = { error: 'consent_required', description: entraDescription(65001, 'consent') };
    expect(aadstsNumbers(failure)).toEqual([65001]);
    expect(correlationIdOf(failure)).toBe('7a1b2c3d-0000-4000-8000-00000000abcd');
    expect(correlationIdOf({ error: 'x', correlationId: 'given' })).toBe('given');
  });
});
