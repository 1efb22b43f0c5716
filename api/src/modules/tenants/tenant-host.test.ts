import { describe, expect, it } from 'vitest';
import { tenantFromHost } from './tenant-host.js';

describe('tenantFromHost', () => {
  it('reads the tenant from <slug>.<base-domain>', () => {
    expect(tenantFromHost('acme.ecm365.example', 'ecm365.example', undefined)).toEqual({
      kind: 'tenant',
      slug: 'acme',
    });
    expect(tenantFromHost('ACME.ecm365.example.', 'ecm365.example', undefined)).toEqual({
      kind: 'tenant',
      slug: 'acme',
    });
  });

  it('recognises selfhost.<base-domain>', () => {
    expect(tenantFromHost('selfhost.ecm365.example', 'ecm365.example', 'demo')).toEqual({ kind: 'selfhost' });
  });

  it('falls back to the default tenant for other hosts', () => {
    expect(tenantFromHost('localhost', 'localhost', 'demo')).toEqual({ kind: 'default', slug: 'demo' });
    expect(tenantFromHost('127.0.0.1', 'localhost', undefined)).toEqual({ kind: 'default', slug: undefined });
    expect(tenantFromHost('evil.example', 'ecm365.example', undefined)).toEqual({ kind: 'default', slug: undefined });
  });

  it('does not take nested or malformed labels as tenants', () => {
    expect(tenantFromHost('a.b.ecm365.example', 'ecm365.example', undefined).kind).toBe('default');
    expect(tenantFromHost('-x.ecm365.example', 'ecm365.example', undefined).kind).toBe('default');
    expect(tenantFromHost('xecm365.example', 'ecm365.example', undefined).kind).toBe('default');
  });
});
