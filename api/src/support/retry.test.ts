import { describe, expect, it } from 'vitest';
import { withRetries, type RetryPolicy } from './retry.js';

const policy: RetryPolicy = { attempts: 4, budgetMs: 10_000, baseDelayMs: 100, maxDelayMs: 1000 };

function failing(times: number, error: Error = new Error('temporary')) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    run: async () => {
      calls++;
      if (calls <= times) throw error;
      return 'ok';
    },
  };
}

describe('withRetries', () => {
  it('retries temporary failures until one succeeds', async () => {
    const waits: number[] = [];
    const op = failing(2);
    const result = await withRetries(
      op.run,
      policy,
      () => ({ retry: true }),
      async (ms) => void waits.push(ms),
    );
    expect(result).toBe('ok');
    expect(op.calls).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it("waits exactly the server's Retry-After when given", async () => {
    const waits: number[] = [];
    await withRetries(
      failing(1).run,
      policy,
      () => ({ retry: true, afterMs: 2000 }),
      async (ms) => void waits.push(ms),
    );
    expect(waits).toEqual([2000]);
  });

  it('gives up after the allowed attempts with the last error', async () => {
    const op = failing(10);
    await expect(
      withRetries(
        op.run,
        policy,
        () => ({ retry: true }),
        async () => {},
      ),
    ).rejects.toThrow('temporary');
    expect(op.calls).toBe(4);
  });

  it('does not start a wait that would overrun the time budget', async () => {
    const op = failing(10);
    const waits: number[] = [];
    await expect(
      withRetries(
        op.run,
        policy,
        () => ({ retry: true, afterMs: 60_000 }),
        async (ms) => void waits.push(ms),
      ),
    ).rejects.toThrow('temporary');
    expect(op.calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('does not retry permanent failures', async () => {
    const op = failing(10, new Error('permanent'));
    await expect(
      withRetries(
        op.run,
        policy,
        () => ({ retry: false }),
        async () => {},
      ),
    ).rejects.toThrow('permanent');
    expect(op.calls).toBe(1);
  });
});
