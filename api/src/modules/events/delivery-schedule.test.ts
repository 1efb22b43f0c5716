import { describe, expect, it } from 'vitest';
import { nextAttemptAt, WEBHOOK_RETRY_WINDOW_MS } from './delivery-schedule.js';

const created = new Date('2026-12-01T10:00:00Z');
const noJitter = () => 0;

describe('nextAttemptAt', () => {
  it('backs off exponentially from 30 seconds, doubling up to two hours', () => {
    const delays = [1, 2, 3, 4, 5, 8, 12].map(
      (attempts) =>
        (nextAttemptAt(created, attempts, created, WEBHOOK_RETRY_WINDOW_MS, noJitter)?.getTime() ?? 0) -
        created.getTime(),
    );
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 3_840_000, 7_200_000]);
  });

  it('adds at most 10 % jitter', () => {
    const next = nextAttemptAt(created, 1, created, WEBHOOK_RETRY_WINDOW_MS, () => 0.999);
    expect((next?.getTime() ?? 0) - created.getTime()).toBe(32_997);
  });

  it('gives up when the next attempt would fall outside the window', () => {
    const late = new Date(created.getTime() + WEBHOOK_RETRY_WINDOW_MS - 60_000);
    expect(nextAttemptAt(created, 20, late, WEBHOOK_RETRY_WINDOW_MS, noJitter)).toBeNull();
    expect(nextAttemptAt(created, 1, late, WEBHOOK_RETRY_WINDOW_MS, noJitter)).not.toBeNull();
  });
});
