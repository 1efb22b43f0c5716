import { describe, expect, it } from 'vitest';
import {
  EloUnavailableError,
  InvalidCredentialsError,
  PasswordLoginDisabledError,
} from '../../errors/domain-errors.js';
import { loginFailure } from './login-failure.js';

describe('loginFailure', () => {
  it('maps 3008 to invalid credentials', () => {
    expect(loginFailure('[ELOIX:3008]Wrong user name or password.')).toBeInstanceOf(InvalidCredentialsError);
  });

  it('maps 3007 and texts about disabled password login to PasswordLoginDisabledError', () => {
    expect(loginFailure('[ELOIX:3007]Password denied')).toBeInstanceOf(PasswordLoginDisabledError);
    expect(loginFailure('[ELOIX:4711]Only ELO Modern Authentication is allowed')).toBeInstanceOf(
      PasswordLoginDisabledError,
    );
  });

  it('maps anything else to ELO unavailable with a fixed, non-secret reason', () => {
    const error = loginFailure('[ELOIX:9999]Something about user secret-name');
    expect(error).toBeInstanceOf(EloUnavailableError);
    expect(error.details).toEqual({ reason: 'unexpected_exception' });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('secret-name');
  });
});
