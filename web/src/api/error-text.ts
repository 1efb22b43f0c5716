import type { ApiError } from './client';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * What an error box says when the view has no text of its own for the code: the API's message (it is written for
 * people), or a translated text for failures without one (no connection, an empty message).
 */
export function apiErrorText(error: ApiError, t: Translate): string {
  if (error.code === 'network_error') return t('errors.network');
  return error.message || t('errors.unexpected');
}
