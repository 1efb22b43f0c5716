import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { setUpMicrosoft } from '../../src/demo/microsoft-setup.js';

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

const configWith = (emulatorPort: number) =>
  loadConfig({ NODE_ENV: 'test', DEMO_MODE: 'false', MS365_EMULATOR_PORT: String(emulatorPort), LOG_LEVEL: 'silent' });

describe("the demo's Microsoft emulator port", () => {
  it('moves to a free port when the default one is taken (a second demo), and says which was taken', async () => {
    // The taken port plays the default here, so that the test never holds the real 44300 of a demo.
    const setup = await setUpMicrosoft(configWith(port), { defaultEmulatorPort: port });
    try {
      const used = Number(new URL(setup.emulator?.origin ?? '').port);
      expect(used).not.toBe(port);
      expect(used).toBeGreaterThan(0);
      expect(setup.emulatorPortTaken).toBe(port);
      expect(setup.endpoints.authority).toBe(`https://127.0.0.1:${used}/organizations`);
      expect(setup.endpoints.browserOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await setup.close();
    }
  });

  it('refuses to start on a port set on purpose that is taken', async () => {
    await expect(setUpMicrosoft(configWith(port))).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
