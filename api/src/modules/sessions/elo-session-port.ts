/**
 * What sessions need from ELO after the login: renewing the login's IX session and asking again whether its user
 * is in the group, and ending it at sign-out. Implemented by the ELO IX adapter (adapters/elo).
 */
export interface EloSessionPort {
  /** Throws EloUnavailableError when ELO cannot be asked. */
  recheckMembership(input: {
    baseUrl: string;
    ticket: string;
    userId: string;
    groupName: string;
  }): Promise<{ kind: 'checked'; isGroupMember: boolean } | { kind: 'session_expired' }>;
  /** Best effort; never throws. */
  endSession(input: { baseUrl: string; ticket: string }): Promise<void>;
}
