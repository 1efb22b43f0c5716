import { Agent } from 'undici';
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';

/**
 * One connection pool for all calls to Microsoft, trusting the system CAs plus, when configured, exactly one extra
 * CA (the emulator's). TLS verification is never switched off.
 */
export function createMicrosoftDispatcher(endpoints: MicrosoftEndpoints): Agent {
  return new Agent({
    connect: { timeout: endpoints.timeoutMs, ...(endpoints.caPem ? { ca: endpoints.caPem } : {}) },
    headersTimeout: endpoints.timeoutMs,
    bodyTimeout: endpoints.timeoutMs,
  });
}
