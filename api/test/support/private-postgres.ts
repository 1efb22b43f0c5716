import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOCKET_PORT = 5432;

/**
 * A Postgres server of the test's own (initdb in a temp folder), so a test can stop and start it under traffic
 * without disturbing the machine's server that every other test uses. It listens on a Unix socket in that folder
 * only, never on TCP: no port to pick, and none that another test file could take while the server is down.
 * Uses the Debian binaries in /usr/lib/postgresql/<version>/bin; as root they run as the `postgres` user (initdb
 * refuses root).
 */
export interface PrivatePostgres {
  url(database?: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

async function binDir(): Promise<string> {
  const base = '/usr/lib/postgresql';
  const versions = (await readdir(base).catch(() => [])).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL server binaries in ${base}: the database fault tests need them`);
  return path.join(base, versions[0], 'bin');
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = await binDir();
  const folder = await mkdtemp(path.join(tmpdir(), 'ecm365-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(gid.trim()));
  }
  const exec = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  const data = path.join(folder, 'data');
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  // The port only names the socket file (<folder>/.s.PGSQL.<port>); it is given on both sides so that a PGPORT
  // in the environment cannot make server and clients disagree.
  const options = `-p ${SOCKET_PORT} -k ${folder} -c listen_addresses='' -c fsync=off`;
  const start = async () => {
    await exec('pg_ctl', ['-D', data, '-o', options, '-l', path.join(folder, 'log'), '-w', 'start']);
  };
  const stop = async () => {
    await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    // pg takes the socket folder from `host=`. The URL's own host is a placeholder that `pg` ignores: the app's
    // DATABASE_URL check (`new URL`) rejects the host-less `postgres://postgres@/db?host=…`.
    url: (database = 'postgres') =>
      `postgres://postgres@localhost:${SOCKET_PORT}/${database}?host=${encodeURIComponent(folder)}`,
    start,
    stop,
    async destroy() {
      await stop().catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}
