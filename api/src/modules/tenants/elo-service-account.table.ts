import type { ColumnType, Selectable } from 'kysely';

/** The tenant's ELO service account for the invoice import; the password only as key-ring ciphertext. */
export interface EloServiceAccountsTable {
  tenantId: string;
  userName: string;
  /** `enc1:<key id>:…`, encrypted with the context `eloServiceAccountContext(tenantId)`. */
  passwordCiphertext: string;
  createdAt: ColumnType<Date, never, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type EloServiceAccountRow = Selectable<EloServiceAccountsTable>;
