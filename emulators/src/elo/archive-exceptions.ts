import { IxException } from './ix-exception.js';

/**
 * Exceptions of the filing calls. 2000 (INVALID_PARAM) and 5023 (NOT_FOUND) are codes ELO publishes in
 * getConstants' IXEXCEPTION; for a missing write right ELO's code is not publicly documented, so the emulator keeps
 * its own 9903 with a text that says what was denied.
 */
export const ARCHIVE_IX = {
  invalidParam: (text: string) => new IxException(2000, `Invalid parameter: ${text}`),
  notFound: (what: string) => new IxException(5023, `Object not found: ${what}`),
  noWriteAccess: (path: string) => new IxException(9903, `Access denied: no write access to ${path}`),
} as const;
