import type { ApiError } from '../../api/client';
import { apiErrorText, type Translate } from '../../api/error-text';

/** What the login form says for each way a sign-in can fail (SPEC §3 login errors). */
export function loginErrorMessage(
  error: ApiError,
  context: { t: Translate; isSelfhost: boolean; waitSeconds: number; wait: string },
): string {
  const { t } = context;
  switch (error.code) {
    case 'invalid_credentials':
      return t('login.errors.invalidCredentials');
    case 'unknown_tenant':
      return t(context.isSelfhost ? 'login.errors.unknownTenant' : 'login.errors.unknownTenantHost');
    case 'elo_unavailable':
      return t('login.errors.eloUnavailable');
    case 'password_login_disabled':
      return t('login.errors.passwordLoginDisabled');
    case 'too_many_attempts':
      return context.waitSeconds > 0
        ? t('login.errors.tooManyAttempts', { wait: context.wait })
        : t('login.errors.tooManyAttemptsOver');
    case 'validation_failed':
      return t('login.errors.validationFailed');
    default:
      return apiErrorText(error, t);
  }
}
