import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

describe('Retry-After', () => {
  it('is undefined without a header, so that the caller backs off instead of retrying at once', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('   ')).toBeUndefined();
  });

  it('reads delta-seconds, including an explicit 0', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });

  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither', () => {
    expect(parseRetryAfter('-5')).toBeUndefined();
    expect(parseRetryAfter('1.5')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
