import { MS365_GROUP, type Ms365Access } from '@ecm365/shared';
import { germanCalendarDate } from '../../support/clock.js';
import type { Principal } from '../auth/principal.js';

/**
 * The group rule (SPEC §1.3): members of the ELO group may manage Microsoft 365; before a tenant's grace date
 * (the article's "vor dem 09.10.2022") every signed-in user of that tenant may.
 */
export function evaluateMs365Access(principal: Pick<Principal, 'isGroupMember' | 'tenant'>, now: Date): Ms365Access {
  const graceUntil = principal.tenant.graceUntil ?? undefined;
  const base = { group: MS365_GROUP, ...(graceUntil ? { graceUntil } : {}) } as const;
  if (principal.isGroupMember) return { allowed: true, reason: 'group_member', ...base };
  if (graceUntil && germanCalendarDate(now) < graceUntil) return { allowed: true, reason: 'grace_period', ...base };
  return { allowed: false, reason: 'not_member', ...base };
}
