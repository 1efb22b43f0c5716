import { renderServerText, type Translate } from '../i18n/server-text';
import type { ApiError } from './client';

export type { Translate };

/**
 * What an error box says when the view has no text of its own for the code: the API's text rendered from its
 * message code and params in the portal's language (the API's own message for a code this web does not know), or
 * a translated text for failures without one (no connection, an empty message).
 */
export function apiErrorText(error: ApiError, t: Translate): string {
  if (error.code === 'network_error') return t('errors.network');
  if (error.code === 'unexpected_response') return t('errors.unexpected');
  return renderServerText(t, error.messageCode, error.params, error.message) || t('errors.unexpected');
}
