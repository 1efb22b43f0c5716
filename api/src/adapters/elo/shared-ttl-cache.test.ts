import { describe, expect, it } from 'vitest';
import { SharedTtlCache } from './shared-ttl-cache.js';

describe('SharedTtlCache', () => {
  it('shares one load between concurrent first requests and serves it until the TTL ends', async () => {
    let now = 0;
    let loads = 0;
    const cache = new SharedTtlCache<number>(1000, () => now);
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)])).toEqual([1, 1, 1]);
    now = 999;
    expect(await cache.get('a', load)).toBe(1);
    now = 1000;
    expect(await cache.get('a', load)).toBe(2);
    expect(await cache.get('b', load)).toBe(3);
  });

  it('does not cache failures', async () => {
    const cache = new SharedTtlCache<string>(1000);
    let attempt = 0;
    const load = async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('down');
      return 'ok';
    };
    await expect(cache.get('a', load)).rejects.toThrow('down');
    expect(await cache.get('a', load)).toBe('ok');
  });

  it('turns a synchronous throw of the loader into a rejection', async () => {
    const cache = new SharedTtlCache<string>(1000);
    await expect(
      cache.get('a', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
  });
});
