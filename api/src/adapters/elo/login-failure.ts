import {
  EloUnavailableError,
  InvalidCredentialsError,
  PasswordLoginDisabledError,
  type DomainError,
} from '../../errors/domain-errors.js';
import { ELOIX_WRONG_CREDENTIALS, isPasswordLoginDisabled, parseIxException } from './ix-exception-text.js';

/**
 * The domain error for an IX exception answered to login. Disabled password login is checked first: telling a
 * user "wrong password" when passwords are switched off would send them in circles. Any other exception is not
 * the user's fault, so it is reported as ELO being unavailable rather than as wrong credentials.
 */
export function loginFailure(exception: string): DomainError {
  const parsed = parseIxException(exception);
  if (isPasswordLoginDisabled(parsed)) return new PasswordLoginDisabledError();
  if (parsed.code === ELOIX_WRONG_CREDENTIALS) return new InvalidCredentialsError();
  return new EloUnavailableError('unexpected_exception');
}
