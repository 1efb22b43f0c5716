import { startMicrosoftEmulator, type RunningMicrosoftEmulator } from '@ecm365/emulators';
import type { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMicrosoftDispatcher, GraphGateway, MicrosoftRequestError } from '../../src/adapters/microsoft/index.js';
import { emulatorEndpoints } from '../../src/demo/microsoft-emulator.js';
import { MICROSOFT_RETRY_POLICY, microsoftRetryDecision } from '../../src/modules/ms365/microsoft-retry.js';
import { withRetries } from '../../src/support/retry.js';
import { TEST_CLIENT } from '../support/test-app.js';

let microsoft: RunningMicrosoftEmulator;
let dispatcher: Agent;
let graph: GraphGateway;
beforeAll(async () => {
  microsoft = await startMicrosoftEmulator({
    clients: [{ ...TEST_CLIENT, redirectUris: ['http://ecm365.test/api/v1/ms365/callback'] }],
  });
  const endpoints = emulatorEndpoints(microsoft, TEST_CLIENT, 'http://ecm365.test/api/v1/ms365/callback', 5000);
  dispatcher = createMicrosoftDispatcher(endpoints);
  graph = new GraphGateway(endpoints, dispatcher);
});
beforeEach(() => microsoft.controls.reset());
afterAll(async () => {
  await dispatcher.close();
  await microsoft.close();
});

/**
 * The connection test's retry loop around one Graph call, with the waits recorded instead of slept. Graph answers
 * the faults before it looks at the token, and the bogus token's 401 after them ends the loop.
 */
async function waitsBeforeGivingUp(): Promise<{ waits: number[]; last: MicrosoftRequestError }> {
  const waits: number[] = [];
  const last = await withRetries(
    () => graph.me('not-a-real-token'),
    MICROSOFT_RETRY_POLICY,
    microsoftRetryDecision,
    async (ms) => {
      waits.push(ms);
    },
  ).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(last).toBeInstanceOf(MicrosoftRequestError);
  return { waits, last: last as MicrosoftRequestError };
}

describe('Graph 429/503/504 without Retry-After', () => {
  it.each([429, 503, 504] as const)(
    'a %s without the header is retried after an exponential back-off with jitter, not at once',
    async (status) => {
      microsoft.controls.failNext({ target: 'graph', status, times: 2 });
      const { waits, last } = await waitsBeforeGivingUp();
      // Two faults, then the 401 of the bogus token: two waits, growing, within the policy's bounds.
      expect(last.failure.httpStatus).toBe(401);
      expect(waits).toHaveLength(2);
      const [first, second] = waits as [number, number];
      const base = MICROSOFT_RETRY_POLICY.baseDelayMs;
      expect(first).toBeGreaterThanOrEqual(base / 2);
      expect(first).toBeLessThanOrEqual(base);
      expect(second).toBeGreaterThanOrEqual(base);
      expect(second).toBeLessThanOrEqual(2 * base);
    },
  );

  it('reports no Retry-After for a missing header, and honours one that is there', async () => {
    microsoft.controls.failNext({ target: 'graph', status: 503 });
    const bare = (await graph.me('x').then(
      () => undefined,
      (error: unknown) => error,
    )) as MicrosoftRequestError;
    expect(bare).toBeInstanceOf(MicrosoftRequestError);
    expect(bare.failure).toMatchObject({ httpStatus: 503, retryAfterSeconds: undefined });
    expect(microsoftRetryDecision(bare)).toEqual({ retry: true, afterMs: undefined });

    microsoft.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 2 });
    expect((await waitsBeforeGivingUp()).waits).toEqual([2000]);
  });
});
