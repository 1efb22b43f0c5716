import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TenantRow, TenantsTable } from './tenant.table.js';

const columns = ['id', 'slug', 'name', 'eloIxUrl', 'graceUntil', 'createdAt', 'updatedAt'] as const;

export function findTenantBySlug(db: Db, slug: string): Promise<TenantRow | undefined> {
  return db.selectFrom('tenants').select(columns).where('slug', '=', slug).executeTakeFirst();
}

export function insertTenant(db: Db, tenant: Insertable<TenantsTable>): Promise<TenantRow> {
  return db.insertInto('tenants').values(tenant).returning(columns).executeTakeFirstOrThrow();
}

export function updateTenant(
  db: Db,
  slug: string,
  changes: Omit<Updateable<TenantsTable>, 'id' | 'createdAt'>,
): Promise<TenantRow | undefined> {
  return db
    .updateTable('tenants')
    .set({ ...changes, updatedAt: new Date() })
    .where('slug', '=', slug)
    .returning(columns)
    .executeTakeFirst();
}

export async function deleteTenant(db: Db, slug: string): Promise<boolean> {
  const result = await db.deleteFrom('tenants').where('slug', '=', slug).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every tenant with the status of its Microsoft 365 connection (ops' overview). */
export function listTenantsWithConnection(db: Db) {
  return db
    .selectFrom('tenants')
    .leftJoin('ms365Connections', 'ms365Connections.tenantId', 'tenants.id')
    .leftJoin('eloServiceAccounts', 'eloServiceAccounts.tenantId', 'tenants.id')
    .select([
      'tenants.slug',
      'tenants.name',
      'tenants.eloIxUrl',
      'tenants.graceUntil',
      'ms365Connections.status as connectionStatus',
      'ms365Connections.accountUsername',
      'ms365Connections.lastCheckedAt',
      'eloServiceAccounts.userName as eloServiceUser',
    ])
    .orderBy('tenants.slug')
    .execute();
}
