/**
 * Why filing into ELO failed, in the terms the import engine acts on:
 * - `session`: the ticket was refused ([ELOIX:2001]); log in again. Reads were retried already; a failed write is
 *   never repeated blindly — look the import key up first.
 * - `credentials`: the tenant's ELO service account was refused (wrong password, locked, password login off).
 * - `permission`: the service account may not write there. The mail fails with the reason.
 * - `rejected`: ELO refused the mask or an index value (validation). The mail fails with the reason.
 * - `not_found`: [ELOIX:5023]; lookups answer null instead of throwing this.
 * - `unavailable`: transport failure, HTTP error, temporary ELO problem: retry later, nothing is lost.
 * - `unexpected`: another IX exception; not retried automatically.
 */
export type EloFailureKind =
  'session' | 'credentials' | 'permission' | 'rejected' | 'not_found' | 'unavailable' | 'unexpected';

const CODES: Record<EloFailureKind, string> = {
  session: 'elo_session_expired',
  credentials: 'elo_service_account_refused',
  permission: 'elo_permission_denied',
  rejected: 'elo_rejected',
  not_found: 'elo_not_found',
  unavailable: 'elo_unavailable',
  unexpected: 'elo_error',
};

/** One failure of a filing call. `message` is German (customers read it in the activity list); never a secret. */
export class EloArchiveError extends Error {
  /** A stable snake_case code for the ledger's last error. */
  readonly code: string;

  constructor(
    readonly kind: EloFailureKind,
    message: string,
    readonly detail: {
      /** The IX function that failed. */
      fn: string;
      /** The nnnn of [ELOIX:nnnn], when ELO answered with an exception. */
      eloCode?: number;
      /** ELO's exception text (after the code), or the transport reason. */
      reason?: string;
    },
    /**
     * True when the outcome is unknown (the request may have reached ELO, e.g. checkinDocEnd timed out or the
     * connection dropped): the document may exist; look its import key up before filing again.
     */
    readonly mayHavePersisted = false,
  ) {
    super(message);
    this.name = 'EloArchiveError';
    this.code = CODES[kind];
  }

  /** Worth trying again later without anybody changing anything in ELO. */
  get retryable(): boolean {
    return this.kind === 'unavailable' || this.kind === 'session';
  }
}

/** ELO's exception text without its code, ticket prefix and the "[NO-DETAILS]" tail, shortened for the ledger. */
export interface ParsedEloException {
  code: number | null;
  text: string;
}

const MAX_TEXT = 300;

/** `[TICKET:…][ELOIX:1002]Keine Lizenz …[NO-DETAILS]` → `{code: 1002, text: "Keine Lizenz …"}`. */
export function parseEloException(exception: string): ParsedEloException {
  const match = /\[ELOIX:(\d+)\]/.exec(exception);
  const after = match ? exception.slice(match.index + match[0].length) : exception;
  const text = after
    .replace(/\[TICKET:[^\]]*\]/g, '')
    .replace(/\[NO-DETAILS\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { code: match ? Number(match[1]) : null, text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text };
}

/** Codes from getConstants' IXEXCEPTION (ELO's REST documentation). */
const INVALID_PARAM = 2000;
const INVALID_SESSION = 2001;
const TEMP_PROBLEMS = new Set([1000, 1002, 2002, 2003, 5022]);
const VALIDATION = new Set([INVALID_PARAM, 2007, 5005]);
const CREDENTIALS = new Set([3007, 3008]);
const NOT_FOUND = 5023;
/**
 * ELO's code for a missing right is not publicly documented (the emulator answers 9903): the text decides, in the
 * languages an Indexserver answers in.
 */
const PERMISSION_TEXT =
  /access denied|permission|not allowed|no (write )?(access|rights?)|zugriff (verweigert|nicht erlaubt)|keine (schreib)?(berechtigung|rechte)|berechtigung fehlt/i;

/** The kind of an IX exception answered to `fn`. */
export function classifyEloException(parsed: ParsedEloException): EloFailureKind {
  const { code, text } = parsed;
  if (code === INVALID_SESSION) return 'session';
  if (code !== null && CREDENTIALS.has(code)) return 'credentials';
  if (code === NOT_FOUND) return 'not_found';
  if (code === 9903 || PERMISSION_TEXT.test(text)) return 'permission';
  if (code !== null && TEMP_PROBLEMS.has(code)) return 'unavailable';
  if (code !== null && VALIDATION.has(code)) return 'rejected';
  return 'unexpected';
}

/**
 * The error's own message, for logs and operators (English, like the rest of the logs): what people read is the
 * catalogue's text of the kind (modules/invoice-import/import-failure.ts), with ELO's wording (`reason`) as detail.
 */
const MESSAGES: Record<EloFailureKind, (text: string) => string> = {
  session: () => "The service account's ELO session expired",
  credentials: () =>
    'ELO refused the service account (wrong user name or password, account locked or password sign-in disabled)',
  permission: (text) => `The ELO service account may not file here${text ? `: ${text}` : ''}`,
  rejected: (text) => `ELO rejected the filing${text ? `: ${text}` : ''}`,
  not_found: (text) => `Not found in ELO${text ? `: ${text}` : ''}`,
  unavailable: () => 'ELO cannot be reached',
  unexpected: (text) => `ELO answered with an error${text ? `: ${text}` : ''}`,
};

/** The EloArchiveError for an IX exception answered to `fn`. */
export function eloExceptionError(fn: string, exception: string): EloArchiveError {
  const parsed = parseEloException(exception);
  const kind = classifyEloException(parsed);
  return new EloArchiveError(kind, MESSAGES[kind](parsed.text), {
    fn,
    ...(parsed.code !== null ? { eloCode: parsed.code } : {}),
    reason: parsed.text,
  });
}

/** ELO could not be reached or answered something that is no IX answer. */
export function eloUnavailableError(fn: string, reason: string, mayHavePersisted = false): EloArchiveError {
  return new EloArchiveError('unavailable', MESSAGES.unavailable(''), { fn, reason }, mayHavePersisted);
}

/** A refusal found before anything was sent (e.g. an index value longer than the mask allows). */
export function eloRejectedLocally(fn: string, text: string): EloArchiveError {
  return new EloArchiveError('rejected', MESSAGES.rejected(text), { fn, reason: text });
}
