/**
 * The ClientInfo sent with every call. ELO handles tickets differently when login has no `ci`, so it is always
 * sent; later calls add the ticket to it.
 */
export const CLIENT_INFO = Object.freeze({ language: 'de', country: 'DE', timeZone: 'UTC' });

export const CLIENT_COMPUTER = 'ecm365';

export const withTicket = (ticket: string) => ({ ...CLIENT_INFO, ticket });
