import { describe, expect, it } from 'vitest';
import { evaluateMs365Access } from './ms365-access.js';

const tenant = (graceUntil: string | null) => ({ id: 't', slug: 'acme', name: 'ACME', graceUntil });
const at = (iso: string) => new Date(iso);

describe('evaluateMs365Access', () => {
  it('allows group members', () => {
    expect(evaluateMs365Access({ isGroupMember: true, tenant: tenant(null) }, at('2026-01-01T12:00:00Z'))).toEqual({
      allowed: true,
      reason: 'group_member',
      group: 'online.ecm.microsoft365',
    });
  });

  it('allows everyone before the grace date, counted in German days', () => {
    const user = { isGroupMember: false, tenant: tenant('2022-10-09') };
    expect(evaluateMs365Access(user, at('2022-10-08T21:59:00Z'))).toMatchObject({
      allowed: true,
      reason: 'grace_period',
    });
    // 22:00 UTC on the 8th is already the 9th in Berlin (CEST, UTC+2).
    expect(evaluateMs365Access(user, at('2022-10-08T22:00:00Z'))).toMatchObject({
      allowed: false,
      reason: 'not_member',
    });
  });

  it('denies non-members without a grace date', () => {
    expect(evaluateMs365Access({ isGroupMember: false, tenant: tenant(null) }, at('2026-01-01T00:00:00Z'))).toEqual({
      allowed: false,
      reason: 'not_member',
      group: 'online.ecm.microsoft365',
    });
  });
});
