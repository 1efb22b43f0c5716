import { describe, expect, it } from 'vitest';
import { refusedAddressReason } from './address-policy.js';
import { refusedUrlReason } from './webhook-sender.js';

describe('refusedAddressReason', () => {
  it('lets public unicast addresses through', () => {
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) {
      expect(refusedAddressReason(address, false), address).toBeUndefined();
    }
  });

  it('refuses loopback, private, link-local, unique-local and mapped loopback unless allowed', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
    ]) {
      expect(refusedAddressReason(address, false), address).toBeDefined();
      expect(refusedAddressReason(address, true), address).toBeUndefined();
    }
  });

  it('always refuses this-network, multicast, broadcast and reserved ranges', () => {
    for (const address of ['0.0.0.0', '224.0.0.1', '255.255.255.255', '240.0.0.1', '::', 'ff02::1']) {
      expect(refusedAddressReason(address, true), address).toBeDefined();
    }
  });
});

describe('refusedUrlReason', () => {
  const production = { allowHttp: false, allowPrivateTargets: false };
  it('requires https in production and allows http elsewhere', () => {
    expect(refusedUrlReason('http://hooks.example.com/', production)).toBe('must use https');
    expect(refusedUrlReason('https://hooks.example.com/', production)).toBeUndefined();
    expect(
      refusedUrlReason('http://hooks.example.com/', { allowHttp: true, allowPrivateTargets: true }),
    ).toBeUndefined();
  });

  it('refuses credentials, fragments, localhost names and private literals', () => {
    expect(refusedUrlReason('https://a:b@hooks.example.com/', production)).toMatch(/user name/);
    expect(refusedUrlReason('https://hooks.example.com/#x', production)).toMatch(/fragment/);
    expect(refusedUrlReason('https://api.localhost/', production)).toBe('loopback address');
    expect(refusedUrlReason('https://[fd00::1]/', production)).toBe('uniqueLocal address');
  });
});
