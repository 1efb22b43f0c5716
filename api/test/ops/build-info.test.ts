import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBuildInfo } from '../../../scripts/build-info.mjs';
import { readBuildInfo } from '../../src/support/build-info.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const rootVersion = async () =>
  (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

const dir = await mkdtemp(path.join(tmpdir(), 'ecm365-build-info-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the build info', () => {
  it("is the workspace's version when run from the sources, with the configured commit", async () => {
    expect(await rootVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(readBuildInfo(undefined)).toEqual({
      version: await rootVersion(),
      commit: undefined,
      nodeVersion: process.version,
    });
    expect(readBuildInfo('abc1234').commit).toBe('abc1234');
  });

  it('is what `pnpm build` recorded next to the compiled code, where the package.json is not at hand', async () => {
    const file = path.join(dir, 'build-info.json');
    expect(writeBuildInfo(root, file, { ECM365_COMMIT: 'v0.2.0-rc.1' })).toEqual({
      version: await rootVersion(),
      commit: 'v0.2.0-rc.1',
    });
    const missing = pathToFileURL(path.join(dir, 'absent.json'));
    expect(readBuildInfo(undefined, [pathToFileURL(file), missing])).toMatchObject({
      version: await rootVersion(),
      commit: 'v0.2.0-rc.1',
    });
    // The running deployment's ECM365_COMMIT wins over the recorded one.
    expect(readBuildInfo('f00d', [pathToFileURL(file)]).commit).toBe('f00d');
    expect(readBuildInfo(undefined, [missing])).toMatchObject({ version: 'unknown', commit: undefined });
  });

  it("records git's commit when ECM365_COMMIT is not set, and refuses a malformed one", () => {
    const file = path.join(dir, 'from-git.json');
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    expect(writeBuildInfo(root, file, {}).commit).toBe(head || undefined);
    expect(() => writeBuildInfo(root, file, { ECM365_COMMIT: 'x y' })).toThrow(/ECM365_COMMIT/);
  });
});

describe('GET /healthz and the build_info metric', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ECM365_COMMIT: '08e3fba' } });
  });
  afterAll(() => t.close());

  it('answer the version, and the metric also the commit and the Node.js version', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', version: await rootVersion() });

    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('# TYPE ecm365_build_info gauge');
    expect(metrics).toContain(
      `ecm365_build_info{version="${await rootVersion()}",commit="08e3fba",node_version="${process.version}"} 1`,
    );
  });
});
