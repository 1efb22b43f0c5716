import { beforeEach, describe, expect, it } from 'vitest';
import {
  activity,
  activityItem,
  deliver,
  expectEachKeyOnce,
  filed,
  graphRequests,
  INVOICE_MAILBOX,
  pdfMail,
  runRound,
  runUntilSettled,
  setUpImport,
  subjectsByFolder,
  useImportWorld,
} from './support/qa-world.js';

/**
 * How the import survives what Graph does to a poller (notes §1): the same message reported again, a delta link
 * that died (410 SyncStateNotFound), throttling with and without Retry-After. Each ends with every mail imported
 * once: one ELO document per import key, nothing left in the Inbox.
 */
const world = useImportWorld();
beforeEach(() => {
  // Not controls.reset(): it gives the mailbox a fresh Inbox whose new folders reuse old ids (an emulator artefact).
  // Faults are armed per test and used up; latency is set back here.
  world.t.microsoft.controls.setLatency({ target: 'graph', ms: 0 });
});

const MESSAGES_PATH = `/v1.0/users/${INVOICE_MAILBOX}/messages`;

/** Sum of Graph requests on paths below `prefix` (the emulator counts throttled attempts too). */
const requestsBelow = (prefix: string) =>
  Object.entries(graphRequests(world))
    .filter(([path]) => decodeURIComponent(path).toLowerCase().startsWith(prefix.toLowerCase()))
    .reduce((sum, [, count]) => sum + count, 0);

/** Delta requests so far (Graph's links name the mailbox by user id and the folder by id: any path of a delta). */
const deltaRequests = () =>
  Object.entries(graphRequests(world))
    .filter(([path]) => path.endsWith('/messages/delta'))
    .reduce((sum, [, count]) => sum + count, 0);

describe('Graph replays and expired delta state', () => {
  it('files nothing twice when delta reports the same messages again (replay), with mails left in the Inbox', async () => {
    await setUpImport(world, { afterImport: 'none' });
    const subjects = ['Replay A', 'Replay B', 'Replay C'];
    for (const subject of subjects) deliver(world, await pdfMail(world, subject));
    await runUntilSettled(world);
    expect(filed(world)).toHaveLength(3);

    // The next round from the delta link returns every unchanged message again; twice, for good measure.
    for (let round = 0; round < 2; round++) {
      world.t.microsoft.controls.replayDelta(INVOICE_MAILBOX);
      const state = await runRound(world);
      expect(state.backlog).toBe(0);
    }
    expectEachKeyOnce(world, 3);
    const items = await activity(world);
    expect(items.map((item) => item.subject).sort()).toEqual(subjects);
    expect(items.every((item) => item.state === 'imported')).toBe(true);
    // afterImport "none": nothing moved.
    expect(subjectsByFolder(world).Posteingang).toEqual(expect.arrayContaining(subjects));
  });

  it('starts a fresh round after 410 SyncStateNotFound: the old mails are absorbed, the new one imported', async () => {
    const before = filed(world).length;
    deliver(world, await pdfMail(world, 'Vor dem Ablauf'));
    await runUntilSettled(world);
    expect(filed(world)).toHaveLength(before + 1);

    world.t.microsoft.controls.expireDeltaTokens(INVOICE_MAILBOX);
    deliver(world, await pdfMail(world, 'Nach dem Ablauf'));
    const deltaBefore = deltaRequests();
    const state = await runUntilSettled(world);
    // The dead link was tried, then a new initial round (at least one more delta request) replayed the Inbox.
    expect(deltaRequests()).toBeGreaterThanOrEqual(deltaBefore + 2);
    expect(state.state).toBe('running');
    expect(state.backlog).toBe(0);
    expectEachKeyOnce(world, before + 2);
    const subjects = (await activity(world)).map((item) => item.subject);
    expect(subjects.filter((subject) => subject === 'Vor dem Ablauf')).toHaveLength(1);
    expect(subjects.filter((subject) => subject === 'Nach dem Ablauf')).toHaveLength(1);
  });

  it('survives an expired delta link in move mode: mails already moved are not seen again, new ones imported', async () => {
    await setUpImport(world, { afterImport: 'move' });
    const before = filed(world).length;
    deliver(world, await pdfMail(world, 'Move vor Ablauf'));
    await runUntilSettled(world);
    world.t.microsoft.controls.expireDeltaTokens(INVOICE_MAILBOX);
    world.t.microsoft.controls.replayDelta(INVOICE_MAILBOX);
    deliver(world, await pdfMail(world, 'Move nach Ablauf'));
    await runUntilSettled(world);
    expectEachKeyOnce(world, before + 2);
    const folders = subjectsByFolder(world);
    expect(folders['ELO importiert']).toEqual(expect.arrayContaining(['Move vor Ablauf', 'Move nach Ablauf']));
  });
});

