import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { ApiError } from './client';
import { apiErrorText } from './error-text';

const t = (key: string) => i18n.global.t(key);

describe('the text of an API error', () => {
  it('is the message of the API, or a translated text when there is none', () => {
    expect(apiErrorText(new ApiError(409, 'not_connected', 'Nicht verbunden.'), t)).toBe('Nicht verbunden.');
    expect(apiErrorText(new ApiError(0, 'network_error', 'Keine Verbindung zum Server.'), t)).toContain(
      'Bitte prüfen Sie Ihre Internetverbindung',
    );
    expect(apiErrorText(new ApiError(500, 'internal_error', ''), t)).toBe(
      'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
    );
  });
});
