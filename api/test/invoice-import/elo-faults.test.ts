import { beforeEach, describe, expect, it } from 'vitest';
import {
  activityItem,
  deliver,
  expectEachKeyOnce,
  FEATURE_URL,
  filed,
  importState,
  mailbox,
  pdfMail,
  runRound,
  runUntilSettled,
  subjectsByFolder,
  useImportWorld,
} from './support/qa-world.js';

/**
 * ELO's side of the fault matrix: an Indexserver that is down (HTTP 503 from the proxy, or connections reset) is
 * waited for and nothing is lost; a mask ELO refuses fails the mail with a reason, moves it to „ELO Fehler“, and
 * the retry files it once the mask is fixed.
 */
const world = useImportWorld({ settings: { afterImport: 'move' } });
beforeEach(() => {
  world.t.elo.controls.setAvailability('up');
});

const itemOf = (subject: string) => activityItem(world, subject);

describe('ELO unreachable', () => {
  it.each(['down', 'reset'] as const)(
    'ELO %s: the mails wait in the Inbox (not failed), and are filed once ELO is back',
    async (mode) => {
      const before = filed(world).length;
      const subjects = [1, 2, 3].map((i) => `ELO ${mode} ${i}`);
      world.t.elo.controls.setAvailability(mode);
      for (const subject of subjects) deliver(world, await pdfMail(world, subject));

      const during = await runRound(world);
      expect(filed(world)).toHaveLength(before);
      for (const subject of subjects) {
        const item = await itemOf(subject);
        // Seen (or not yet listed), never given up on while ELO is merely unreachable.
        if (item) expect(item.state).toBe('pending');
      }
      expect(subjectsByFolder(world).Posteingang).toEqual(expect.arrayContaining(subjects));
      expect(subjectsByFolder(world)['ELO Fehler'] ?? []).not.toEqual(expect.arrayContaining([subjects[0]]));
      // The round stops at ELO (seen mails wait, unseen ones stay unread in the Inbox) and says why.
      expect(during.state).toBe('running');
      expect(during.lastError?.code).toBe('elo_unreachable');

      world.t.elo.controls.setAvailability('up');
      // Rounds until every mail is through (bounded): a round may end before it reached all of them.
      let after = await runUntilSettled(world);
      for (let round = 0; round < 6; round++) {
        const states = await Promise.all(subjects.map(async (subject) => (await itemOf(subject))?.state));
        if (states.every((state) => state === 'imported')) break;
        after = await runUntilSettled(world);
      }
      expect(after.backlog).toBe(0);
      for (const subject of subjects) {
        const item = await itemOf(subject);
        const ledger = await world.t.database.db
          .selectFrom('invoiceImportMessages')
          .select(['subject', 'state'])
          .execute();
        const box = mailbox(world).messages.map((message) => [message.subject, message.folderName]);
        expect(
          item?.state,
          JSON.stringify({
            item,
            ledger,
            box,
            state: await importState(world),
            mailboxes: await world.t.database.db.selectFrom('invoiceImportMailboxes').selectAll().execute(),
          }),
        ).toBe('imported');
      }
      expectEachKeyOnce(world, before + 3);
      expect(subjectsByFolder(world)['ELO importiert']).toEqual(expect.arrayContaining(subjects));
      expect(subjectsByFolder(world).Posteingang ?? []).not.toEqual(expect.arrayContaining([subjects[0]]));
    },
  );
});

describe('ELO refuses the mask', () => {
  it('fails the mail with a reason, moves it to „ELO Fehler“; after the fix the retry files it once', async () => {
    const before = filed(world).length;
    world.t.elo.controls.rejectMask('acme', 'Rechnung', 2000);
    deliver(world, await pdfMail(world, 'Maske abgelehnt'));
    await runUntilSettled(world);

    const failed = await itemOf('Maske abgelehnt');
    expect(failed).toMatchObject({ state: 'failed', error: { code: expect.any(String), message: expect.any(String) } });
    expect(failed?.error?.message.length).toBeGreaterThan(10);
    expect(failed?.attempts).toBeGreaterThanOrEqual(1);
    expect(filed(world)).toHaveLength(before);
    expect(subjectsByFolder(world)['ELO Fehler']).toContain('Maske abgelehnt');
    const state = (await world.user.get(FEATURE_URL)).json();
    expect(state.counts.failed).toBeGreaterThanOrEqual(1);
    // A permanent failure is not retried by itself.
    world.t.clock.advance(60 * 60_000);
    await runRound(world);
    expect((await itemOf('Maske abgelehnt'))?.state).toBe('failed');
    expect(filed(world)).toHaveLength(before);

    world.t.elo.controls.acceptMask('acme', 'Rechnung');
    const retry = await world.user.post(`${FEATURE_URL}/messages/${failed?.id}/retry`);
    expect(retry.statusCode, retry.body).toBe(202);
    await runUntilSettled(world);
    const imported = await itemOf('Maske abgelehnt');
    expect(imported).toMatchObject({ state: 'imported' });
    expect(imported?.error).toBeUndefined();
    expect(imported?.documents[0]?.eloObjId).toBeTruthy();
    expectEachKeyOnce(world, before + 1);
    const folders = subjectsByFolder(world);
    expect(folders['ELO importiert'], JSON.stringify(folders)).toContain('Maske abgelehnt');
    expect(folders['ELO Fehler'] ?? []).not.toContain('Maske abgelehnt');

    // Only a failed mail can be retried.
    const again = await world.user.post(`${FEATURE_URL}/messages/${failed?.id}/retry`);
    expect(again.statusCode).toBe(409);
  });
});
