import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers within the time-to-live and forgets afterwards', () => {
    vi.useFakeTimers();
    const cache = new TtlCache<string, number>(1000, 10);
    cache.set('a', 1);
    vi.advanceTimersByTime(999);
    expect(cache.get('a')).toBe(1);
    vi.advanceTimersByTime(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry beyond its size', () => {
    const cache = new TtlCache<string, number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('keeps nothing with a time-to-live of zero, and forgets on delete and deleteWhere', () => {
    const off = new TtlCache<string, number>(0, 10);
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
    const cache = new TtlCache<string, number>(60_000, 10);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.deleteWhere((value) => value === 2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });
});
