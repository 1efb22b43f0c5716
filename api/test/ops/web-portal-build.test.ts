import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWebPortal } from '../../../scripts/web-portal.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = await mkdtemp(path.join(tmpdir(), 'ecm365-web-'));
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe("`pnpm start`'s build of the web portal", () => {
  it('is a production build within the bundle budget even when the shell has NODE_ENV=development', () => {
    const result = buildWebPortal(root, {
      env: { ...process.env, NODE_ENV: 'development' },
      outDir,
      stdio: 'pipe',
    });
    const output = `${result.stdout?.toString()}${result.stderr?.toString()}`;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/initial JavaScript: [\d.]+ KB of 60 KB budget/);
  }, 120_000);

  it('writes the portal where it was asked to, its scripts also compressed for the API to send', async () => {
    expect(await readdir(outDir)).toContain('index.html');
    const assets = await readdir(path.join(outDir, 'assets'));
    const vendor = assets.find((name) => /^vendor-.*\.js$/.test(name));
    expect(vendor, assets.join(', ')).toBeDefined();
    expect(assets).toEqual(expect.arrayContaining([`${vendor}.br`, `${vendor}.gz`]));
  });
});
