/**
 * An IX exception, answered as HTTP 200 `{"exception": "[ELOIX:nnnn]text"}` like a real Indexserver.
 * 2001, 3007 and 3008 are ELO's codes (see notes/elo-ix-rest.md); the 99xx codes are the emulator's own choice
 * for cases whose real code is not publicly documented, so that nobody mistakes them for ELO's.
 */
export class IxException extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
  ) {
    super(`[ELOIX:${code}]${text}`);
  }
}

export const IX = {
  invalidTicket: () => new IxException(2001, 'Invalid or expired ticket. Please log in again.'),
  passwordLoginDisabled: () =>
    new IxException(
      3007,
      'Password login is disabled for this repository (ELO Modern Authentication). Log in through the identity provider.',
    ),
  wrongCredentials: () => new IxException(3008, 'Wrong user name or password.'),
  invalidArgument: (text: string) => new IxException(9901, `Invalid argument: ${text}`),
  notFound: (text: string) => new IxException(9902, `Not found: ${text}`),
  accessDenied: (text: string) => new IxException(9903, `Access denied: ${text}`),
  notEmulated: (text: string) => new IxException(9904, `Not supported by the emulator: ${text}`),
} as const;
