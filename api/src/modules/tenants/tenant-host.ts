/**
 * What a request's host name says about the tenant (SPEC §1.1): `<slug>.<base-domain>` names one,
 * `selfhost.<base-domain>` lets the login form name it, anything else falls back to DEFAULT_TENANT.
 */
export type HostTenant =
  { kind: 'tenant'; slug: string } | { kind: 'selfhost' } | { kind: 'default'; slug: string | undefined };

const SELFHOST = 'selfhost';
const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function isValidSlug(slug: string): boolean {
  return SLUG.test(slug);
}

export function tenantFromHost(hostname: string, baseDomain: string, defaultTenant: string | undefined): HostTenant {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const suffix = `.${baseDomain}`;
  if (host.endsWith(suffix)) {
    const label = host.slice(0, -suffix.length);
    if (label === SELFHOST) return { kind: 'selfhost' };
    if (isValidSlug(label)) return { kind: 'tenant', slug: label };
  }
  return { kind: 'default', slug: defaultTenant };
}
