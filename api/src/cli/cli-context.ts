import type { Config } from '../config/config.js';
import type { OpenDatabase } from '../db/open-database.js';

/** Wrong words on the command line: printed with the usage text. */
export class UsageError extends Error {}

export type Options = Record<string, string | boolean | undefined>;

export interface CommandContext {
  config: Config;
  database: OpenDatabase;
  /** Positional arguments after the command word, e.g. `["add", "acme"]` for `tenant add acme`. */
  args: string[];
  options: Options;
  /** Where secrets are read from (the ELO service password); process.stdin outside tests. */
  stdin?: NodeJS.ReadableStream;
}

export function option(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(options: Options, name: string): string {
  const value = option(options, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}
