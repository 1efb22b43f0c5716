import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { queueCustomerNotice } from '../notifications/customer-notices.js';
import { enqueueDeliveries } from '../webhooks/webhook.repository.js';
import { lockUndispatchedEvents, markDispatched } from './event.repository.js';

/**
 * The relay's first step: hands committed events to their channels — a delivery per subscribed webhook, a
 * customer notice where one is due — and marks them dispatched, all in one transaction. A crash before the commit
 * leaves the events undispatched and the step is simply done again; the unique keys of deliveries and mails make
 * a repeat harmless. Answers how many events were dispatched.
 */
export async function dispatchEvents(db: Db, clock: Clock, batch = 100): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events = await lockUndispatchedEvents(trx, batch);
    const now = clock.now();
    await enqueueDeliveries(trx, events, now);
    for (const event of events) await queueCustomerNotice(trx, event, now);
    await markDispatched(
      trx,
      events.map((event) => event.id),
      now,
    );
    return events.length;
  });
}
