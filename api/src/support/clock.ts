/** Time as a dependency, so that expiry rules can be tested without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Made once: a DateTimeFormat costs far more to build (time zone data) than to use. */
const GERMAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

/** Today's date in Germany (`YYYY-MM-DD`): grace dates are German calendar days. */
export function germanCalendarDate(at: Date): string {
  return GERMAN_DATE.format(at);
}
