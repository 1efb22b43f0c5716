#!/usr/bin/env node
/**
 * `pnpm emulators`: the ELO and Microsoft emulators as a standalone process, for trying the portal against them
 * from another process (or another machine's browser) and for poking at them by hand. Demo mode does not need
 * this: it starts both in process.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEMO_ELO_REPOSITORY,
  DEMO_MICROSOFT_ACCOUNTS,
  DEMO_MS365_GROUP,
  startEloEmulator,
  startMicrosoftEmulator,
  type EloRepositoryFixture,
} from './index.js';

/** The client id demo mode registers too, so a portal configured for one works with the other. */
const DEFAULT_CLIENT_ID = '6f1c3c2e-2f9a-4d7e-9b0a-0ec365de7001';
const DEFAULT_REDIRECT_URI = 'http://localhost:3000/api/v1/ms365/callback';

const USAGE = `Usage: pnpm emulators [options]

  --only elo|microsoft     start just one of them (default: both)
  --host <address>         where to listen (default 127.0.0.1; these are test doubles with published passwords)
  --elo-port <port>        ELO Indexserver emulator (default 44380; 0 = any free port)
  --ms-port <port>         Microsoft identity platform + Graph emulator, HTTPS (default 44300; 0 = any free port)
  --ms-browser-port <port> its sign-in and consent pages over plain http (default 44301; 0 = any free port)
  --client-id <id>         the app registration the emulator accepts (default ${DEFAULT_CLIENT_ID})
  --client-secret <secret> its secret (default: generated and printed)
  --redirect-uri <url>     its redirect URI, repeatable (default ${DEFAULT_REDIRECT_URI})
  --ca-out <file>          write the Microsoft emulator's CA certificate (PEM) there, for MS365_CA_FILE
  --help                   this text

Each option also reads an environment variable: EMULATOR_ONLY, EMULATOR_HOST, ELO_EMULATOR_PORT,
MS365_EMULATOR_PORT, MS365_EMULATOR_BROWSER_PORT, EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET, EMULATOR_REDIRECT_URIS (comma-separated),
EMULATOR_CA_OUT. Options win over the environment.`;

interface CliOptions {
  only: 'elo' | 'microsoft' | undefined;
  host: string;
  eloPort: number;
  msPort: number;
  msBrowserPort: number;
  clientId: string;
  clientSecret: string | undefined;
  redirectUris: string[];
  caOut: string | undefined;
}

/** A bad command line: the message and the usage go to stderr, exit code 2. */
class UsageError extends Error {}

function port(value: string, name: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65535) throw new UsageError(`${name} must be a port number (got "${value}")`);
  return parsed;
}

/** Options from flags, else environment variables, else defaults. Undefined means --help was asked for. */
function parseCliOptions(args: string[], env: NodeJS.ProcessEnv): CliOptions | undefined {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      only: { type: 'string' },
      host: { type: 'string' },
      'elo-port': { type: 'string' },
      'ms-port': { type: 'string' },
      'ms-browser-port': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'ca-out': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const only = values.only ?? env.EMULATOR_ONLY;
  if (only !== undefined && only !== 'elo' && only !== 'microsoft') {
    throw new UsageError(`--only must be elo or microsoft (got "${only}")`);
  }
  const redirectUris = values['redirect-uri'] ??
    env.EMULATOR_REDIRECT_URIS?.split(',')
      .map((uri) => uri.trim())
      .filter(Boolean) ?? [DEFAULT_REDIRECT_URI];
  for (const uri of redirectUris) {
    if (!URL.canParse(uri)) throw new UsageError(`--redirect-uri must be an absolute URL (got "${uri}")`);
  }
  const caOut = values['ca-out'] ?? env.EMULATOR_CA_OUT;
  return {
    only,
    host: values.host ?? env.EMULATOR_HOST ?? '127.0.0.1',
    eloPort: port(values['elo-port'] ?? env.ELO_EMULATOR_PORT ?? '44380', '--elo-port'),
    msPort: port(values['ms-port'] ?? env.MS365_EMULATOR_PORT ?? '44300', '--ms-port'),
    msBrowserPort: port(values['ms-browser-port'] ?? env.MS365_EMULATOR_BROWSER_PORT ?? '44301', '--ms-browser-port'),
    clientId: values['client-id'] ?? env.EMULATOR_CLIENT_ID ?? DEFAULT_CLIENT_ID,
    clientSecret: values['client-secret'] ?? env.EMULATOR_CLIENT_SECRET,
    redirectUris,
    caOut: caOut ? path.resolve(caOut) : undefined,
  };
}

