import { HealthMonitor } from '../../src/jobs/health-monitor.js';
import { appendEvent } from '../../src/modules/events/append-event.js';
import type { TestApp } from './test-app.js';

/** The tenant's id by slug. */
export async function tenantIdOf(t: TestApp, slug: string): Promise<string> {
  return (await t.database.db.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** What the invoice import writes when it gives up on a mail (its engine lives elsewhere; the event is the contract). */
export function appendFailedImport(t: TestApp, tenantId: string, subject: string) {
  return t.database.db.transaction().execute((trx) =>
    appendEvent(trx, {
      tenantId,
      type: 'invoice_import.message.failed',
      data: {
        messageId: subject,
        mailbox: 'rechnungen@contoso.example',
        receivedAt: new Date().toISOString(),
        from: 'lieferant@example.com',
        subject,
        error: { code: 'elo_unavailable', message: 'ELO ist nicht erreichbar.' },
        attempts: 3,
      },
    }),
  );
}

/** The health monitor's check of one connection, without its queue (tests call `check` by hand). */
export function handMonitor(t: TestApp): HealthMonitor {
  return new HealthMonitor(
    undefined as never,
    { db: t.database.db, connections: t.services.connection, clock: t.clock, logger: t.services.logger },
    { concurrency: 1 },
  );
}
