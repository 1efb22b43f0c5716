import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { EloServiceAccountService } from '../modules/tenants/elo-service-account.service.js';
import { option, UsageError, type CommandContext } from './cli-context.js';
import { cliKeyRing } from './cli-key-ring.js';

/** One trailing line break (from `echo`, an editor or the Enter key) is not part of the password. */
const withoutLineBreak = (text: string) => text.replace(/\r?\n$/, '');

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Typed at a terminal: prompted on stderr, read without echo. */
async function readHidden(stdin: NodeJS.ReadableStream): Promise<string> {
  process.stderr.write('ELO-Kennwort des Dienstkontos (wird nicht angezeigt): ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: stdin, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => lines.once('line', resolve));
  } finally {
    lines.close();
    process.stderr.write('\n');
  }
}

async function readPassword(context: CommandContext): Promise<string> {
  const file = option(context.options, 'elo-service-password-file');
  if (file !== undefined) {
    try {
      return withoutLineBreak(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UsageError(
        `cannot read --elo-service-password-file: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
  }
  const stdin = context.stdin ?? process.stdin;
  const isTerminal = (stdin as { isTTY?: boolean }).isTTY === true;
  return isTerminal ? readHidden(stdin) : withoutLineBreak(await readAll(stdin));
}

/** Whether this `tenant update` touches the ELO service account at all. */
export function wantsEloServiceAccountChange(context: CommandContext): boolean {
  const { options } = context;
  return (
    options['elo-service-user'] !== undefined ||
    options['elo-service-password-file'] !== undefined ||
    options['elo-service-password'] !== undefined ||
    options['clear-elo-service-account'] === true
  );
}

/**
 * `--elo-service-user U` (password from `--elo-service-password-file F` or stdin) or `--clear-elo-service-account`.
 * The password is never accepted on the command line: it would land in shell history and the process list.
 * Answers a line for the command's output.
 */
export async function applyEloServiceAccountOptions(context: CommandContext, slug: string): Promise<string> {
  const { options } = context;
  if (options['elo-service-password'] !== undefined) {
    throw new UsageError(
      'the ELO service password is never taken from the command line; pipe it on stdin or use --elo-service-password-file',
    );
  }
  const userName = option(options, 'elo-service-user');
  const clear = options['clear-elo-service-account'] === true;
  if (clear && (userName !== undefined || options['elo-service-password-file'] !== undefined)) {
    throw new UsageError('--clear-elo-service-account cannot be combined with --elo-service-user');
  }
  if (!clear && userName === undefined) throw new UsageError('--elo-service-password-file needs --elo-service-user');
  const accounts = new EloServiceAccountService(context.database.db, await cliKeyRing(context.config));
  if (clear) {
    return (await accounts.clear(slug)) ? 'ELO service account cleared' : 'no ELO service account was set';
  }
  await accounts.set(slug, userName ?? '', await readPassword(context));
  return `ELO service account set: ${userName?.trim() ?? ''} (password stored encrypted)`;
}
