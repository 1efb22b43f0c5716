import { FAILED_FOLDER_NAME, IMPORTED_FOLDER_NAME } from '@ecm365/shared';
import type { GraphMailGateway } from '../../adapters/microsoft/index.js';
import type { Db } from '../../db/database.js';
import { resolveSettings } from './import-settings.js';
import { findImportSettings } from './invoice-import.repository.js';
import type { InvoiceImportSettingsRow } from './invoice-import.tables.js';

/** Which of the import's own calls failed in the connection test. */
export class ImportProbeError extends Error {
  constructor(
    readonly stage: 'delta' | 'folders',
    readonly failure: unknown,
  ) {
    super(`invoice import probe failed at ${stage}`);
    this.name = 'ImportProbeError';
  }
}

export type ImportProbe = (
  tenantId: string,
  accessToken: string,
  mailbox: string,
  retried: <T>(call: () => Promise<T>) => Promise<T>,
  /** The tenant's stored settings when the caller read them already (null: none stored); else read here. */
  stored?: InvoiceImportSettingsRow | null,
) => Promise<void>;

/**
 * The connection test runs the very calls the import makes (notes §1: a folder shared alone answers delta with 404
 * although the Inbox opens): a delta query on the Inbox (one page, nothing older than now), and with afterImport
 * "move" the child folders „ELO importiert“ and „ELO Fehler“, found or created — so a mailbox that cannot be
 * imported is caught at set-up, not at the first invoice.
 */
export function importProbe(db: Db, graphMail: GraphMailGateway): ImportProbe {
  return async (tenantId, accessToken, mailbox, retried, stored) => {
    // The settings are read while Microsoft answers the delta (a failed delta does not need them), unless the
    // caller has them (the health monitor reads them for a page of checks in one query).
    const settingsRow = stored !== undefined ? Promise.resolve(stored ?? undefined) : findImportSettings(db, tenantId);
    settingsRow.catch(() => {});
    try {
      await retried(() => graphMail.deltaStart(accessToken, mailbox, { receivedSince: new Date(), pageSize: 1 }));
    } catch (error) {
      throw new ImportProbeError('delta', error);
    }
    const settings = resolveSettings(undefined, await settingsRow);
    if (settings.afterImport !== 'move') return;
    // Two independent questions, asked at once: the test waits for the longer, not for both in turn (each takes
    // one of the mailbox's slots).
    await Promise.all(
      [IMPORTED_FOLDER_NAME, FAILED_FOLDER_NAME].map((name) =>
        retried(() => graphMail.findOrCreateChildFolder(accessToken, mailbox, name)).catch((error: unknown) => {
          throw new ImportProbeError('folders', error);
        }),
      ),
    );
  };
}
