import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import { systemClock, type Clock } from '../../support/clock.js';
import { TenantInputError } from './tenant-admin.service.js';
import {
  deleteEloServiceAccount,
  findEloServiceAccount,
  listEloServiceAccountSecrets,
  replaceEloServiceAccountCiphertext,
  upsertEloServiceAccount,
} from './elo-service-account.repository.js';
import { findTenantBySlug } from './tenant.repository.js';

/** The associated data of the password's ciphertext: copied to another tenant's row it does not decrypt. */
export const eloServiceAccountContext = (tenantId: string) => `elo_service_accounts:${tenantId}`;

/** The decrypted account, for the import engine's ELO session. */
export interface EloServiceCredentials {
  userName: string;
  password: string;
}

const MAX_PASSWORD = 1024;

function checkUserName(value: string): string {
  const userName = value.trim();
  if (userName === '' || userName.length > 255 || /[\p{Cc}]/u.test(userName)) {
    throw new TenantInputError('the ELO service user must be 1–255 characters without control characters');
  }
  return userName;
}

function checkPassword(value: string): string {
  if (value === '') throw new TenantInputError('the ELO service password must not be empty');
  if (value.length > MAX_PASSWORD)
    throw new TenantInputError(`the ELO service password is longer than ${MAX_PASSWORD}`);
  return value;
}

/**
 * The tenant's technical ELO account for the invoice import (SPEC §9): set and cleared by ops, stored with the
 * password encrypted under the key ring, handed decrypted only to the code that logs in to ELO with it.
 */
export class EloServiceAccountService {
  constructor(
    private readonly db: Db,
    private readonly keys: KeyRing,
    private readonly clock: Clock = systemClock,
  ) {}

  private async tenantId(slug: string): Promise<string> {
    const tenant = await findTenantBySlug(this.db, slug);
    if (!tenant) throw new TenantInputError(`tenant "${slug}" does not exist`);
    return tenant.id;
  }

  async set(slug: string, userName: string, password: string): Promise<void> {
    const tenantId = await this.tenantId(slug);
    const passwordCiphertext = this.keys.encrypt(checkPassword(password), eloServiceAccountContext(tenantId));
    await upsertEloServiceAccount(
      this.db,
      tenantId,
      { userName: checkUserName(userName), passwordCiphertext },
      this.clock.now(),
    );
  }

  /** Answers whether there was one to clear. */
  async clear(slug: string): Promise<boolean> {
    return deleteEloServiceAccount(this.db, await this.tenantId(slug));
  }

  /** The user name (never the password), or null: what `tenant list` and the import state show. */
  async userNameOf(tenantId: string): Promise<string | null> {
    return (await findEloServiceAccount(this.db, tenantId))?.userName ?? null;
  }

  /** The decrypted credentials, or null when none are set (the import then waits: `waiting_for_elo`). */
  async credentialsFor(tenantId: string): Promise<EloServiceCredentials | null> {
    const row = await findEloServiceAccount(this.db, tenantId);
    if (!row) return null;
    return {
      userName: row.userName,
      password: this.keys.decrypt(row.passwordCiphertext, eloServiceAccountContext(tenantId)),
    };
  }
}

/** Key rotation: re-encrypts every service password not under the current key; answers [rewrapped, current]. */
export async function reencryptEloServiceAccounts(db: Db, keys: KeyRing): Promise<[number, number]> {
  let rewrapped = 0;
  let current = 0;
  for (const row of await listEloServiceAccountSecrets(db)) {
    if (!keys.isStale(row.passwordCiphertext)) {
      current++;
      continue;
    }
    const context = eloServiceAccountContext(row.tenantId);
    const next = keys.encrypt(keys.decrypt(row.passwordCiphertext, context), context);
    // Lost the race against a CLI update: that one is already under the current key.
    if (await replaceEloServiceAccountCiphertext(db, row.tenantId, row.passwordCiphertext, next)) rewrapped++;
    else current++;
  }
  return [rewrapped, current];
}
