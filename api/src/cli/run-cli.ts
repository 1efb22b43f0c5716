import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import type { Env } from '../config/env-parsers.js';
import { migrateDown, migrateToLatest, pendingMigrations } from '../db/migrate.js';
import { openDatabase, type OpenDatabase } from '../db/open-database.js';
import { TenantInputError } from '../modules/tenants/tenant-admin.service.js';
import { UsageError, type CommandContext } from './cli-context.js';
import { generateKey, keysCommand } from './key-commands.js';
import { auditCommand, connectionCommand } from './ops-commands.js';
import { tenantCommand } from './tenant-commands.js';

export const USAGE = `Usage: pnpm ecm365 <command> [options]

Database
  migrate                         apply all pending migrations
  migrate --down                  undo the newest migration

Tenants
  tenant list                     with each Microsoft 365 connection and ELO service account (user only)
  tenant add <slug> --name <name> --elo-url <IX REST URL> [--grace-until YYYY-MM-DD] [--elo-service-user …]
  tenant update <slug> [--name <name>] [--elo-url <url>] [--grace-until YYYY-MM-DD|none]
                  [--elo-service-user <user> [--elo-service-password-file <file>]] [--clear-elo-service-account]
                                  the import's ELO service account; the password comes from the file or
                                  stdin (piped, or typed without echo), never from the command line
  tenant remove <slug> --yes

Operations
  audit <slug> [--limit 50]       the tenant's audit log, newest first
  connection revoke <slug> --yes  delete the tenant's Microsoft 365 tokens and connection

Encryption keys (ENCRYPTION_KEYS: id:base64key pairs, the first encrypts, all decrypt)
  keys generate                   print a new key to put first into ENCRYPTION_KEYS
  keys rotate                     re-encrypt every stored secret under the first key (then old keys can go)

Uses DATABASE_URL, or the embedded database in DATA_DIR (only one process may open it: while the portal runs on
it, a command is refused and names the portal's pid). \`tenant list\` and \`audit\` only read: on a database
that lacks migrations they refuse instead of migrating it; the other commands migrate first.`;

/** Commands that only read: they never change the schema, and refuse to run on one that is behind the code. */
const READ_ONLY = new Set(['tenant list', 'audit']);

async function prepareSchema(command: string, args: string[], database: OpenDatabase): Promise<void> {
  if (command === 'migrate') return;
  if (!READ_ONLY.has(command) && !READ_ONLY.has(`${command} ${args[0] ?? ''}`)) {
    await migrateToLatest(database.db);
    return;
  }
  const pending = await pendingMigrations(database.db);
  if (pending.length > 0) {
    throw new Error(
      `the database lacks ${pending.length} migration(s) of this version (${pending.join(', ')}); ` +
        'run `pnpm ecm365 migrate` first (read-only commands do not change the schema)',
    );
  }
}

const COMMANDS: Record<string, (context: CommandContext) => Promise<void>> = {
  tenant: tenantCommand,
  audit: auditCommand,
  connection: connectionCommand,
  keys: keysCommand,
  migrate: async ({ database, options }) => {
    const report = options.down ? await migrateDown(database.db) : await migrateToLatest(database.db);
    const verb = options.down ? 'reverted' : 'applied';
    console.log(report.applied.length ? `${verb}: ${report.applied.join(', ')}` : 'nothing to do');
  },
};

async function run(argv: string[], env: Env, stdin: NodeJS.ReadableStream): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'elo-url': { type: 'string' },
      'grace-until': { type: 'string' },
      'elo-service-user': { type: 'string' },
      'elo-service-password-file': { type: 'string' },
      // Known only to refuse it with an explanation: a password on the command line ends up in shell history.
      'elo-service-password': { type: 'string' },
      'clear-elo-service-account': { type: 'boolean' },
      limit: { type: 'string' },
      yes: { type: 'boolean' },
      down: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return;
  }
  if (command === 'keys' && args[0] === 'generate') return generateKey();
  const handler = COMMANDS[command];
  if (!handler) throw new UsageError(`unknown command "${command}"`);

  const config = loadConfig(env);
  const database = await openDatabase(config, `pnpm ecm365 ${[command, ...args.slice(0, 1)].join(' ')}`);
  try {
    await prepareSchema(command, args, database);
    await handler({ config, database, args, options: values, stdin });
  } finally {
    await database.close();
  }
}

/**
 * Runs one admin command; answers the process exit code. Errors are printed as one clear line (plus the usage for
 * wrong words), never as a stack trace.
 */
export async function runCli(
  argv: string[],
  env: Env = process.env,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  try {
    await run(argv, env, stdin);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`ecm365: ${error.message}\n\n${USAGE}`);
    else if (error instanceof TenantInputError) console.error(`ecm365: ${error.message}`);
    else if (error instanceof ConfigError) {
      for (const issue of error.issues) console.error(`ecm365: configuration error: ${issue.message}`);
    } else console.error('ecm365:', error instanceof Error ? error.message : error);
    return 1;
  }
}
