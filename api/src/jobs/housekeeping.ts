import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { deleteOldEvents } from '../modules/events/event.repository.js';
import { deleteExpiredAdminConsents } from '../modules/ms365/attempts/admin-consent.repository.js';
import { deleteFinishedAttempts } from '../modules/ms365/attempts/attempt.repository.js';
import type { SessionService } from '../modules/sessions/session.service.js';
import { deleteStaleThrottleCounters } from '../modules/throttle/throttle-counter.repository.js';
import type { Clock } from '../support/clock.js';

export const HOUSEKEEPING_QUEUE = 'housekeeping';

/** Expired attempts stay a day for the connector window to say "expired", then go (with any tokens they held). */
const ATTEMPT_RETENTION_MS = 24 * 3_600_000;
/** Older than any counting window. */
const THROTTLE_RETENTION_MS = 24 * 3_600_000;
/** Delivered events and their delivery log are kept a month for the portal's delivery list. */
const EVENT_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Deletes what has expired: sessions, connect attempts, old throttle counters, delivered events, admin-consent
 * links. Every 15 minutes, on one instance.
 */
export class Housekeeping {
  constructor(
    private readonly boss: PgBoss,
    private readonly deps: { db: Db; sessions: SessionService; clock: Clock; logger: Logger },
  ) {}

  async start(): Promise<void> {
    await this.boss.createQueue(HOUSEKEEPING_QUEUE, { name: HOUSEKEEPING_QUEUE, policy: 'singleton' });
    await this.boss.schedule(HOUSEKEEPING_QUEUE, '*/15 * * * *');
    await this.boss.work(HOUSEKEEPING_QUEUE, async () => {
      await this.run();
    });
  }

  async run(): Promise<{ sessions: number; attempts: number }> {
    const now = this.deps.clock.now().getTime();
    const sessions = await this.deps.sessions.purgeDead();
    const attempts = await deleteFinishedAttempts(this.deps.db, new Date(now - ATTEMPT_RETENTION_MS));
    await deleteStaleThrottleCounters(this.deps.db, new Date(now - THROTTLE_RETENTION_MS));
    await deleteOldEvents(this.deps.db, new Date(now - EVENT_RETENTION_MS));
    await deleteExpiredAdminConsents(this.deps.db, new Date(now));
    this.deps.logger.info({ sessions, attempts }, 'housekeeping done');
    return { sessions, attempts };
  }
}
