import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SessionLookups } from '../../src/modules/sessions/session-lookups.js';
import type { SessionWithTenant } from '../../src/modules/sessions/session.repository.js';

const sessionOf = (tenantSlug: string) => ({ tenantSlug }) as SessionWithTenant;

/** A loader that records the id hashes of each call and knows the sessions of `known`. */
function recordingLoader(known: Record<string, string>) {
  const calls: string[][] = [];
  const load = (hashes: readonly string[]) => {
    calls.push([...hashes]);
    const found = new Map<string, SessionWithTenant>();
    for (const hash of hashes) if (known[hash]) found.set(hash, sessionOf(known[hash]));
    return Promise.resolve(found);
  };
  return { calls, load };
}

describe('session lookups of one event-loop turn', () => {
  it('are read with one load, each asker getting its own session (or none)', async () => {
    const { calls, load } = recordingLoader({ a: 'acme', b: 'beta' });
    const lookups = new SessionLookups(load);
    const answers = await Promise.all(['a', 'b', 'a', 'unknown'].map((hash) => lookups.find(hash)));
    expect(answers.map((session) => session?.tenantSlug)).toEqual(['acme', 'beta', 'acme', undefined]);
    expect(calls).toEqual([['a', 'b', 'unknown']]);
  });

  it('are never answered from an earlier turn: a lookup after a load has been sent gets a load of its own', async () => {
    const { calls, load } = recordingLoader({ a: 'acme' });
    const lookups = new SessionLookups(load);
    const first = lookups.find('a');
    await nextTurn(); // the first load has been sent
    const second = lookups.find('a');
    await Promise.all([first, second]);
    expect(calls).toEqual([['a'], ['a']]);
  });

  it('hand a failed load to every asker of its batch, and the next turn tries again', async () => {
    let fail = true;
    const lookups = new SessionLookups(() =>
      fail ? Promise.reject(new Error('database away')) : Promise.resolve(new Map([['a', sessionOf('acme')]])),
    );
    const results = await Promise.allSettled([lookups.find('a'), lookups.find('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect((await lookups.find('a'))?.tenantSlug).toBe('acme');
  });

  it('split a very large turn into several loads', async () => {
    const { calls, load } = recordingLoader({});
    const lookups = new SessionLookups(load);
    await Promise.all(Array.from({ length: 450 }, (_, i) => lookups.find(`h${i}`)));
    expect(calls.map((hashes) => hashes.length)).toEqual([200, 200, 50]);
  });
});
