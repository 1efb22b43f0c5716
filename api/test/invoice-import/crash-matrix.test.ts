import { describe, expect, it } from 'vitest';
import {
  activityItem,
  deliver,
  documentsPerKey,
  expectEachKeyOnce,
  filed,
  INVOICE_MAILBOX,
  pdfMail,
  runUntilSettled,
  subjectsByFolder,
  useImportWorld,
} from './support/qa-world.js';

/**
 * A crash between every two steps of a mail's way (notes §2, SPEC §9 guarantees), each made where it can be made
 * without touching the engine:
 * - in ELO: the emulator carries a call out and then drops the connection (the effect exists, the answer is lost);
 * - in Graph: a move (or PATCH) is carried out and answered with a 503, or refused with one.
 * After each, rounds run until the mail is settled; it must be imported exactly once: one ELO document per import
 * key, the mail in „ELO importiert“, listed as imported.
 */
const world = useImportWorld({ settings: { afterImport: 'move' } });

async function expectImportedOnce(subject: string, documentsBefore: number) {
  await runUntilSettled(world, 10);
  const entry = await activityItem(world, subject);
  expect(entry?.state, JSON.stringify(entry)).toBe('imported');
  expect(entry?.documents.every((document) => document.eloObjId)).toBe(true);
  expectEachKeyOnce(world, documentsBefore + 1);
  expect(subjectsByFolder(world)['ELO importiert']).toContain(subject);
  expect(subjectsByFolder(world).Posteingang ?? []).not.toContain(subject);
}

describe('a crash around the ELO calls (done in ELO, answer lost)', () => {
  it.each(['checkinSordPath', 'createDoc', 'checkinDocBegin', 'checkinDocEnd'])(
    'connection dropped after %s → imported exactly once',
    async (fn) => {
      const before = filed(world).length;
      const subject = `ELO-Abbruch nach ${fn}`;
      world.t.elo.controls.dropConnectionAfter({ fn, repository: 'acme' });
      deliver(world, await pdfMail(world, subject));
      await expectImportedOnce(subject, before);
    },
  );

  it('an ELO session that expired mid-mail is logged in again, nothing filed twice', async () => {
    const before = filed(world).length;
    deliver(world, await pdfMail(world, 'Sitzung abgelaufen'));
    world.t.elo.controls.expireSessions();
    await expectImportedOnce('Sitzung abgelaufen', before);
  });
});

describe('a crash around the Graph calls', () => {
  const messages = `/v1.0/users/${INVOICE_MAILBOX}/messages`;

  it('the move was done but answered with an error → verified by re-reading, not moved twice, done', async () => {
    const before = filed(world).length;
    deliver(world, await pdfMail(world, 'Verschoben, Antwort verloren'));
    world.t.microsoft.controls.failNext({ target: 'graph', status: 503, path: messages, afterEffect: true, times: 1 });
    await expectImportedOnce('Verschoben, Antwort verloren', before);
  });

  it('the move failed (503) → retried later, the mail left the Inbox only after its document was in ELO', async () => {
    const before = filed(world).length;
    const { immutableId } = deliver(world, await pdfMail(world, 'Verschieben fehlgeschlagen'));
    world.t.microsoft.controls.failNext({
      target: 'graph',
      status: 503,
      path: `${messages}/${immutableId}/move`,
      times: 2,
    });
    await expectImportedOnce('Verschieben fehlgeschlagen', before);
  });

  it('the attachment download fails (503) → retried, filed once', async () => {
    const before = filed(world).length;
    const { immutableId } = deliver(world, await pdfMail(world, 'Download fehlgeschlagen'));
    world.t.microsoft.controls.failNext({
      target: 'graph',
      status: 503,
      path: `${messages}/${immutableId}/attachments`,
      times: 2,
    });
    await expectImportedOnce('Download fehlgeschlagen', before);
  });

  it('several crashes in a row on one mail still give one document', async () => {
    const before = filed(world).length;
    const subject = 'Mehrfach abgestürzt';
    world.t.elo.controls.dropConnectionAfter({ fn: 'checkinDocEnd', repository: 'acme' });
    deliver(world, await pdfMail(world, subject));
    world.t.microsoft.controls.failNext({ target: 'graph', status: 503, path: messages, afterEffect: true, times: 1 });
    await expectImportedOnce(subject, before);
    expect(Object.values(documentsPerKey(world)).every((count) => count === 1)).toBe(true);
  });
});
