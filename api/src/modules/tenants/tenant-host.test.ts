import { describe, expect, it } from 'vitest';
import { sessionFitsHost, tenantFromHost } from './tenant-host.js';

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

describe('sessionFitsHost', () => {
  const host = (name: string, defaultTenant?: string) => tenantFromHost(name, 'ecm365.example', defaultTenant);
  const onTenantHost = { hostKind: 'tenant', tenantSlug: 'acme' } as const;

  it('accepts a tenant-host session only on that tenant host', () => {
    expect(sessionFitsHost(host('acme.ecm365.example'), onTenantHost)).toBe(true);
    expect(sessionFitsHost(host('ACME.ecm365.example.'), onTenantHost)).toBe(true);
    for (const other of [
      'other.ecm365.example',
      'selfhost.ecm365.example',
      'ecm365.example',
      'a.acme.ecm365.example',
      'evil.example',
      'localhost',
    ]) {
      expect(sessionFitsHost(host(other, 'acme'), onTenantHost), other).toBe(false);
    }
  });

  it('accepts on the default host only sessions made there, and only for the default tenant', () => {
    const made = (tenantSlug: string) => ({ hostKind: 'default', tenantSlug }) as const;
    expect(sessionFitsHost(host('localhost', 'demo'), made('demo'))).toBe(true);
    expect(sessionFitsHost(host('evil.example', 'demo'), made('demo'))).toBe(true);
    expect(sessionFitsHost(host('localhost', 'demo'), made('acme'))).toBe(false);
    expect(sessionFitsHost(host('localhost'), made('demo'))).toBe(false);
    expect(sessionFitsHost(host('demo.ecm365.example', 'demo'), made('demo'))).toBe(false);
  });

  it('accepts a selfhost session only on selfhost', () => {
    const made = { hostKind: 'selfhost', tenantSlug: 'acme' } as const;
    expect(sessionFitsHost(host('selfhost.ecm365.example'), made)).toBe(true);
    expect(sessionFitsHost(host('acme.ecm365.example'), made)).toBe(false);
    expect(sessionFitsHost(host('localhost', 'acme'), made)).toBe(false);
    expect(sessionFitsHost(host('selfhost.ecm365.example'), onTenantHost)).toBe(false);
  });
});
