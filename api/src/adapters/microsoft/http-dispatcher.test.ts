import { rootCertificates } from 'node:tls';
import { generateEmulatorTls } from '@ecm365/emulators';
import { describe, expect, it } from 'vitest';
import { trustedCertificates } from './http-dispatcher.js';

describe('the certificate authorities trusted for Microsoft', () => {
  it('are the system roots plus MS365_CA_FILE, not MS365_CA_FILE alone', async () => {
    const { ca } = await generateEmulatorTls();
    const trusted = trustedCertificates(ca) ?? [];
    // Real Microsoft's chains end in the system roots: every one of them stays trusted next to the extra CA.
    expect(rootCertificates.length).toBeGreaterThan(50);
    for (const root of rootCertificates) expect(trusted).toContain(root);
    expect(trusted).toContain(ca);
    expect(trusted).toHaveLength(rootCertificates.length + 1);
  });

  it('leave the defaults alone without an extra CA', () => {
    expect(trustedCertificates(undefined)).toBeUndefined();
  });
});
