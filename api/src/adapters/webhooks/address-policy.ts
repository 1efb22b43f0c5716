import ipaddr from 'ipaddr.js';

/**
 * Which network addresses a webhook may be delivered to (the SSRF guard): public unicast addresses always;
 * loopback, private, link-local and unique-local ones only when ops allow them (development, tests, an intranet
 * receiver); never "this network", multicast, broadcast or reserved ranges. IPv4-mapped IPv6 addresses are judged
 * as the IPv4 address they carry, so `::ffff:127.0.0.1` is loopback.
 */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);

/** Why an address is refused, or undefined when it may be used. */
export function refusedAddressReason(address: string, allowPrivateTargets: boolean): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  if (PRIVATE_RANGES.has(range)) return allowPrivateTargets ? undefined : `${range} address`;
  return `${range} address`;
}

/** Host names that mean this machine whatever DNS says. */
export function isLocalHostName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost');
}
