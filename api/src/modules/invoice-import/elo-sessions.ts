import type { EloArchive, EloArchiveConnector } from '../../adapters/elo/index.js';
import type { Db } from '../../db/database.js';
import type { EloServiceAccountService } from '../tenants/elo-service-account.service.js';
import { findTenantElo } from './invoice-import.repository.js';

/** Opens the tenant's ELO with its technical account, or says why it cannot (no account set). */
export class ImportEloSessions {
  constructor(
    private readonly db: Db,
    private readonly connector: EloArchiveConnector,
    private readonly accounts: EloServiceAccountService,
  ) {}

  async hasAccount(tenantId: string): Promise<boolean> {
    return (await this.accounts.userNameOf(tenantId)) !== null;
  }

  /** A session (close it when done), or null without a service account. */
  async open(tenantId: string): Promise<EloArchive | null> {
    const [tenant, account] = await Promise.all([
      findTenantElo(this.db, tenantId),
      this.accounts.credentialsFor(tenantId),
    ]);
    if (!tenant || !account) return null;
    return this.connector.open(tenant.eloIxUrl, account);
  }

  /** Runs `use` with a session that is closed afterwards; null without a service account. */
  async with<T>(tenantId: string, use: (archive: EloArchive) => Promise<T>): Promise<T | null> {
    const archive = await this.open(tenantId);
    if (!archive) return null;
    try {
      return await use(archive);
    } finally {
      await archive.close().catch(() => undefined);
    }
  }
}
