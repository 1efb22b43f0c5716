import {
  isMessageCode,
  type ImportMessagesResponse,
  type ImportProblem,
  type Message,
  type MessageCode,
  type MessageCodeOf,
  type MessageLocale,
  type MessageParams,
  type MessageParamsSchema,
  type MESSAGE_PARAMS,
} from '@ecm365/shared';
import { CATALOGUES, DEFAULT_LOCALE, render, renderMessage } from '../../messages/catalogue.js';

/**
 * The import's texts live in the message catalogue (api/src/messages/, category `import`). The ledger and the API
 * carry a problem as its stable name (`code`, e.g. `elo_unreachable`, part of the contract) plus `messageCode`
 * (`import.<name>`) and `params`, and the German rendering as `message` (what is stored; routes render it anew in
 * the request's language).
 */
export type ImportMessageCode = MessageCodeOf<'import'> extends `import.${infer Name}` ? Name : never;

type ParamsOf<N extends ImportMessageCode> = (typeof MESSAGE_PARAMS)[`import.${N}`]['length'] extends 0
  ? []
  : [MessageParams<`import.${N}`>];

function importMessage<N extends ImportMessageCode>(name: N, ...params: ParamsOf<N>): Message {
  return { code: `import.${name}`, params: params[0] ?? {} } as Message;
}

/** The German text of a code. */
export function importText<N extends ImportMessageCode>(name: N, ...params: ParamsOf<N>): string {
  return render(importMessage(name, ...params), DEFAULT_LOCALE);
}

/** `{code, message, messageCode, params}` as the API and the ledger carry it. */
export function importProblem<N extends ImportMessageCode>(name: N, ...params: ParamsOf<N>): ImportProblem {
  const text = importMessage(name, ...params);
  return {
    code: name,
    message: render(text, DEFAULT_LOCALE),
    messageCode: text.code,
    params: text.params as MessageParamsSchema,
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The German template of a code as a pattern whose groups are its parameters, built once per code. */
const storedPatterns = new Map<MessageCode, { pattern: RegExp; names: string[] }>();
function storedPattern(code: MessageCode) {
  let entry = storedPatterns.get(code);
  if (!entry) {
    const template = CATALOGUES[DEFAULT_LOCALE][code];
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    const source = template
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join('([\\s\\S]*)');
    entry = { pattern: new RegExp(`^${source}$`), names };
    storedPatterns.set(code, entry);
  }
  return entry;
}

/**
 * A problem as the ledger stores it (name and German text, no parameters) with its `messageCode` and `params`
 * recovered from the German template, so routes can render it in another language. A text that no longer fits its
 * template (written by an older version, or a note prefixed with a document name) stays as stored.
 */
export function storedProblem(code: string, stored: string): ImportProblem {
  const messageCode = `import.${code}`;
  if (!isMessageCode(messageCode)) return { code, message: stored };
  const { pattern, names } = storedPattern(messageCode);
  const match = pattern.exec(stored);
  if (!match) return { code, message: stored };
  const params = Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
  return { code, message: stored, messageCode, params };
}

/** The problem's message in `locale`, rendered from its code and params where it has them. */
export function localizedProblem(problem: ImportProblem, locale: MessageLocale): ImportProblem {
  if (!isMessageCode(problem.messageCode)) return problem;
  return { ...problem, message: renderMessage(locale, problem.messageCode, problem.params ?? {}) };
}

/** The import's state with its last error in `locale`. */
export function localizedState<T extends { lastError?: ImportProblem }>(state: T, locale: MessageLocale): T {
  return state.lastError ? { ...state, lastError: localizedProblem(state.lastError, locale) } : state;
}

/** The activity list with errors, skip reasons and notes in `locale`. */
export function localizedMessages(page: ImportMessagesResponse, locale: MessageLocale): ImportMessagesResponse {
  return {
    ...page,
    items: page.items.map((item) => ({
      ...item,
      ...(item.error ? { error: localizedProblem(item.error, locale) } : {}),
      ...(item.skippedReason ? { skippedReason: localizedProblem(item.skippedReason, locale) } : {}),
      ...(item.notes ? { notes: item.notes.map((note) => localizedProblem(note, locale)) } : {}),
    })),
  };
}
