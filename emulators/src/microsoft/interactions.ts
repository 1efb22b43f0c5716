import { randomBytes } from 'node:crypto';

/** Both the sign-in and the admin-consent page post to `/{tenant}/login`, like Entra's own `/common/login`. */
export const loginAction = (tenantParam: string): string => `/${encodeURIComponent(tenantParam)}/login`;

/** Id of a pending page; unguessable, because whoever holds it can complete the sign-in. */
export function newInteractionId(): string {
  return randomBytes(24).toString('base64url');
}
