/**
 * The rule for group membership in a running session (README "Sessions, the ELO group and limits"): ELO is asked
 * again every `checkMinutes` (configured below 15), and a membership ELO has not confirmed within the last 15
 * minutes counts as none, so a user taken out of `online.ecm.microsoft365` loses the Microsoft 365 rights within
 * 15 minutes even when the checks stall.
 */
export const MEMBERSHIP_VALID_MS = 15 * 60_000;

/** Checks run from a job every minute: a renewal cannot come sooner than that. */
const SHORTEST_INTERVAL_MS = 60_000;

/** When to check next: after `checkMinutes`, or at half the ticket's lifetime if that is sooner (ELO drops idle tickets). */
export function nextGroupCheckAt(now: Date, checkMinutes: number, ticketLifetimeSeconds: number | null): Date {
  const renewal = ticketLifetimeSeconds ? (ticketLifetimeSeconds * 1000) / 2 : Infinity;
  const interval = Math.max(SHORTEST_INTERVAL_MS, Math.min(checkMinutes * 60_000, renewal));
  return new Date(now.getTime() + interval);
}

/** Whether a membership confirmed at `checkedAt` still counts at `now`. */
export function membershipStillValid(checkedAt: Date, now: Date): boolean {
  return now.getTime() - checkedAt.getTime() < MEMBERSHIP_VALID_MS;
}

/** Associated data of a session's encrypted ELO ticket: a ciphertext copied to another session does not decrypt. */
export const eloTicketContext = (sessionIdHash: string) => `sessions:${sessionIdHash}:elo_ticket`;
