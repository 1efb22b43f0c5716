import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';

/**
 * The certificate authorities trusted for Microsoft: the system's (Node's bundled roots) plus, when configured,
 * the extra CA of MS365_CA_FILE. undici's `connect.ca` replaces the defaults rather than adding to them, so the
 * roots are listed explicitly: real Microsoft stays reachable next to an emulator's or a proxy's CA.
 */
export function trustedCertificates(caPem: string | undefined): string[] | undefined {
  return caPem ? [...rootCertificates, caPem] : undefined;
}

/**
 * One connection pool for all calls to Microsoft, trusting the system CAs plus, when configured, the extra CA.
 * TLS verification is never switched off.
 */
export function createMicrosoftDispatcher(endpoints: MicrosoftEndpoints): Agent {
  const ca = trustedCertificates(endpoints.caPem);
  return new Agent({
    // One secure context for every connection: given `ca` alone, Node parses the ~140 roots again for each new
    // TLS connection (a few ms of CPU each; issue 13's sweep profile had it among the top items).
    connect: { timeout: endpoints.timeoutMs, ...(ca ? { secureContext: createSecureContext({ ca }) } : {}) },
    headersTimeout: endpoints.timeoutMs,
    bodyTimeout: endpoints.timeoutMs,
  });
}
