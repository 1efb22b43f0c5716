import type { Db } from '../../../db/database.js';
import { AttemptNotFoundError, SessionMismatchError } from '../../../errors/domain-errors.js';
import { randomToken, sha256 } from '../../../support/secrets.js';
import { bindAttemptToBrowser, findTokenAttemptOfTenant } from './attempt.repository.js';
import type { AttemptRow } from '../ms365.tables.js';

/** A browser without a portal session opening the connector link of an attempt started with an API token. */
export interface BrowserVisit {
  /** The tenant whose host the request arrived on. */
  tenantSlug: string | undefined;
  /** Its connector binding cookie, if it has one. */
  bindingCookie: string | undefined;
}

/** What a browser visit answers, and the binding cookie to set when the browser had none. */
export interface BrowserAnswer<T> {
  value: T;
  setBindingCookie?: string;
}

/** What a binding cookie holds: 32 random bytes, base64url. Anything else counts as no cookie. */
const BINDING_COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/**
 * An attempt started with an API token, opened by a browser without a portal session, on its tenant's host. The
 * first browser that opens it owns it (the hash of its binding cookie is stored on the attempt; a browser without
 * a cookie is given one); every other browser gets session_mismatch. Attempts of portal sessions are not found:
 * they belong to their session.
 */
export async function openAttemptAsBrowser(
  db: Db,
  visit: BrowserVisit,
  attemptId: string,
): Promise<{ attempt: AttemptRow; setBindingCookie?: string }> {
  const attempt = visit.tenantSlug
    ? await findTokenAttemptOfTenant(db, { id: attemptId, tenantSlug: visit.tenantSlug })
    : undefined;
  if (!attempt) throw new AttemptNotFoundError();
  const presented =
    visit.bindingCookie && BINDING_COOKIE_VALUE.test(visit.bindingCookie) ? visit.bindingCookie : undefined;
  const cookie = presented ?? randomToken(32);
  if (!(await bindAttemptToBrowser(db, attempt.id, sha256(cookie)))) throw new SessionMismatchError();
  return { attempt, ...(presented ? {} : { setBindingCookie: cookie }) };
}
