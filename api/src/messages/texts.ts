import { isMessageCode, type Message, type MessageLocale, type MessageParamsSchema } from '@ecm365/shared';
import { DEFAULT_LOCALE, render, renderMessage } from './catalogue.js';

/** A text of a response or stored result: its rendering plus its code and parameters (shared/src/ms365.ts). */
export interface CodedText {
  message: string;
  code?: string;
  params?: MessageParamsSchema;
}

export interface CodedHint {
  hint?: string;
  hintCode?: string;
  hintParams?: MessageParamsSchema;
}

/** `message`, `code` and `params` of a text; the message in German, as stored and sent in webhooks. */
export function textFields(text: Message) {
  return { message: render(text, DEFAULT_LOCALE), code: text.code, params: text.params as MessageParamsSchema };
}

/** `hint`, `hintCode` and `hintParams` of a hint, likewise. */
export function hintFields(hint: Message) {
  return { hint: render(hint, DEFAULT_LOCALE), hintCode: hint.code, hintParams: hint.params as MessageParamsSchema };
}

/**
 * The same value with its message (and hint) rendered in `locale` from code and params. A value recorded before
 * codes existed keeps the German text it was stored with.
 */
export function localized<T extends CodedText & CodedHint>(value: T, locale: MessageLocale): T {
  const copy = { ...value };
  if (isMessageCode(value.code)) copy.message = renderMessage(locale, value.code, value.params);
  if (isMessageCode(value.hintCode)) copy.hint = renderMessage(locale, value.hintCode, value.hintParams);
  return copy;
}
