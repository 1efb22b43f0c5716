import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('docs/openapi.json (the served document, kept current by openapi-document.test.ts)', () => {
  it('lints clean with @redocly/cli, recommended rules (redocly.yaml), offline', async () => {
    const { stdout } = await promisify(execFile)(
      `${root}node_modules/.bin/redocly`,
      ['lint', 'docs/openapi.json', '--config', 'redocly.yaml', '--format', 'json'],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const report = JSON.parse(stdout) as { totals: { errors: number }; problems: Array<{ severity: string }> };
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);
});
