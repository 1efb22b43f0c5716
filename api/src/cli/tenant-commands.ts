import { TenantAdminService } from '../modules/tenants/tenant-admin.service.js';
import { listTenantsWithConnection } from '../modules/tenants/tenant.repository.js';
import type { TenantRow } from '../modules/tenants/tenant.table.js';
import { option, requiredOption, UsageError, type CommandContext } from './cli-context.js';
import { applyEloServiceAccountOptions, wantsEloServiceAccountChange } from './elo-service-account-options.js';
import { printTable } from './print-table.js';

const describe = (t: TenantRow) =>
  `${t.slug} — ${t.name} — ELO ${t.eloIxUrl}${t.graceUntil ? ` — grace until ${t.graceUntil}` : ''}`;

/** `tenant list|add|update|remove`. */
export async function tenantCommand(context: CommandContext): Promise<void> {
  const { config, database, args, options } = context;
  const tenants = new TenantAdminService(database.db, { requireHttpsElo: config.env === 'production' });
  const [action, slug] = args;
  switch (action) {
    case 'list': {
      const rows = await listTenantsWithConnection(database.db);
      printTable(
        [
          'slug',
          'name',
          'ELO IX URL',
          'grace until',
          'Microsoft 365',
          'account',
          'last checked',
          'ELO service account',
        ],
        rows.map((t) => [
          t.slug,
          t.name,
          t.eloIxUrl,
          t.graceUntil ?? '',
          t.connectionStatus ?? 'not_connected',
          t.accountUsername ?? '',
          t.lastCheckedAt?.toISOString() ?? '',
          // Whether the import can file: the user name only, never the password.
          t.eloServiceUser ?? 'not set',
        ]),
      );
      return;
    }
    case 'add': {
      if (!slug) throw new UsageError('tenant add needs a slug');
      const tenant = await tenants.add({
        slug,
        name: requiredOption(options, 'name'),
        eloIxUrl: requiredOption(options, 'elo-url'),
        graceUntil: option(options, 'grace-until') ?? null,
      });
      console.log(`added ${describe(tenant)}`);
      if (wantsEloServiceAccountChange(context)) console.log(await applyEloServiceAccountOptions(context, tenant.slug));
      return;
    }
    case 'update': {
      if (!slug) throw new UsageError('tenant update needs a slug');
      const grace = option(options, 'grace-until');
      const name = option(options, 'name');
      const eloIxUrl = option(options, 'elo-url');
      const tenant = await tenants.update(slug, {
        ...(name !== undefined ? { name } : {}),
        ...(eloIxUrl !== undefined ? { eloIxUrl } : {}),
        ...(grace !== undefined ? { graceUntil: grace === 'none' ? null : grace } : {}),
      });
      console.log(`updated ${describe(tenant)}`);
      if (wantsEloServiceAccountChange(context)) console.log(await applyEloServiceAccountOptions(context, tenant.slug));
      return;
    }
    case 'remove': {
      if (!slug) throw new UsageError('tenant remove needs a slug');
      if (options.yes !== true) {
        throw new UsageError('tenant remove deletes the tenant, its sessions and its connection; confirm with --yes');
      }
      await tenants.remove(slug);
      console.log(`removed ${slug}`);
      return;
    }
    default:
      throw new UsageError(`unknown tenant command "${action ?? ''}"`);
  }
}
