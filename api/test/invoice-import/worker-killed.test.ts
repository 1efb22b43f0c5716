import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEloTap, type EloTap } from './support/elo-tap.js';
import {
  activity,
  deliver,
  expectEachKeyOnce,
  FEATURE_URL,
  filed,
  pdfMail,
  runUntilSettled,
  setUpImport,
  startImportWorld,
  subjectsByFolder,
  until,
  type ImportWorld,
} from './support/qa-world.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';

/**
 * The worker process is killed with SIGKILL in the middle of a mail — no finally block, no graceful stop, its round
 * lease left behind — at the moment ELO has answered a call and before the worker could read the answer. Another
 * instance then takes over (once the lease has run out) and the mail ends up in ELO exactly once.
 */
let world: ImportWorld;
let tap: EloTap;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  // The test process runs the API only; the rounds run in the worker process until it is killed.
  world = await startImportWorld({ jobs: false });
  tap = await startEloTap(world.t.elo.origin);
  await world.t.database.db
    .updateTable('tenants')
    .set({ eloIxUrl: tap.baseUrl('acme') })
    .where('slug', '=', 'acme')
    .execute();
  await setUpImport(world, { afterImport: 'move' });
}, 120_000);
afterAll(async () => {
  await worker?.kill();
  await world?.close();
  await tap?.close();
});

describe('a worker killed mid-mail (SIGKILL)', () => {
  it.each(['checkinSordPath', 'checkinDocBegin', 'checkinDocEnd'])(
    'killed right after ELO answered %s: after recovery the mail is filed exactly once',
    async (fn) => {
      const before = filed(world).length;
      const subject = `Getötet nach ${fn}`;
      worker = await startWorkerProcess(world.t, { IMPORT_INTERVAL_MINUTES: '600' });
      const killed = tap.stopAfter(fn, () => worker!.kill());
      deliver(world, await pdfMail(world, subject));
      await world.user.post(`${FEATURE_URL}/run`);
      await until(
        async () => ({ killed: worker?.child.signalCode === 'SIGKILL' }),
        (value) => value.killed,
        60_000,
        `the worker to be killed at ${fn}`,
      );
      await killed;
      worker = undefined;
      if (fn === 'checkinDocEnd') expect(filed(world)).toHaveLength(before + 1);

      // Recovery in this process: its clock moves past the dead worker's lease.
      await world.startJobs();
      try {
        world.t.clock.advance(30 * 60_000);
        await runUntilSettled(world, 10);
      } finally {
        await world.stopJobs();
      }
      const entry = (await activity(world)).find((item) => item.subject === subject);
      expect(entry?.state, JSON.stringify(entry)).toBe('imported');
      expectEachKeyOnce(world, before + 1);
      expect(subjectsByFolder(world)['ELO importiert']).toContain(subject);
    },
    120_000,
  );
});
