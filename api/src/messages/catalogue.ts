import {
  MESSAGE_LOCALES,
  type Message,
  type MessageCode,
  type MessageLocale,
  type MessageParamsSchema,
} from '@ecm365/shared';
import { CATALOGUE_DE } from './catalogue-de.js';
import { CATALOGUE_EN } from './catalogue-en.js';

/**
 * The one place of the server's texts for people, German (the default) and English, keyed by the message codes of
 * shared/src/messages.ts. Services build `Message`s (code + params) and never sentences; routes and the error
 * handler render them in the request's language. A further area adds its codes to MESSAGE_PARAMS and its texts
 * to both catalogue files (the invoice import's are category `import`).
 */
export const CATALOGUES: Record<MessageLocale, Record<MessageCode, string>> = { de: CATALOGUE_DE, en: CATALOGUE_EN };

export const DEFAULT_LOCALE: MessageLocale = MESSAGE_LOCALES[0];

/** `{name}` placeholders, the syntax of the web's locale files too. */
const PLACEHOLDER = /\{(\w+)\}/g;

/** The text of a code in a language, its placeholders filled; a missing parameter stays visible as `{name}`. */
export function renderMessage(
  locale: MessageLocale,
  code: MessageCode,
  params: MessageParamsSchema | Message['params'] = {},
): string {
  const values = params as Record<string, string | number | undefined>;
  return CATALOGUES[locale][code].replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export const render = (text: Message, locale: MessageLocale = DEFAULT_LOCALE): string =>
  renderMessage(locale, text.code, text.params);
