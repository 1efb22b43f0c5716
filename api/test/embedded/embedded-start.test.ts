import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { pendingMigrations } from '../../src/db/migrate.js';
import { startRuntime } from '../../src/runtime.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-embedded-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** The README's start path: no DATABASE_URL, so PGlite in DATA_DIR behind the Postgres wire protocol. */
async function startDemo() {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const runtime = await startRuntime(config);
  const app = await buildApp({ services: runtime.services });
  return { runtime, app, close: async () => (await app.close(), await runtime.close()) };
}

describe('the embedded default (demo mode, PGlite)', () => {
  it('migrates a new data folder, seeds the demo tenant and serves a login', { timeout: 120_000 }, async () => {
    const demo = await startDemo();
    try {
      expect(demo.runtime.database.description).toContain('embedded PostgreSQL (PGlite)');
      expect(await pendingMigrations(demo.runtime.database.db)).toEqual([]);
      const login = await demo.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host: 'localhost:3000' },
        payload: { username: 'admin', password: 'admin' },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({
        tenant: { slug: 'demo' },
        ms365Access: { allowed: true, reason: 'group_member' },
      });
      const viaSubdomain = await demo.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host: 'demo.localhost:3000' },
        payload: { username: 'gast', password: 'gast' },
      });
      expect(viaSubdomain.json().ms365Access).toMatchObject({ allowed: false, reason: 'not_member' });
    } finally {
      await demo.close();
    }
  });

  it('starts again on the same data folder and keeps its data', { timeout: 120_000 }, async () => {
    const demo = await startDemo();
    try {
      const logins = await demo.runtime.database.db
        .selectFrom('auditEvents')
        .select('actor')
        .where('action', '=', 'auth.login')
        .execute();
      expect(logins.map((row) => row.actor).sort()).toEqual(['admin', 'gast']);
    } finally {
      await demo.close();
    }
  });
});
