import { describe, expect, it } from 'vitest';
import { ID_TOKEN_REJECTED } from '../../../adapters/microsoft/index.js';
import { callbackFailureKind, explainCallbackFailure } from './attempt-failure.js';
import { MESSAGE_CODES } from '@ecm365/shared';
import { CATALOGUE_DE } from '../../../messages/catalogue-de.js';

const described = (code: number) => `AADSTS${code}: text\r\nCorrelation ID: 7a1b2c3d-0000-4000-8000-00000000abcd`;

/** Each row of SPEC §5 as it reaches the callback (Microsoft's redirect, or the code redemption behind it). */
describe('what the connector window says for each row of SPEC §5', () => {
  it('consent_required, AADSTS65001, AADSTS90094: consent missing (with the admin-consent link added)', () => {
    for (const failure of [
      { error: 'consent_required' },
      { error: 'consent_required', description: described(65001) },
      { error: 'access_denied', description: described(90094) },
    ]) {
      expect(callbackFailureKind(failure), JSON.stringify(failure)).toBe('consent_required');
    }
  });

  it('access_denied (the user cancelled): not set up, try again', () => {
    expect(callbackFailureKind({ error: 'access_denied', subError: 'cancel', description: described(65004) })).toBe(
      'cancelled',
    );
  });

  it("AADSTS50020 (another tenant's or a personal account): sign in with the work account", () => {
    expect(callbackFailureKind({ error: 'invalid_request', description: described(50020) })).toBe('wrong_account_type');
  });

  it('AADSTS70008 / AADSTS54005 on the callback (code expired / already used): start again, not MFA', () => {
    expect(callbackFailureKind({ error: 'invalid_grant', errorCodes: [70008] })).toBe('sign_in_expired');
    expect(callbackFailureKind({ error: 'invalid_grant', errorCodes: [54005] })).toBe('sign_in_expired');
  });

  it('invalid_grant otherwise (AADSTS700082, 50173) and interaction_required: sign in again', () => {
    for (const failure of [
      { error: 'invalid_grant', errorCodes: [700082] },
      { error: 'invalid_grant', errorCodes: [50173] },
      { error: 'interaction_required', errorCodes: [50076] },
    ]) {
      expect(callbackFailureKind(failure), JSON.stringify(failure)).toBe('interaction_required');
    }
  });

  it('AADSTS700016, AADSTS7000222, invalid_client: a problem of our configuration', () => {
    for (const failure of [
      { error: 'unauthorized_client', errorCodes: [700016] },
      { error: 'invalid_client', errorCodes: [7000222] },
      { error: 'invalid_client' },
    ]) {
      expect(callbackFailureKind(failure), JSON.stringify(failure)).toBe('service_configuration');
    }
  });

  it('HTTP 429 / 5xx: temporary', () => {
    expect(callbackFailureKind({ error: 'http_429', httpStatus: 429 })).toBe('temporarily_unavailable');
    expect(callbackFailureKind({ error: 'temporarily_unavailable', httpStatus: 503 })).toBe('temporarily_unavailable');
  });

  it('an id_token that fails validation: the sign-in could not be confirmed', () => {
    expect(explainCallbackFailure({ error: ID_TOKEN_REJECTED, description: 'claim_aud' })).toEqual({
      kind: 'id_token_invalid',
      message: expect.stringContaining('Die Anmeldung bei Microsoft konnte nicht bestätigt werden'),
      code: 'attempt.id_token_invalid',
      params: {},
    });
  });

  it('gives every kind its own explanation, with the AADSTS code and correlation id as details', () => {
    const messages = MESSAGE_CODES.filter((code) => code.startsWith('attempt.')).map((code) => CATALOGUE_DE[code]);
    expect(new Set(messages).size).toBe(messages.length);
    expect(explainCallbackFailure({ error: 'invalid_grant', description: described(70008) })).toEqual({
      kind: 'sign_in_expired',
      message: CATALOGUE_DE['attempt.sign_in_expired'],
      code: 'attempt.sign_in_expired',
      params: {},
      aadstsCode: 'AADSTS70008',
      correlationId: '7a1b2c3d-0000-4000-8000-00000000abcd',
    });
  });
});
