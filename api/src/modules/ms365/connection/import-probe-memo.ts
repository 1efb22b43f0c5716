import type { ConnectionRow } from '../ms365.tables.js';

/** How long a passed import probe is reused by tests that are not the health monitor's. */
export const IMPORT_PROBE_REUSE_MS = 10 * 60_000;

/**
 * The invoice import's probes (delta on the Inbox, the two child folders: three calls to Microsoft) that passed
 * lately, per connection grant and mailbox. A test right after the set-up, or a click on „Verbindung testen“ a
 * minute later, asks Microsoft the same questions about the same grant; the answer is reused for a few minutes.
 * Never reused: by the health monitor (it forces a refresh and probes for real), after the grant changes (a new
 * set-up has another connectedAt, account or scopes), after the import's settings change on this instance
 * (`forget`), or a failure (only passes are kept, so a broken mailbox is probed again every time). The Inbox
 * itself is still opened on every test: by the probe's delta query when it runs, else on its own.
 */
export class ImportProbeMemo {
  private readonly passed = new Map<string, number>();

  constructor(
    private readonly reuseMs = IMPORT_PROBE_REUSE_MS,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  private key(connection: ConnectionRow, mailbox: string): string {
    const grant = [connection.connectedAt.toISOString(), connection.homeAccountId, [...connection.scopes].sort()];
    return JSON.stringify([connection.tenantId, grant, mailbox.toLowerCase()]);
  }

  hasPassed(connection: ConnectionRow, mailbox: string): boolean {
    const key = this.key(connection, mailbox);
    const at = this.passed.get(key);
    if (at === undefined) return false;
    if (this.now() - at < this.reuseMs) return true;
    this.passed.delete(key);
    return false;
  }

  recordPass(connection: ConnectionRow, mailbox: string): void {
    const key = this.key(connection, mailbox);
    this.passed.delete(key);
    this.passed.set(key, this.now());
    if (this.passed.size > this.maxEntries) {
      const oldest = this.passed.keys().next();
      if (!oldest.done) this.passed.delete(oldest.value);
    }
  }

  /** Drops the tenant's entries (its import settings changed: the folder probes may now be due). */
  forget(tenantId: string): void {
    const prefix = JSON.stringify([tenantId]).slice(0, -1);
    for (const key of this.passed.keys()) if (key.startsWith(prefix)) this.passed.delete(key);
  }
}
