import { TYPE_USER } from './directory.js';
import type { FilingServices } from './filing-services.js';
import type { CheckoutUsersSelectorNumbers } from './constants.js';
import { IX } from './ix-exception.js';
import type { RepositoryState } from './repository-state.js';
import type { TicketStore } from './tickets.js';

/** Everything an emulated IX function needs to answer one request. */
export interface IxCall {
  repository: RepositoryState;
  body: Record<string, unknown>;
  /** Ticket from `Authorization: Bearer`, which ELO accepts instead of `ci.ticket`. */
  bearerTicket: string | undefined;
  tickets: TicketStore;
  selectorNumbers: CheckoutUsersSelectorNumbers;
  constants: Record<string, unknown>;
  /** `Authorization: Basic` credentials: services may authenticate every call this way instead of a login. */
  basicAuth?: { userName: string; password: string };
  /** Archive, uploads and searches, plus the URL under which this repository's IX is reached. */
  filing: { services: FilingServices; ixUrl: string };
}

/** Returns the `result`, or throws an IxException that becomes `{exception}`. */
export type IxFunction = (call: IxCall) => unknown;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The call's ticket: `ci.ticket`, else the Bearer header. */
export function ticketOf(call: IxCall): string | undefined {
  const ci = call.body.ci;
  return isRecord(ci) && typeof ci.ticket === 'string' && ci.ticket !== '' ? ci.ticket : call.bearerTicket;
}

/**
 * The id of the user behind the call: its ticket, else Basic credentials (checked on every call, as ELO does for
 * services); [ELOIX:2001] when there is neither or the ticket expired, [ELOIX:3008] for wrong Basic credentials.
 */
export function requireSession(call: IxCall): number {
  const ticket = ticketOf(call);
  if (!ticket && call.basicAuth) return basicAuthUser(call, call.basicAuth);
  const userId = ticket ? call.tickets.use(call.repository.name, ticket) : undefined;
  if (userId === undefined) throw IX.invalidTicket();
  return userId;
}

function basicAuthUser(call: IxCall, credentials: { userName: string; password: string }): number {
  const { repository } = call;
  if (repository.passwordLoginDisabled) throw IX.passwordLoginDisabled();
  const user = repository.directory.findByName(credentials.userName);
  if (
    !user ||
    user.type !== TYPE_USER ||
    user.locked ||
    !repository.directory.passwordMatches(user.id, credentials.password)
  ) {
    throw IX.wrongCredentials();
  }
  return user.id;
}
