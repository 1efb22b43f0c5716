import Type, { type TStringOptions } from 'typebox';

/**
 * Postgres `text` cannot hold U+0000: a NUL in a value that reaches a query fails the query. Free-text fields that
 * are stored or looked up therefore refuse it at validation (400 validation_failed), before any service runs.
 */
export const NO_NUL_PATTERN = '^[^\\u0000]*$';

/** A string field for text that is stored or looked up: any characters but NUL. */
export const StoredText = (options: TStringOptions = {}) => Type.String({ pattern: NO_NUL_PATTERN, ...options });
