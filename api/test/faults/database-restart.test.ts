import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let postgres: PrivatePostgres;
let t: TestApp;
let admin: SignedIn;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  const handle = createDatabase(postgres.url(), { poolSize: 5 });
  await migrateToLatest(handle.db);
  t = await startTestApp({
    database: { ...handle, url: postgres.url(), name: 'postgres', drop: () => handle.close() },
  });
  admin = await signIn(t.app, 'admin', 'admin');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await postgres?.destroy();
});

const session = () =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { host: admin.host, cookie: admin.cookie } });

/** Requests at a steady pace while `during` runs; every answer's status and body. */
async function underTraffic(during: () => Promise<void>) {
  const answers: Array<{ status: number; code?: string; ms: number }> = [];
  let running = true;
  const traffic = (async () => {
    while (running) {
      const started = Date.now();
      const response = await session();
      answers.push({ status: response.statusCode, code: response.json().error?.code, ms: Date.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    await during();
  } finally {
    // Also when `during` fails: no request may outlive the test (and the app it is closed with).
    running = false;
    await traffic;
  }
  return answers;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('PostgreSQL restarted under traffic', () => {
  it(
    'answers 503 while the database is away and recovers by itself, without restarting the app',
    { timeout: 90_000 },
    async () => {
      expect((await session()).statusCode).toBe(200);

      const answers = await underTraffic(async () => {
        await postgres.stop();
        await waitFor(async () => (await session()).statusCode === 503, 15_000);
        const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toMatchObject({ status: 'not_ready', checks: { database: 'unreachable' } });
        expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200); // the process is alive
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await postgres.start();
        await waitFor(async () => (await session()).statusCode === 200, 15_000);
      });

      const failures = answers.filter((answer) => answer.status !== 200);
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) expect(failure).toMatchObject({ status: 503, code: 'service_unavailable' });
      // Never a hung request: the pool gives up connecting within its bound.
      expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(5000);
      expect(answers.at(-1)?.status).toBe(200);

      // The data survived and the app works fully again: the same session, a new login, readiness.
      expect((await session()).json().user.name).toBe('admin');
      expect((await signIn(t.app, 'gast', 'gast')).body.ms365Access.allowed).toBe(false);
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    },
  );
});
