import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { dispatchEvents } from '../modules/events/event-dispatcher.js';
import type { MailDeliverer } from '../modules/notifications/mail-deliverer.js';
import type { WebhookDeliverer } from '../modules/webhooks/webhook-deliverer.js';
import type { Clock } from '../support/clock.js';

export const RELAY_QUEUE = 'events-relay';

/** Events handed out per round. */
const DISPATCH_BATCH = 100;

export interface EventRelayOptions {
  /** Pause between rounds when nothing was to do. */
  pollMs?: number;
  /** How long one relay job keeps the relay before it hands over to the next job (which may run elsewhere). */
  leaseMs?: number;
}

export interface RelayRound {
  dispatched: number;
  webhooks: number;
  mails: number;
}

/**
 * The one relay of the outbox (SPEC §10): moves committed events to their channels and drives the webhook and mail
 * deliveries. It runs as a pg-boss job on a "stately" queue — at most one job active across all app instances —
 * that works for `leaseMs`, polling every `pollMs`, and then queues its successor; a job every minute from the
 * schedule restarts the chain should an instance die holding it (pg-boss expires the dead job first).
 */
export class EventRelay {
  private stopping = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: { db: Db; clock: Clock; webhooks: WebhookDeliverer; mails: MailDeliverer; logger: Logger },
    private readonly options: EventRelayOptions = {},
  ) {}

  /** One round: dispatch new events, then attempt what is due. */
  async round(): Promise<RelayRound> {
    const dispatched = await dispatchEvents(this.deps.db, this.deps.clock, DISPATCH_BATCH);
    const webhooks = await this.deps.webhooks.deliverDue();
    const mails = await this.deps.mails.deliverDue();
    return { dispatched, webhooks, mails };
  }

  /**
   * Rounds until nothing is left to do now (bounded, so a receiver that keeps failing at once cannot spin it). A
   * round that dispatched less than a batch took every event committed before it; one more round at once would
   * only catch the events committed meanwhile, which the next poll takes as well. Under a steady stream of events
   * (every connect flow writes three) that extra round, five statements for one or two events, ran back to back
   * for as long as the stream lasted (issue 13); now the relay keeps to its poll then. Deliveries and mails keep
   * the drain going: a webhook's next delivery is due as soon as its previous one went out.
   */
  async drain(maxRounds = 100): Promise<RelayRound> {
    const total: RelayRound = { dispatched: 0, webhooks: 0, mails: 0 };
    for (let i = 0; i < maxRounds; i++) {
      const round = await this.round();
      total.dispatched += round.dispatched;
      total.webhooks += round.webhooks;
      total.mails += round.mails;
      if (round.dispatched < DISPATCH_BATCH && round.webhooks + round.mails === 0) break;
    }
    return total;
  }

  /** Registers the relay's queue, schedule and worker on a started job queue. */
  async start(boss: PgBoss): Promise<void> {
    const leaseMs = this.options.leaseMs ?? 50_000;
    await boss.createQueue(RELAY_QUEUE, {
      name: RELAY_QUEUE,
      policy: 'stately',
      // A job whose instance died is given up after this and the chain resumes on another instance.
      expireInSeconds: Math.ceil(leaseMs / 1000) + 60,
      retryLimit: 0,
    });
    await boss.schedule(RELAY_QUEUE, '* * * * *');
    await boss.work(RELAY_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
      this.running = this.holdFor(leaseMs);
      await this.running;
      // The successor, also when this instance is stopping: another instance takes it at once instead of
      // waiting for the schedule.
      await boss.send(RELAY_QUEUE, {});
    });
    await boss.send(RELAY_QUEUE, {});
  }

  /** Ends the current job's loop (before the job queue stops, so its graceful stop does not wait out the lease). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => {});
  }

  private async holdFor(leaseMs: number): Promise<void> {
    const until = Date.now() + leaseMs;
    const pollMs = this.options.pollMs ?? 1000;
    while (!this.stopping && Date.now() < until) {
      try {
        await this.drain();
      } catch (error) {
        // The database away, a receiver's secret undecryptable…: the outbox keeps everything; try next round.
        this.deps.logger.warn({ err: error }, 'event relay round failed; retrying');
      }
      if (!this.stopping) await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
