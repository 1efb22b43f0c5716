import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { setUpMicrosoft } from '../../src/wiring/microsoft.js';

let occupied: Server;
let port: number;
beforeAll(async () => {
  occupied = createServer();
  port = await new Promise<number>((resolve, reject) => {
    occupied.on('error', reject);
    occupied.listen(0, '127.0.0.1', () => {
      const address = occupied.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('no port'));
    });
  });
});
afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

const configWith = (emulatorPort: number, browserPort = 0) =>
  loadConfig({
    NODE_ENV: 'test',
    DEMO_MODE: 'false',
    MS365_EMULATOR_PORT: String(emulatorPort),
    MS365_EMULATOR_BROWSER_PORT: String(browserPort),
    LOG_LEVEL: 'silent',
  });

describe("the demo's Microsoft emulator port", () => {
  it('moves to a free port when the default one is taken (a second demo), and says which was taken', async () => {
    // The taken port plays the defaults here, so that the test never holds the real 44300/44301 of a demo.
    const setup = await setUpMicrosoft(configWith(port, port), { defaultEmulatorPorts: { tls: port, browser: port } });
    try {
      const used = Number(new URL(setup.emulator?.origin ?? '').port);
      const usedByPages = Number(new URL(setup.emulator?.browserOrigin ?? '').port);
      expect(used).not.toBe(port);
      expect(usedByPages).not.toBe(port);
      expect(used).toBeGreaterThan(0);
      expect(setup.emulatorPortsTaken).toEqual([port, port]);
      expect(setup.endpoints.authority).toBe(`https://127.0.0.1:${used}/organizations`);
      expect(setup.endpoints.browserOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await setup.close();
    }
  });

  it('refuses to start on a port set on purpose that is taken', async () => {
    await expect(setUpMicrosoft(configWith(port))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await expect(setUpMicrosoft(configWith(0, port))).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
