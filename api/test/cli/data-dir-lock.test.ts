import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../src/db/data-dir-lock.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ecm365-lock-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** Runs TypeScript in a child process of its own, from the repository root; answers its exit code and output. */
function runChild(args: string[], env: Record<string, string>, untilOutput?: string) {
  const child = spawn(process.execPath, ['--conditions=@ecm365/source', '--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const reached = untilOutput
    ? new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => stdout.includes(untilOutput) && resolve());
        void exited.then((result) => reject(new Error(`child exited: ${JSON.stringify(result)}`)));
      })
    : Promise.resolve();
  return { child, exited, reached };
}

describe('one process per embedded data folder', () => {
  it('refuses a second holder with one line that names the holding pid and what to do', async () => {
    const lock = await lockDataDir(dataDir, 'the portal server');
    try {
      const second = await lockDataDir(dataDir, 'pnpm ecm365 tenant list').catch((error: unknown) => error);
      expect(second).toBeInstanceOf(DataDirInUseError);
      const message = (second as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain(`process ${process.pid} (the portal server`);
      expect(message).toContain('stop it first');
    } finally {
      await lock.release();
    }
    const again = await lockDataDir(dataDir, 'after release');
    await again.release();
  });

  it(
    'stops `pnpm ecm365 tenant list` in another process before it opens the database',
    { timeout: 60_000 },
    async () => {
      const lock = await lockDataDir(dataDir, 'the portal server');
      try {
        const cli = runChild(['api/src/cli/main.ts', 'tenant', 'list'], { NODE_ENV: 'test', DATA_DIR: dataDir });
        const { code, stdout, stderr } = await cli.exited;
        expect(code).toBe(1);
        expect(stdout).toBe('');
        const lines = stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^ecm365: the data folder .* is in use by process ${process.pid} `));
      } finally {
        await lock.release();
      }
    },
  );

  it('takes over at once from a holder that crashed', { timeout: 60_000 }, async () => {
    const holder = runChild(
      [
        '--input-type=module',
        '-e',
        `const { lockDataDir } = await import(${JSON.stringify(path.join(root, 'api/src/db/data-dir-lock.ts'))});
         await lockDataDir(process.env.DATA_DIR, 'a process about to crash');
         console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { DATA_DIR: dataDir },
      'locked',
    );
    await holder.reached;
    await expect(lockDataDir(dataDir, 'while it runs')).rejects.toThrow(`process ${holder.child.pid} `);
    holder.child.kill('SIGKILL');
    await holder.exited;
    // The crashed holder's lock is still on disk, fresh; its pid is gone, so it does not block.
    const lock = await lockDataDir(dataDir, 'after the crash');
    await lock.release();
  });
});