describe('Graph throttling (429)', () => {
  /** Timestamps at which the emulator's request count on `prefix` went up, sampled every 10 ms. */
  function watchRequests(prefix: string) {
    const seen: number[] = [];
    let last = requestsBelow(prefix);
    const timer = setInterval(() => {
      const now = requestsBelow(prefix);
      for (; last < now; last++) seen.push(Date.now());
    }, 10);
    return {
      stop: () => {
        clearInterval(timer);
        return seen;
      },
    };
  }

  it('honours Retry-After: the throttled call is repeated no earlier than Graph asked, and the mail imported', async () => {
    await setUpImport(world, { afterImport: 'move' });
    const before = filed(world).length;
    deliver(world, await pdfMail(world, 'Gedrosselt mit Retry-After'));
    world.t.microsoft.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 2, path: MESSAGES_PATH });
    const watch = watchRequests(MESSAGES_PATH);
    await runUntilSettled(world);
    const times = watch.stop();
    expect(filed(world)).toHaveLength(before + 1);
    expect(subjectsByFolder(world)['ELO importiert']).toContain('Gedrosselt mit Retry-After');
    // The first per-message request got the 429; the next one came at least ~2 s later (10 ms sampling slack).
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1900);
  });

  it('backs off without Retry-After (no hammering) and imports the mail', async () => {
    const before = filed(world).length;
    deliver(world, await pdfMail(world, 'Gedrosselt ohne Retry-After'));
    const requestsBefore = requestsBelow(MESSAGES_PATH);
    world.t.microsoft.controls.failNext({ target: 'graph', status: 429, times: 3, path: MESSAGES_PATH });
    await runUntilSettled(world);
    expect(filed(world)).toHaveLength(before + 1);
    expectEachKeyOnce(world, before + 1);
    const item = await activityItem(world, 'Gedrosselt ohne Retry-After');
    expect(item?.state, JSON.stringify(item)).toBe('imported');
    // Three refusals were retried, not looped on: a mail takes a handful of requests, plus the three repeats.
    expect(requestsBelow(MESSAGES_PATH) - requestsBefore).toBeLessThan(20);
  });

  it('stays within 4 concurrent requests per mailbox: no MailboxConcurrency 429 while importing 12 mails', async () => {
    const before = filed(world).length;
    world.t.microsoft.controls.setLatency({ target: 'graph', ms: 40 });
    for (let i = 0; i < 12; i++) deliver(world, await pdfMail(world, `Parallel ${i}`));
    const logsBefore = world.t.logs.length;
    await runUntilSettled(world);
    expect(filed(world)).toHaveLength(before + 12);
    expectEachKeyOnce(world, before + 12);
    const throttled = world.t.logs.slice(logsBefore).filter((line) => line.includes('MailboxConcurrency'));
    expect(throttled).toEqual([]);
  });
});

describe('the „ELO importiert“ folder deleted in Outlook', () => {
  it('is looked up again (created anew) and the mail moved into it: not taken for a mail that is gone', async () => {
    await setUpImport(world, { afterImport: 'move' });
    deliver(world, await pdfMail(world, 'Vor dem Löschen des Ordners'));
    await runUntilSettled(world);
    expect(subjectsByFolder(world)['ELO importiert']).toContain('Vor dem Löschen des Ordners');

    // The emulator's reset gives the mailbox a fresh Inbox without child folders: the stored folder id is dead.
    world.t.microsoft.controls.reset();
    const before = filed(world).length;
    deliver(world, await pdfMail(world, 'Nach dem Löschen des Ordners'));
    await runUntilSettled(world);
    const item = await activityItem(world, 'Nach dem Löschen des Ordners');
    expect(item?.state, JSON.stringify(item)).toBe('imported');
    expect(filed(world)).toHaveLength(before + 1);
    expect(subjectsByFolder(world)['ELO importiert']).toEqual(['Nach dem Löschen des Ordners']);
  });
});
