import { describe, expect, it } from 'vitest';
import {
  activity,
  deliver,
  expectEachKeyOnce,
  FEATURE_URL,
  filed,
  importState,
  pdfMail,
  subjectsByFolder,
  until,
  useImportWorld,
} from './support/qa-world.js';

/**
 * Two app instances on one database, one Microsoft and one ELO, each with its own pg-boss workers (as two replicas
 * behind a load balancer): rounds asked for on both at once never file one mail twice, and every mail is filed.
 */
const a = useImportWorld({ settings: { afterImport: 'move' } });
const b = useImportWorld({ sharing: a });

const MAILS = 24;

describe('two app instances on one database', () => {
  it('never file one mail twice while both run rounds at the same time', async () => {
    // Slow answers widen the window in which both instances could work on the same mail.
    a.t.elo.controls.setLatency(30);
    a.t.microsoft.controls.setLatency({ target: 'graph', ms: 20 });
    for (let i = 0; i < MAILS; i++) deliver(a, await pdfMail(a, `Zwei Instanzen ${i}`));

    // „Jetzt prüfen“ on both, several times while the rounds go on.
    for (let burst = 0; burst < 4; burst++) {
      const runs = await Promise.all([a.user.post(`${FEATURE_URL}/run`), b.user.post(`${FEATURE_URL}/run`)]);
      expect(runs.map((run) => run.statusCode)).toEqual([202, 202]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await until(
      async () => {
        if (filed(a).length < MAILS) {
          await Promise.all([a.user.post(`${FEATURE_URL}/run`), b.user.post(`${FEATURE_URL}/run`)]);
        }
        return { filed: filed(a).length, state: await importState(b) };
      },
      (value) => value.filed >= MAILS && value.state.backlog === 0,
      90_000,
      'all mails filed by the two instances',
    );
    a.t.elo.controls.setLatency(0);
    a.t.microsoft.controls.setLatency({ target: 'graph', ms: 0 });

    expectEachKeyOnce(a, MAILS);
    const items = await activity(b);
    expect(items).toHaveLength(MAILS);
    expect(items.every((item) => item.state === 'imported')).toBe(true);
    expect(subjectsByFolder(a)['ELO importiert']).toHaveLength(MAILS);
    expect(subjectsByFolder(a).Posteingang ?? []).toEqual([]);
    // Each mail checked in once: no second checkinDocEnd for a key ELO already had.
    expect(a.t.elo.controls.callCounts('acme').checkinDocEnd).toBe(MAILS);
  }, 120_000);
});
