import Type, { type TStringOptions } from 'typebox';

/**
 * What a stored or looked-up text must not contain: control characters (Unicode Cc: C0 with NUL, DEL, C1), the
 * line and paragraph separators, and the bidirectional embeddings, overrides and isolates. Postgres `text` cannot
 * hold NUL at all; the others fake line breaks, colours, cursor moves or reordered text wherever the value is shown
 * later: a user name with a newline and ANSI escapes printed a forged row in the admin CLI's audit table.
 */
const UNSAFE_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';

/** JSON Schema `pattern` of a text without the characters above. */
export const STORED_TEXT_PATTERN = `^[^${UNSAFE_CHARACTERS}]*$`;

/** Matches each of the characters above (global). */
export const UNSAFE_TEXT_CHARACTER = new RegExp(`[${UNSAFE_CHARACTERS}]`, 'gu');

export function hasUnsafeCharacters(text: string): boolean {
  return new RegExp(`[${UNSAFE_CHARACTERS}]`, 'u').test(text);
}

/**
 * A string field for text that is stored or looked up (user names, tenant names, token names, ids): refused at
 * validation (400 validation_failed) when it holds a character above, before any service runs.
 */
export const StoredText = (options: TStringOptions = {}) => Type.String({ pattern: STORED_TEXT_PATTERN, ...options });
