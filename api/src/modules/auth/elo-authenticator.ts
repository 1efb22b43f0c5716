/**
 * What the sign-in needs from ELO; implemented by the ELO IX adapter (adapters/elo). Throws the domain errors
 * InvalidCredentialsError, PasswordLoginDisabledError or EloUnavailableError.
 */
export interface EloAuthenticator {
  authenticate(input: { baseUrl: string; username: string; password: string; groupName: string }): Promise<{
    userId: string;
    userName: string;
    isGroupMember: boolean;
    /** The IX session of the login, left open for the group re-checks (a secret: stored encrypted only). */
    session: { ticket: string; lifetimeSeconds: number };
  }>;
}
