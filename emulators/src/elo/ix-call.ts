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

/** The id of the logged-in user behind the call's ticket; [ELOIX:2001] when there is none or it expired. */
export function requireSession(call: IxCall): number {
  const ticket = ticketOf(call);
  const userId = ticket ? call.tickets.use(call.repository.name, ticket) : undefined;
  if (userId === undefined) throw IX.invalidTicket();
  return userId;
}
