import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  deliver,
  documentsPerKey,
  expectEachKeyOnce,
  filed,
  INVOICE_MAILBOX,
  pdfMail,
  runRound,
  runUntilSettled,
  setUpImport,
  startImportWorld,
  subjectsByFolder,
  type ImportWorld,
} from './support/qa-world.js';

/**
 * A crash between every two steps of a mail's way (notes §2, SPEC §9 guarantees), each made where it can be made
 * without touching the engine:
 * - in the ledger: a one-shot trigger makes the transaction that records a step fail, as if the process had died
 *   just before that commit (the sequence that arms it is not rolled back, so it fires once);
 * - in ELO: the emulator carries a call out and then drops the connection (the effect exists, the answer is lost);
 * - in Graph: a move (or PATCH) is carried out and answered with a 503, or refused with one.
 * After each, rounds run until the mail is settled; it must be imported exactly once: one ELO document per import
 * key, the mail in „ELO importiert“, listed as imported.
 */
let world: ImportWorld;
beforeAll(async () => {
  world = await startImportWorld();
  await setUpImport(world, { afterImport: 'move' });
});
afterAll(async () => {
  await world?.close();
});
afterEach(async () => {
  await sql`drop trigger if exists ecm365_crash on invoice_import_messages`.execute(world.t.database.db);
  await sql`drop trigger if exists ecm365_crash on invoice_import_documents`.execute(world.t.database.db);
  // Emulator faults are armed per test for exactly the calls they hit (no reset: it would renumber folders).
});

let crashes = 0;
/** A trigger that fails the first write on `table` matching `condition` (NEW.<…>), once. */
async function crashOnceWhen(table: 'invoice_import_messages' | 'invoice_import_documents', condition: string) {
  crashes += 1;
  const seq = `ecm365_crash_seq_${crashes}`;
  const fn = `ecm365_crash_fn_${crashes}`;
  await sql.raw(`create sequence ${seq}`).execute(world.t.database.db);
  await sql
    .raw(
      `create function ${fn}() returns trigger language plpgsql as $$
       begin
         if (${condition}) and nextval('${seq}') = 1 then
           raise exception 'simulated crash (${table}: ${condition.replace(/'/g, '')})';
         end if;
         return new;
       end $$`,
    )
    .execute(world.t.database.db);
  await sql
    .raw(`create trigger ecm365_crash before insert or update on ${table} for each row execute function ${fn}()`)
    .execute(world.t.database.db);
  return async () => {
    const fired = await sql<{
      last_value: string;
      is_called: boolean;
    }>`select last_value, is_called from ${sql.raw(seq)}`.execute(world.t.database.db);
    return fired.rows[0]?.is_called === true;
  };
}

async function expectImportedOnce(subject: string, documentsBefore: number) {
  await runUntilSettled(world, 10);
  const entry = (await activity(world)).find((item) => item.subject === subject);
  expect(entry?.state, JSON.stringify(entry)).toBe('imported');
  expect(entry?.documents.every((document) => document.eloObjId)).toBe(true);
  expectEachKeyOnce(world, documentsBefore + 1);
  expect(subjectsByFolder(world)['ELO importiert']).toContain(subject);
  expect(subjectsByFolder(world).Posteingang ?? []).not.toContain(subject);
}

describe('a crash in the ledger, before the step is committed', () => {
  it.each([
    ['first sight of the mail (pending row)', 'invoice_import_messages', "TG_OP = 'INSERT'"],
    ['fetched', 'invoice_import_messages', "NEW.state = 'fetched'"],
    ['filing (just before ELO)', 'invoice_import_messages', "NEW.state = 'filing'"],
    ['filed (ELO has it, the ledger not yet)', 'invoice_import_messages', "NEW.state = 'filed'"],
    ['done (moved, not yet recorded)', 'invoice_import_messages', "NEW.state = 'done'"],
    ['the document row', 'invoice_import_documents', "TG_OP = 'INSERT'"],
    ['the ELO object id of the document', 'invoice_import_documents', 'NEW.elo_obj_id is not null'],
  ] as const)('crash at %s → imported exactly once after recovery', async (_name, table, condition) => {
    const before = filed(world).length;
    const subject = `Absturz ${crashes + 1}: ${_name}`;
    const fired = await crashOnceWhen(table, condition);
    deliver(world, await pdfMail(world, subject));
    await runRound(world);
    expect(await fired()).toBe(true);
    await expectImportedOnce(subject, before);
  });
});

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
    await crashOnceWhen('invoice_import_messages', "NEW.state = 'filed'");
    world.t.elo.controls.dropConnectionAfter({ fn: 'checkinDocEnd', repository: 'acme' });
    deliver(world, await pdfMail(world, subject));
    world.t.microsoft.controls.failNext({ target: 'graph', status: 503, path: messages, afterEffect: true, times: 1 });
    await expectImportedOnce(subject, before);
    expect(Object.values(documentsPerKey(world)).every((count) => count === 1)).toBe(true);
  });
});
