/**
 * Small, pure readers for environment variables. Each returns the parsed value or throws a ConfigIssue that names
 * the variable, so that start-up fails with one clear line per bad setting.
 */
export class ConfigIssue extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

export function readString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigIssue(name, `must be a whole number (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigIssue(name, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = readString(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigIssue(name, `must be true or false (got "${raw}")`);
}

export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigIssue(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

export function readUrl(env: Env, name: string, protocols: readonly string[] = ['http:', 'https:']): URL | undefined {
  const raw = readString(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigIssue(name, 'must be an absolute URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigIssue(name, `must use ${protocols.map((p) => p.replace(':', '')).join(' or ')}`);
  }
  return url;
}

/** Collects every issue instead of stopping at the first, so one start-up shows all bad settings at once. */
export class IssueCollector {
  readonly issues: ConfigIssue[] = [];

  read<T>(reader: () => T, fallback: T): T {
    try {
      return reader();
    } catch (error) {
      if (error instanceof ConfigIssue) {
        this.issues.push(error);
        return fallback;
      }
      throw error;
    }
  }

  require(variable: string, problem: string): void {
    this.issues.push(new ConfigIssue(variable, problem));
  }
}
