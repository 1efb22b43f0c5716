import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../../scripts/env-file.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = await mkdtemp(path.join(tmpdir(), 'ecm365-env-file-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the .env of `pnpm start` and `pnpm ecm365`', () => {
  it('sets what the file says, keeps what the environment already has, and understands comments and quotes', async () => {
    await writeFile(
      path.join(dir, '.env'),
      [
        '# copied from .env.example',
        'PORT=4123',
        'LOG_LEVEL=debug',
        'MAIL_FROM="ecm365 <noreply@example.test>"',
        'export DEFAULT_TENANT=acme',
        '#METRICS_TOKEN=commented-out',
        'DATABASE_URL=',
        '',
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', PATH: '/usr/bin' };
    expect(loadEnvFile(dir, env)).toEqual({
      file: path.join(dir, '.env'),
      applied: ['DATABASE_URL', 'DEFAULT_TENANT', 'MAIL_FROM', 'PORT'],
      kept: ['LOG_LEVEL'],
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      LOG_LEVEL: 'warn',
      PORT: '4123',
      MAIL_FROM: 'ecm365 <noreply@example.test>',
      DEFAULT_TENANT: 'acme',
      DATABASE_URL: '',
    });
  });

  it('changes nothing without a file', async () => {
    const empty = await mkdtemp(path.join(dir, 'none-'));
    const env: NodeJS.ProcessEnv = { PORT: '3000' };
    expect(loadEnvFile(empty, env)).toBeUndefined();
    expect(env).toEqual({ PORT: '3000' });
  });

  it("is read by the CLI's preload without a word of its own: the CLI's output stays the command's", () => {
    // What `pnpm ecm365` runs, with a one-line script in place of the CLI.
    const probe = spawnSync(
      process.execPath,
      ['--import', './scripts/with-env-file.mjs', '--input-type=module', '-e', 'console.log("loaded")'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(probe.stderr).toBe('');
    expect(probe.stdout).toBe('loaded\n');
  });
});
