/**
 * `pnpm emulators` as another process uses it: spawned, read from its output, called over HTTP(S) with only the
 * CA file it wrote (no NODE_TLS_REJECT_UNAUTHORIZED), and stopped with SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, fetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ix, loginBody } from './elo/ix-client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'emulators', 'src', 'cli.ts');

interface Run {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
}

const runs: Run[] = [];
const dirs: string[] = [];

function runCli(args: string[]): Run {
  // The same command as the root script `pnpm emulators`, without pnpm in between (signals reach node directly).
  const child = spawn(process.execPath, ['--conditions=@ecm365/source', '--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const run = { child, output: () => output, exit };
  runs.push(run);
  return run;
}

async function waitFor(run: Run, text: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`emulators exited early:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" in time:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return run.output();
}

afterEach(async () => {
  for (const run of runs.splice(0)) {
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

// A process start with tsx plus key generation takes a few seconds on a busy machine.
describe('pnpm emulators', { timeout: 30_000 }, () => {
  it('starts both emulators, prints their URLs and accounts, writes the CA, and stops on SIGTERM', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ecm365-emulators-cli-'));
    dirs.push(dir);
    const caFile = path.join(dir, 'ca.pem');
    const run = runCli([
      ...['--elo-port', '0', '--ms-port', '0', '--ms-browser-port', '0'],
      ...['--client-id', 'cli-test-app', '--ca-out', caFile],
    ]);
    const output = await waitFor(run, 'Emulators are running');

    expect(output).toContain('admin / admin');
    expect(output).toContain('admin@contoso.example');
    const eloUrl = /ELO emulator: (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    const msOrigin = /Microsoft emulator: (https:\/\/\S+)/.exec(output)?.[1] ?? '';
    expect(eloUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ix-demo\/rest$/);
    expect(msOrigin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const pagesOrigin = /consent pages \(plain http, no certificate warning\): (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    expect(pagesOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // The demo user the output names can sign in.
    const login = await ix(eloUrl, 'login', loginBody('admin', 'admin'));
    expect(login.status).toBe(200);
    expect(login.json.result).toMatchObject({ user: { name: 'admin' } });

    const dispatcher = new Agent({ connect: { ca: await readFile(caFile, 'utf8') } });
    const discovery = await fetch(`${msOrigin}/organizations/v2.0/.well-known/openid-configuration`, { dispatcher });
    expect(discovery.status).toBe(200);
    expect(await discovery.json()).toMatchObject({
      token_endpoint: `${msOrigin}/organizations/oauth2/v2.0/token`,
      authorization_endpoint: `${pagesOrigin}/organizations/oauth2/v2.0/authorize`,
    });
    await dispatcher.close();

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    await expect(ix(eloUrl, 'getConstants', {})).rejects.toThrow(/fetch failed/);
  });

  it('--only elo starts just the ELO emulator', async () => {
    const run = runCli(['--only', 'elo', '--elo-port', '0']);
    const output = await waitFor(run, 'Emulators are running');
    expect(output).toContain('ELO emulator: http://127.0.0.1:');
    expect(output).not.toContain('Microsoft emulator');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('refuses a bad option with the usage and exit code 2', async () => {
    const run = runCli(['--only', 'sharepoint']);
    expect(await run.exit).toBe(2);
    expect(run.output()).toContain('--only must be elo or microsoft');
    expect(run.output()).toContain('Usage: pnpm emulators');
  });
});