/** Whether a user reaches the group directly or through nested groups. */
function inGroup(fixture: EloRepositoryFixture, groups: readonly string[], target: string, seen = new Set<string>()) {
  for (const name of groups) {
    if (name === target) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    const parents = fixture.groups.find((group) => group.name === name)?.memberOf ?? [];
    if (inGroup(fixture, parents, target, seen)) return true;
  }
  return false;
}

async function start(options: CliOptions): Promise<() => Promise<void>> {
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
  try {
    if (options.only !== 'microsoft') {
      const elo = await startEloEmulator({ host: options.host, port: options.eloPort });
      closers.push(() => elo.close());
      console.log(`ELO emulator: ${elo.baseUrl('demo')}`);
      console.log(`  controls: ${elo.origin}/_emulator/state`);
      console.log('  users (name / password):');
      for (const user of DEMO_ELO_REPOSITORY.users) {
        const member = inGroup(DEMO_ELO_REPOSITORY, user.groups, DEMO_MS365_GROUP) ? 'in' : 'not in';
        const locked = user.locked ? ', locked' : '';
        console.log(`    ${user.name} / ${user.password}   — ${member} ${DEMO_MS365_GROUP}${locked}`);
      }
    }
    if (options.only !== 'elo') {
      const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
      const ms = await startMicrosoftEmulator({
        host: options.host,
        port: options.msPort,
        browserPort: options.msBrowserPort,
        clients: [
          { clientId: options.clientId, clientSecret, redirectUris: options.redirectUris, displayName: 'ecm.online' },
        ],
      });
      closers.push(() => ms.close());
      console.log(`Microsoft emulator: ${ms.origin}`);
      console.log(`  authority: ${ms.authority()}   Graph: ${ms.graphBaseUrl}v1.0`);
      console.log(`  mail: POST ${ms.origin}/_emulator/mailboxes/{mailbox}/messages drops a mail in (see its README)`);
      console.log(`  sign-in and consent pages (plain http, no certificate warning): ${ms.browserOrigin}`);
      console.log(`  app: client id ${options.clientId}, client secret ${clientSecret}`);
      console.log(`  redirect URIs: ${options.redirectUris.join(', ')}`);
      if (options.caOut) {
        await writeFile(options.caOut, ms.caCertPem, { mode: 0o644 });
        console.log(`  CA certificate: ${options.caOut} (trust it with MS365_CA_FILE)`);
      } else {
        console.log(`  CA certificate: ${ms.origin}/_emulator/ca.pem (or --ca-out <file>)`);
      }
      console.log('  accounts on the consent page:');
      for (const account of DEMO_MICROSOFT_ACCOUNTS) {
        const notes = [account.kind, account.tenantAdmin ? 'tenant admin' : '', ...account.mailboxAccess];
        console.log(`    ${account.upn}   — ${account.displayName} (${notes.filter(Boolean).join(', ')})`);
      }
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  return closeAll;
}

function readOptionsOrExit(): CliOptions {
  try {
    const options = parseCliOptions(process.argv.slice(2), process.env);
    if (options) return options;
    console.log(USAGE);
    process.exit(0);
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown options and missing values.
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !parseError) throw error;
    console.error(`emulators: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = readOptionsOrExit();
  const close = await start(options);
  console.log('Emulators are running; Ctrl+C stops them.');

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('emulators: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
