import { AuditLog } from '../modules/audit/audit-log.js';
import { listAuditEvents } from '../modules/audit/audit.repository.js';
import { revokeConnection } from '../modules/ms365/connection/revoke-connection.js';
import { findTenantBySlug } from '../modules/tenants/tenant.repository.js';
import { option, UsageError, type CommandContext } from './cli-context.js';
import { printTable } from './print-table.js';

async function tenantOf({ database, args }: CommandContext, position: number) {
  const slug = args[position];
  if (!slug) throw new UsageError('a tenant slug is needed');
  const tenant = await findTenantBySlug(database.db, slug);
  if (!tenant) throw new UsageError(`tenant "${slug}" does not exist`);
  return tenant;
}

/** `audit <slug> [--limit N]`: the tenant's audit trail, newest first. */
export async function auditCommand(context: CommandContext): Promise<void> {
  const tenant = await tenantOf(context, 0);
  const limit = Number(option(context.options, 'limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new UsageError('--limit must be 1…10000');
  const events = await listAuditEvents(context.database.db, tenant.id, limit);
  printTable(
    ['when', 'actor', 'action', 'outcome', 'details', 'ip'],
    events.map((event) => [
      event.createdAt.toISOString(),
      event.actor ?? '',
      event.action,
      event.outcome,
      JSON.stringify(event.details),
      event.ip ?? '',
    ]),
  );
}

/** `connection revoke <slug> --yes`: deletes the tenant's Microsoft 365 tokens and connection. */
export async function connectionCommand(context: CommandContext): Promise<void> {
  if (context.args[0] !== 'revoke') throw new UsageError(`unknown connection command "${context.args[0] ?? ''}"`);
  const tenant = await tenantOf(context, 1);
  if (context.options.yes !== true) throw new UsageError('connection revoke deletes the tokens; confirm with --yes');
  const existed = await revokeConnection(
    context.database.db,
    new AuditLog(context.database.db),
    tenant,
    'ops (admin CLI)',
    null,
  );
  console.log(existed ? `revoked the Microsoft 365 connection of ${tenant.slug}` : `${tenant.slug} had no connection`);
}
