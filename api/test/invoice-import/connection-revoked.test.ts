import { describe, expect, it } from 'vitest';
import {
  activity,
  connect,
  deliver,
  expectEachKeyOnce,
  filed,
  pdfMail,
  runRound,
  runUntilSettled,
  setUpImport,
  subjectsByFolder,
  useImportWorld,
} from './support/qa-world.js';

/**
 * A connection whose grant Microsoft revoked (AADSTS50173) pauses the import: state needs_attention with the reason,
 * no mail failed for it, nothing moved. After „Verbindung erneut einrichten“ the import resumes by itself and the
 * mails that arrived in between are imported.
 */
const world = useImportWorld({
  // Access tokens inside MSAL's refresh margin: every round has to redeem the refresh token.
  prepare: (w) => w.t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 }),
  settings: { afterImport: 'move' },
});

describe('a revoked Microsoft 365 connection', () => {
  it('pauses the import (needs_attention) without failing mails, and resumes after the connection is set up again', async () => {
    deliver(world, await pdfMail(world, 'Vor dem Widerruf'));
    await runUntilSettled(world);
    expect(filed(world)).toHaveLength(1);

    world.t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    deliver(world, await pdfMail(world, 'Während des Widerrufs 1'));
    deliver(world, await pdfMail(world, 'Während des Widerrufs 2'));
    world.t.clock.advance(5 * 60_000);
    const paused = await runRound(world);
    expect(paused.state).toBe('needs_attention');
    expect(paused.lastError?.code).toBeTruthy();
    expect(paused.lastError?.message.length).toBeGreaterThan(10);
    expect(filed(world)).toHaveLength(1);
    const during = (await activity(world)).filter((item) => item.subject.startsWith('Während'));
    expect(during.filter((item) => item.state === 'failed')).toEqual([]);
    expect(subjectsByFolder(world).Posteingang).toEqual(
      expect.arrayContaining(['Während des Widerrufs 1', 'Während des Widerrufs 2']),
    );

    // Still paused on the next round: the import does not hammer Microsoft with a dead grant.
    world.t.clock.advance(5 * 60_000);
    expect((await runRound(world)).state).toBe('needs_attention');

    await connect(world);
    const resumed = await runUntilSettled(world);
    expect(resumed.state).toBe('running');
    expect(resumed.lastError).toBeUndefined();
    expectEachKeyOnce(world, 3);
    const items = await activity(world);
    expect(items.map((item) => [item.subject, item.state]).sort()).toEqual([
      ['Vor dem Widerruf', 'imported'],
      ['Während des Widerrufs 1', 'imported'],
      ['Während des Widerrufs 2', 'imported'],
    ]);
    expect(subjectsByFolder(world).Posteingang ?? []).toEqual([]);
  });

  it('waits for the ELO service account: waiting_for_elo without one, running once ops set it', async () => {
    await world.t.services.eloServiceAccounts.clear('acme');
    deliver(world, await pdfMail(world, 'Ohne Dienstkonto'));
    const waiting = await world.user.get('/api/v1/ms365/features/invoice-mail-import');
    expect(waiting.json().state).toBe('waiting_for_elo');
    const before = filed(world).length;
    await world.user.post('/api/v1/ms365/features/invoice-mail-import/run');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(filed(world)).toHaveLength(before);

    await setUpImport(world, { afterImport: 'move' });
    await runUntilSettled(world);
    expect(filed(world)).toHaveLength(before + 1);
  });
});
