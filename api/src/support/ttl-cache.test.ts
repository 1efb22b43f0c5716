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

  it('shares one load between concurrent misses and serves it until the time-to-live ends', async () => {
    vi.useFakeTimers();
    let loads = 0;
    const cache = new TtlCache<string, number>(1000, 10);
    const load = async () => ++loads;
    expect(await Promise.all([cache.getOrLoad('a', load), cache.getOrLoad('a', load)])).toEqual([1, 1]);
    vi.advanceTimersByTime(999);
    expect(await cache.getOrLoad('a', load)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await cache.getOrLoad('a', load)).toBe(2);
    expect(await cache.getOrLoad('b', load)).toBe(3);
  });

  it('does not cache failed loads, nor a load that a delete overtook', async () => {
    const cache = new TtlCache<string, string>(60_000, 10);
    let attempt = 0;
    const load = async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('down');
      return `v${attempt}`;
    };
    await expect(cache.getOrLoad('a', load)).rejects.toThrow('down');
    const overtaken = cache.getOrLoad('a', load);
    cache.delete('a'); // written meanwhile: what the running load read may be stale
    expect(await overtaken).toBe('v2');
    expect(await cache.getOrLoad('a', load)).toBe('v3');
    await expect(
      cache.getOrLoad('b', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
  });
});
