import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ELO_REPOSITORY, startEloEmulator, type RunningEloEmulator } from '../../src/elo/index.js';
import { IX_FUNCTIONS } from '../../src/elo/ix-functions.js';
import { ix, loginBody } from './ix-client.js';

let emulator: RunningEloEmulator;

beforeAll(async () => {
  emulator = await startEloEmulator();
});
afterEach(() => emulator.controls.reset());
afterAll(() => emulator.close());

const control = async (path: string, body?: unknown) => {
  const response = await fetch(`${emulator.origin}/_emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

describe('controls (in process)', () => {
  it('down answers HTTP 503 to IX calls', async () => {
    emulator.controls.setAvailability('down');
    const response = await fetch(`${emulator.baseUrl()}/IXServicePortIF/getConstants`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
  });

  it('reset destroys the socket without an HTTP answer', async () => {
    emulator.controls.setAvailability('reset');
    await expect(ix(emulator.baseUrl(), 'getConstants', {})).rejects.toThrow(/fetch failed/);
  });

  it('latency delays every answer', async () => {
    emulator.controls.setLatency(250);
    const started = performance.now();
    await ix(emulator.baseUrl(), 'getConstants', {});
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('switches password login off and on per repository', async () => {
    emulator.controls.setPasswordLoginDisabled('demo', true);
    expect((await ix(emulator.baseUrl(), 'login', loginBody('admin', 'admin'))).json.exception).toMatch(
      /^\[ELOIX:3007\]/,
    );
    emulator.controls.setPasswordLoginDisabled('demo', false);
    expect((await ix(emulator.baseUrl(), 'login', loginBody('admin', 'admin'))).json.result).toBeDefined();
  });

  it('logs calls by repository and function, never with a password', async () => {
    await ix(emulator.baseUrl(), 'login', loginBody('admin', 'geheim-123'));
    await ix(emulator.baseUrl(), 'getConstants', {});
    expect(emulator.controls.calls()).toEqual([
      { repository: 'demo', fn: 'login' },
      { repository: 'demo', fn: 'getConstants' },
    ]);
    expect(JSON.stringify(emulator.controls.calls())).not.toContain('geheim-123');
  });

  it('reset() restores the start state', async () => {
    emulator.controls.setAvailability('down');
    emulator.controls.setLatency(50);
    emulator.controls.setPasswordLoginDisabled('demo', true);
    emulator.controls.reset();
    expect(emulator.controls.calls()).toEqual([]);
    expect((await ix(emulator.baseUrl(), 'login', loginBody('admin', 'admin'))).json.result).toBeDefined();
  });
});

describe('controls over HTTP under /_emulator', () => {
  it('reports and changes the state', async () => {
    expect(await control('/state')).toEqual({
      status: 200,
      json: { availability: 'up', latencyMs: 0, repositories: { demo: { passwordLoginDisabled: false } } },
    });
    expect((await control('/availability', { mode: 'down' })).json).toMatchObject({ availability: 'down' });
    expect(
      (await fetch(`${emulator.baseUrl()}/IXServicePortIF/getConstants`, { method: 'POST', body: '{}' })).status,
    ).toBe(503);
    expect((await control('/latency', { ms: 20 })).json).toMatchObject({ latencyMs: 20 });
    expect((await control('/password-login', { repository: 'demo', disabled: true })).json).toMatchObject({
      repositories: { demo: { passwordLoginDisabled: true } },
    });
    expect((await control('/reset', {})).json).toEqual({
      availability: 'up',
      latencyMs: 0,
      repositories: { demo: { passwordLoginDisabled: false } },
    });
  });

  it('lists the call log', async () => {
    await ix(emulator.baseUrl(), 'getConstants', {});
    expect((await control('/calls')).json).toEqual({ calls: [{ repository: 'demo', fn: 'getConstants' }] });
  });

  it('rejects bad input', async () => {
    expect((await control('/availability', { mode: 'sideways' })).status).toBe(400);
    expect((await control('/latency', { ms: -1 })).status).toBe(400);
    expect((await control('/password-login', { repository: 'nope', disabled: true })).status).toBe(404);
  });
});

describe('HTTP surface', () => {
  it('serves an OpenAPI document of the emulated calls', async () => {
    const response = await fetch(`${emulator.baseUrl()}/openapi.json`);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    // Every answered function, and nothing else.
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/BUtility/upload', ...Object.keys(IX_FUNCTIONS).map((fn) => `/IXServicePortIF/${fn}`)].sort(),
    );
  });

  it('answers 404 for an unknown repository or function, like a server without that path', async () => {
    const post = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await post(`${emulator.baseUrl('other')}/IXServicePortIF/getConstants`)).status).toBe(404);
    expect((await post(`${emulator.baseUrl()}/IXServicePortIF/deleteEverything`)).status).toBe(404);
  });

  it('refuses a fixture that refers to an unknown group', async () => {
    const broken = { ...DEMO_ELO_REPOSITORY, users: [{ id: 1, name: 'x', password: 'x', groups: ['Tippfehler'] }] };
    await expect(startEloEmulator({ repositories: { demo: broken } })).rejects.toThrow(/unknown group "Tippfehler"/);
  });
});
