import {
  isMessageCode,
  type ImportMessagesResponse,
  type ImportProblem,
  type Message,
  type MessageCodeOf,
  type MessageLocale,
  type MessageParams,
  type MessageParamsSchema,
  type MESSAGE_PARAMS,
} from '@ecm365/shared';
import { DEFAULT_LOCALE, render, renderMessage } from '../../messages/catalogue.js';
import type { MessageNote } from './invoice-import.tables.js';

/**
 * The import's texts live in the message catalogue (api/src/messages/, category `import`). The ledger stores a
 * problem as its stable name (`code`, e.g. `elo_unreachable`, part of the contract) and the `params` of its text
 * `import.<name>`; the API adds `messageCode` and `message`, rendered in the request's language.
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

/**
 * A problem as the ledger stores it: its name (`code`) and the parameters of its text `import.<code>`; the message
 * is rendered from the catalogue (German here, routes render it anew in the request's language).
 */
export function storedProblem(code: string, params: MessageParamsSchema | null): ImportProblem {
  const messageCode = `import.${code}`;
  if (!isMessageCode(messageCode)) return { code, message: code };
  const values = params ?? {};
  return { code, message: renderMessage(DEFAULT_LOCALE, messageCode, values), messageCode, params: values };
}

/** A remark of the activity list as stored (code, text, the attachment it is about). */
export function storedNote(note: MessageNote): ImportProblem {
  const text = renderMessage(DEFAULT_LOCALE, note.messageCode, note.params);
  return {
    code: note.code,
    message: note.document ? `${note.document}: ${text}` : text,
    messageCode: note.messageCode,
    params: note.params,
    ...(note.document ? { document: note.document } : {}),
  };
}

/** A note about one document of the mail from a text of the catalogue; `file`: an embedded file inside it. */
export function documentNote(code: string, text: Message, document: string, file?: string): MessageNote {
  return {
    code,
    messageCode: text.code,
    params: text.params as MessageParamsSchema,
    document: file ? `${document} › ${file}` : document,
  };
}

/** The problem's message in `locale`, rendered from its code and params where it has them. */
export function localizedProblem(problem: ImportProblem, locale: MessageLocale): ImportProblem {
  if (!isMessageCode(problem.messageCode)) return problem;
  const text = renderMessage(locale, problem.messageCode, problem.params ?? {});
  return { ...problem, message: problem.document ? `${problem.document}: ${text}` : text };
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
