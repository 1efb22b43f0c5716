import type { MessageCode } from '@ecm365/shared';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

/** A server text as the API sends it: its own rendering plus, since issue 12, code and parameters. */
export interface CodedText {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export interface CodedHint {
  hint?: string;
  hintCode?: string;
  hintParams?: Record<string, string | number>;
}

/**
 * Where the locale files keep the text of a server message code (shared/src/messages.ts): API errors in
 * `apiErrors` (first screen: the login shows them), every other category under `serverTexts.<category>`.
 */
export function serverTextKey(code: MessageCode | string): string {
  const [category, name] = code.split('.');
  return category === 'error' ? `apiErrors.${name}` : `serverTexts.${category}.${name}`;
}

/**
 * The text of a code in the portal's language; `fallback` (the server's own rendering) for a code this web does not
 * know yet (a newer server) or a result recorded before codes existed. vue-i18n answers a missing key with the key.
 */
export function renderServerText(
  t: Translate,
  code: string | undefined,
  params: Record<string, string | number> | undefined,
  fallback: string,
): string {
  if (!code || !/^[a-z]+\.[a-z0-9_]+$/.test(code)) return fallback;
  const key = serverTextKey(code);
  const text = t(key, params ?? {});
  return text === key ? fallback : text;
}

export const serverMessage = (t: Translate, value: CodedText): string =>
  renderServerText(t, value.code, value.params, value.message);

export const serverHint = (t: Translate, value: CodedHint): string =>
  value.hint === undefined ? '' : renderServerText(t, value.hintCode, value.hintParams, value.hint);

/**
 * An import problem (shared ImportProblem): `error.code` names it, `messageCode` + `params` are its text, `document`
 * the attachment a note is about (put before the text, as the server's own `message` does).
 */
export interface CodedProblem {
  message: string;
  messageCode?: string;
  params?: Record<string, string | number>;
  document?: string;
}

export function serverProblem(t: Translate, value: CodedProblem): string {
  const text = renderServerText(t, value.messageCode, value.params, '');
  if (!text) return value.message;
  return value.document ? `${value.document}: ${text}` : text;
}
