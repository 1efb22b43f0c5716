import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { formatEncryptionKeys } from '../config/encryption-keys.js';
import { loadOrCreateDemoKeys } from '../crypto/demo-keys.js';
import { KeyRing } from '../crypto/key-ring.js';
import { migrateDown, migrateToLatest } from '../db/migrate.js';
import { openDatabase, type OpenDatabase } from '../db/open-database.js';
import { reencryptSecrets } from '../modules/ms365/reencrypt-secrets.js';
import { TenantAdminService, TenantInputError } from '../modules/tenants/tenant-admin.service.js';
import { printTable } from './print-table.js';

const USAGE = `Usage: pnpm ecm365 <command> [options]

Database
  migrate                         apply all pending migrations
  migrate --down                  undo the newest migration

Encryption keys (ENCRYPTION_KEYS: id:base64key pairs, the first encrypts, all decrypt)
  keys generate                   print a new key to put first into ENCRYPTION_KEYS
  keys rotate                     re-encrypt every stored secret under the first key (then old keys can go)

Tenants
  tenant list
  tenant add <slug> --name <name> --elo-url <IX REST URL> [--grace-until YYYY-MM-DD]
  tenant update <slug> [--name <name>] [--elo-url <url>] [--grace-until YYYY-MM-DD|none]
  tenant remove <slug> --yes

Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the portal first: only one process may open it).`;

class UsageError extends Error {}

type Options = Record<string, string | boolean | undefined>;

function option(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

function required(options: Options, name: string): string {
  const value = option(options, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function tenantCommand(database: OpenDatabase, args: string[], options: Options, requireHttpsElo: boolean) {
  const tenants = new TenantAdminService(database.db, { requireHttpsElo });
  const [action, slug] = args;
  const describe = (t: { slug: string; name: string; eloIxUrl: string; graceUntil: string | null }) =>
    `${t.slug} — ${t.name} — ELO ${t.eloIxUrl}${t.graceUntil ? ` — grace until ${t.graceUntil}` : ''}`;
  switch (action) {
    case 'list': {
      const rows = await tenants.list();
      printTable(
        ['slug', 'name', 'ELO IX URL', 'grace until'],
        rows.map((t) => [t.slug, t.name, t.eloIxUrl, t.graceUntil ?? '']),
      );
      return;
    }
    case 'add': {
      if (!slug) throw new UsageError('tenant add needs a slug');
      const grace = option(options, 'grace-until');
      const tenant = await tenants.add({
        slug,
        name: required(options, 'name'),
        eloIxUrl: required(options, 'elo-url'),
        graceUntil: grace ?? null,
      });
      console.log(`added ${describe(tenant)}`);
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
      return;
    }
    case 'remove': {
      if (!slug) throw new UsageError('tenant remove needs a slug');
      if (options.yes !== true)
        throw new UsageError('tenant remove deletes the tenant and its sessions; confirm with --yes');
      await tenants.remove(slug);
      console.log(`removed ${slug}`);
      return;
    }
    default:
      throw new UsageError(`unknown tenant command "${action ?? ''}"`);
  }
}

async function keysCommand(config: Config, database: OpenDatabase, action: string | undefined) {
  if (action !== 'rotate') throw new UsageError(`unknown keys command "${action ?? ''}"`);
  const keys =
    config.encryptionKeys.length > 0
      ? config.encryptionKeys
      : await loadOrCreateDemoKeys(config.dataDir, (message) => console.warn(message));
  const ring = new KeyRing(keys);
  const report = await reencryptSecrets(database.db, ring);
  console.log(
    `re-encrypted under key "${ring.currentKeyId}": ${report.connections} connection(s), ${report.attempts} attempt(s); ` +
      `${report.alreadyCurrent} already current`,
  );
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'elo-url': { type: 'string' },
      'grace-until': { type: 'string' },
      yes: { type: 'boolean' },
      down: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return;
  }
  if (command === 'keys' && rest[0] === 'generate') {
    const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
    console.log(formatEncryptionKeys([{ id, key: randomBytes(32) }]));
    return;
  }
  if (!['migrate', 'tenant', 'keys'].includes(command)) throw new UsageError(`unknown command "${command}"`);

  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    if (command === 'migrate') {
      const report = values.down ? await migrateDown(database.db) : await migrateToLatest(database.db);
      console.log(
        report.applied.length
          ? `${values.down ? 'reverted' : 'applied'}: ${report.applied.join(', ')}`
          : 'nothing to do',
      );
      return;
    }
    await migrateToLatest(database.db);
    if (command === 'keys') await keysCommand(config, database, rest[0]);
    else await tenantCommand(database, rest, values, config.env === 'production');
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`ecm365: ${error.message}\n\n${USAGE}`);
  else if (error instanceof TenantInputError) console.error(`ecm365: ${error.message}`);
  else if (error instanceof ConfigError)
    for (const issue of error.issues) console.error(`ecm365: configuration error: ${issue.message}`);
  else console.error('ecm365:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
