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

export type HostKind = HostTenant['kind'];

/**
 * Whether a session may be used on this host (a session cookie only on its own tenant's host): only on the kind
 * of host it was created on, and there only for that host's tenant — `<slug>.<base-domain>` for tenant `slug`,
 * the default host (any host naming no tenant, a foreign Host included) for DEFAULT_TENANT and no other, and
 * `selfhost.<base-domain>` for sessions made there.
 */
export function sessionFitsHost(host: HostTenant, session: { hostKind: HostKind; tenantSlug: string }): boolean {
  if (host.kind !== session.hostKind) return false;
  switch (host.kind) {
    case 'tenant':
      return host.slug === session.tenantSlug;
    case 'default':
      return host.slug !== undefined && host.slug === session.tenantSlug;
    case 'selfhost':
      return true;
  }
}
