/** An IX `exception` string split into ELO's code and the text after it. */
export interface ParsedIxException {
  /** The nnnn of "[ELOIX:nnnn]", or null when the text does not start with one. */
  code: number | null;
  text: string;
}

const PREFIX = /^\s*\[ELOIX:(\d+)\]\s*/;

export function parseIxException(exception: string): ParsedIxException {
  const match = PREFIX.exec(exception);
  if (!match) return { code: null, text: exception.trim() };
  return { code: Number(match[1]), text: exception.slice(match[0].length).trim() };
}

/** ELO's codes the portal branches on (notes/elo-ix-rest.md). */
export const ELOIX_INVALID_SESSION = 2001;
export const ELOIX_PASSWORD_DENIED = 3007;
export const ELOIX_WRONG_CREDENTIALS = 3008;

/**
 * From ELO 23.5 on, a customer can switch name/password login off (ELO Modern Authentication). ELO documents
 * 3007; the texts are matched too because the code such a server uses is not publicly certain, and telling
 * the user "wrong password" when password login is off would send them in circles.
 */
const PASSWORD_LOGIN_DISABLED_TEXTS = [
  /modern\s*auth/i,
  /password[\s-]*(login|logon|authentication)\s+(is\s+)?(disabled|deactivated|switched\s+off|not\s+allowed)/i,
  /(kennwort|passwort)[\s-]*(anmeldung|login)\s[^.]*deaktiviert/i,
  /anmeldung\s+mit\s[^.]*(kennwort|passwort)[^.]*deaktiviert/i,
];

export function isPasswordLoginDisabled(parsed: ParsedIxException): boolean {
  return (
    parsed.code === ELOIX_PASSWORD_DENIED || PASSWORD_LOGIN_DISABLED_TEXTS.some((pattern) => pattern.test(parsed.text))
  );
}
