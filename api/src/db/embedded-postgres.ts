import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer, type PgliteWireServerOptions } from './pglite-wire-server.js';

export interface EmbeddedPostgres {
  /** A normal `postgres://` URL: the app talks to the embedded database through the same pg + Kysely path. */
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (Postgres compiled to WebAssembly) on a data folder and serves it over the Postgres wire protocol
 * on a loopback port, to any number of clients (pglite-wire-server.ts). Only one process may open a data folder
 * at a time (data-dir-lock.ts guards that).
 */
/**
 * PGlite's own start parameters plus smaller memory settings. Its defaults are a server's (shared_buffers 128 MB,
 * work_mem 4 MB per sort): in one process next to the app that is most of the demo's idle RSS, for a database
 * of a few megabytes (issue 13). 8 MB of buffers hold a demo's working set; against 16 MB they cut the warm
 * start's RSS by 10 MB (measured: PGlite alone on a demo data folder, 163 → 153 MB). work_mem and
 * maintenance_work_mem bound what a sort or an index build (the migrations) can make the WebAssembly memory grow
 * to, which it never gives back.
 */
const EMBEDDED_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['-c', 'shared_buffers=8MB', '-c', 'work_mem=2MB', '-c', 'maintenance_work_mem=16MB'],
];

export async function startEmbeddedPostgres(
  dataDir: string,
  options: PgliteWireServerOptions = {},
): Promise<EmbeddedPostgres> {
  const folder = path.join(dataDir, 'pgdata');
  await mkdir(folder, { recursive: true });
  const database = await PGlite.create(folder, {
    startParams: [...EMBEDDED_START_PARAMS],
  });
  const server = new PgliteWireServer(database, options);
  let port: number;
  try {
    port = await server.listen('127.0.0.1', 0);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.close();
      await database.close();
    },
  };
}
