import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { DEMO_INVOICE_MAILBOX } from '../../src/demo/microsoft-emulator.js';
import { setUpMicrosoft, type MicrosoftSetup } from '../../src/wiring/microsoft.js';

let setup: MicrosoftSetup;
beforeAll(async () => {
  // Any free ports: the defaults (44300/44301) may be a running demo's or another test file's.
  const ports = { MS365_EMULATOR_PORT: '0', MS365_EMULATOR_BROWSER_PORT: '0' };
  setup = await setUpMicrosoft(loadConfig({ NODE_ENV: 'test', DEMO_MODE: 'false', LOG_LEVEL: 'silent', ...ports }));
});
afterAll(() => setup?.close());

const subjects = () =>
  setup.emulator!.controls.listMailbox(DEMO_INVOICE_MAILBOX).messages.map((message) => message.subject);

// main.ts generates the sample invoices after it listens (issue 13: their PDFs no longer delay /readyz).
describe("the demo's invoice mailbox", () => {
  it('is empty until seedDemoMail delivers the sample invoices, once, which reset brings back', async () => {
    expect(subjects()).toEqual([]);
    await Promise.all([setup.seedDemoMail!(), setup.seedDemoMail!()]);
    const seeded = subjects();
    expect(seeded).toHaveLength(7);
    expect(seeded.some((subject) => subject.includes('ZUGFeRD'))).toBe(true);
    await setup.seedDemoMail!();
    expect(subjects()).toEqual(seeded);
    setup.emulator!.controls.reset();
    expect(subjects()).toEqual(seeded);
  });
});
