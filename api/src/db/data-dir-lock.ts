import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock whose holder stopped refreshing it (crashed without its pid being recognisable as gone) is free after this. */
const STALE_MS = 30_000;

/** Another process holds the data folder; the message is the one line to show. */
export class DataDirInUseError extends Error {}

export interface DataDirLock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  host: string;
  what: string;
  since: string;
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dataDir: string, holder: Holder | undefined): DataDirInUseError {
  const who = holder
    ? `process ${holder.pid} (${holder.what}, since ${holder.since}${holder.host === hostname() ? '' : ` on ${holder.host}`})`
    : 'another process';
  return new DataDirInUseError(
    `the data folder ${dataDir} is in use by ${who}: stop it first (one process at a time may open the embedded ` +
      `database), or use another DATA_DIR or a DATABASE_URL; a lock left by a crash is free after ${STALE_MS / 1000} s`,
  );
}

/**
 * Takes the data folder for this process alone (proper-lockfile: an atomic lock directory whose mtime the holder
 * keeps fresh), so that a second process (`pnpm ecm365 tenant list` while the portal runs) cannot open the
 * embedded database beside it. The holder's pid is written next to the lock: a second process names it, and takes
 * over at once when that pid is gone on this machine (a crash), else once the lock has gone stale.
 * `what` says who holds it, e.g. "the portal server".
 */
export async function lockDataDir(
  dataDir: string,
  what: string,
  onLost: (error: Error) => void = (error) => {
    console.error(
      `ecm365: lost the lock on ${dataDir} (${error.message}); stopping so that no second process writes it`,
    );
    process.exit(1);
  },
): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'ecm365.lock');
  const holderPath = path.join(dataDir, 'ecm365.lock-holder.json');
  const take = () =>
    lockfile.lock(dataDir, { lockfilePath: lockPath, stale: STALE_MS, realpath: false, onCompromised: onLost });
  const heldElsewhere = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ELOCKED';

  let unlock: () => Promise<void>;
  try {
    unlock = await take();
  } catch (error) {
    if (!heldElsewhere(error)) throw error;
    const holder = await readHolder(holderPath);
    if (!holder || holder.host !== hostname() || isRunning(holder.pid)) throw inUse(dataDir, holder);
    await rm(lockPath, { recursive: true, force: true });
    try {
      unlock = await take();
    } catch (again) {
      if (heldElsewhere(again)) throw inUse(dataDir, await readHolder(holderPath));
      throw again;
    }
  }
  const holder: Holder = { pid: process.pid, host: hostname(), what, since: new Date().toISOString() };
  await writeFile(holderPath, JSON.stringify(holder));
  return {
    async release() {
      await rm(holderPath, { force: true });
      await unlock();
    },
  };
}
