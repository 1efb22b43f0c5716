import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { ImportRound, MailboxKey } from '../modules/invoice-import/import-round.js';
import type { InvoiceImportService } from '../modules/invoice-import/invoice-import.service.js';
import { listDueMailboxes } from '../modules/invoice-import/invoice-import.repository.js';
import type { Clock } from '../support/clock.js';

export const IMPORT_SWEEP_QUEUE = 'invoice-import-sweep';
export const IMPORT_ROUND_QUEUE = 'invoice-import-round';

const SWEEP_BATCH = 1000;

const singletonKey = (key: MailboxKey) => `${key.tenantId}:${key.mailbox}`;

/**
 * The invoice import on pg-boss: a sweep every minute queues a round for each mailbox whose round is due
 * (IMPORT_INTERVAL_MINUTES after the last, or at once after „Jetzt prüfen“ / a settings change, which also queue
 * one directly). The round queue is "stately" per mailbox — at most one queued and one active job per mailbox, so
 * requests coalesce — and the round itself holds the mailbox's lease in Postgres, so two replicas never run one
 * mailbox at once even if a job were handed out twice.
 */
export class InvoiceImportJobs {
  private readonly workers: string[] = [];
  /** Workers in a round right now (the others are polling and may be woken). */
  private readonly busy = new Set<string>();
  /** The rounds running now, so that a shutdown can wait for them before the database goes away. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly boss: PgBoss,
    private readonly deps: {
      db: Db;
      clock: Clock;
      logger: Logger;
      rounds: ImportRound;
      imports: InvoiceImportService;
    },
    private readonly options: { concurrency: number; sweepCron?: string },
  ) {}

  async start(): Promise<void> {
    await this.boss.createQueue(IMPORT_SWEEP_QUEUE, { name: IMPORT_SWEEP_QUEUE, policy: 'singleton' });
    await this.boss.createQueue(IMPORT_ROUND_QUEUE, {
      name: IMPORT_ROUND_QUEUE,
      policy: 'stately',
      retryLimit: 2,
      retryBackoff: true,
      expireInSeconds: 30 * 60,
    });
    await this.boss.schedule(IMPORT_SWEEP_QUEUE, this.options.sweepCron ?? '* * * * *');
    await this.boss.work(IMPORT_SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await this.sweep();
    });
    // `concurrency` workers of one job each, not one worker taking a batch: a batch waits for its slowest round
    // before it fetches again, so a long round held back the others. A worker that finished a round asks again at
    // once; an idle one is woken when a round is queued (instead of waiting for its next poll).
    for (let i = 0; i < this.options.concurrency; i++) {
      const workerId: string = await this.boss.work<MailboxKey>(
        IMPORT_ROUND_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 2 },
        async ([job]) => {
          this.busy.add(workerId);
          const round = job ? this.round(job.data) : undefined;
          if (round) this.running.add(round);
          try {
            await round;
          } finally {
            if (round) this.running.delete(round);
            this.busy.delete(workerId);
          }
          if (job) this.boss.notifyWorker(workerId);
        },
      );
      this.workers.push(workerId);
    }
    this.deps.imports.setTrigger((key) => this.queue(key));
  }

  /**
   * Shutdown, before pg-boss and the database stop: no new rounds are queued, running rounds start no further mail
   * and are waited for (up to `timeoutMs`), so a round never outlives the pool it records into.
   */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.deps.imports.setTrigger(undefined);
    this.deps.rounds.stop();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.running]), bound]);
    clearTimeout(timer);
  }

  /** Queues a round (a no-op when one is queued already). */
  async queue(key: MailboxKey): Promise<void> {
    await this.boss.send(IMPORT_ROUND_QUEUE, key, { singletonKey: singletonKey(key) });
    for (const workerId of this.workers) if (!this.busy.has(workerId)) this.boss.notifyWorker(workerId);
  }

  async sweep(): Promise<number> {
    const due = await listDueMailboxes(this.deps.db, this.deps.clock.now(), SWEEP_BATCH);
    for (const key of due) await this.queue(key);
    return due.length;
  }

  private async round(key: MailboxKey): Promise<void> {
    const started = Date.now();
    const result = await this.deps.rounds.run(key);
    this.deps.logger.debug({ tenantId: key.tenantId, result, ms: Date.now() - started }, 'invoice import round');
  }
}
