import { TYPE_USER } from './directory.js';
import { isRecord, requireSession, ticketOf, type IxFunction } from './ix-call.js';
import { IX } from './ix-exception.js';
import { toUserInfo } from './user-info.js';

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);

/** IXServicePortIF/login: name and password in, ticket and UserInfo out. */
export const login: IxFunction = ({ body, repository, tickets }) => {
  const { ci, userName, userPwd, runAsUser } = body;
  // ELO handles tickets differently without a ClientInfo; clients must send one, so the emulator insists.
  if (!isRecord(ci)) throw IX.invalidArgument('ci (ClientInfo) is required');
  if (typeof userName !== 'string' || typeof userPwd !== 'string') {
    throw IX.invalidArgument('userName and userPwd are required');
  }
  if (runAsUser !== undefined && runAsUser !== null && runAsUser !== '') throw IX.notEmulated('runAsUser');
  // With Modern Authentication the Indexserver refuses the attempt before it looks at the password.
  if (repository.passwordLoginDisabled) throw IX.passwordLoginDisabled();

  const user = repository.directory.findByName(userName);
  // Unknown user, group name, wrong password and locked account all get the same answer, as in ELO.
  if (!user || user.type !== TYPE_USER || user.locked || !repository.directory.passwordMatches(user.id, userPwd)) {
    throw IX.wrongCredentials();
  }
  return {
    clientInfo: {
      ticket: tickets.issue(repository.name, user.id),
      language: text(ci.language, 'de'),
      country: text(ci.country, 'DE'),
      timeZone: text(ci.timeZone, 'UTC'),
    },
    ticketLifetime: tickets.lifetimeSeconds,
    user: toUserInfo(repository, user),
  };
};

/** IXServicePortIF/logout: ends the ticket's session. */
export const logout: IxFunction = (call) => {
  requireSession(call);
  const ticket = ticketOf(call);
  if (ticket) call.tickets.revoke(ticket);
  return null;
};

/**
 * IXServicePortIF/alive: "Extends the ticket lifetime" (IX OpenAPI). A client keeping a session open without
 * other calls sends it; an expired or unknown ticket gets [ELOIX:2001] like every call that needs a session.
 */
export const alive: IxFunction = (call) => {
  requireSession(call);
  return null;
};

/** IXServicePortIF/getConstants: needs no login. */
export const getConstants: IxFunction = ({ constants }) => constants;
