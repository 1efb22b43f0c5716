import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { refusedAddressReason } from './address-policy.js';

export class AddressNotAllowedError extends Error {
  readonly code = 'EADDRNOTALLOWED';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`${hostname} resolves to ${address} (${reason}), which webhooks may not reach`);
    this.name = 'AddressNotAllowedError';
  }
}

/**
 * A `lookup` for net/tls connections that resolves the name and refuses the connection when ANY resolved address
 * is not allowed. It runs at connect time, so a name that pointed somewhere harmless when the webhook was
 * registered and now points into the private network (DNS rebinding) is refused all the same; the socket connects
 * only to the addresses checked here.
 */
export function guardedLookup(allowPrivateTargets: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      for (const entry of list) {
        const reason = refusedAddressReason(entry.address, allowPrivateTargets);
        if (reason) return callback(new AddressNotAllowedError(hostname, entry.address, reason), '', 0);
      }
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      // Node asks for all addresses when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      if ((options as dns.LookupOptions).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}
