import { randomBytes } from 'node:crypto';
import {
  demoInbox,
  demoInvoiceMails,
  startMicrosoftEmulator,
  type MailSeed,
  type RunningMicrosoftEmulator,
} from '@ecm365/emulators';
import type { MicrosoftEndpoints } from '../adapters/microsoft/index.js';
import type { Ms365Settings } from '../config/config.js';
import type { MicrosoftSetup } from '../wiring/microsoft.js';

export const EMULATOR_CLIENT_ID = '6f1c3c2e-2f9a-4d7e-9b0a-0ec365de7001';
/** MS365_EMULATOR_PORT's and MS365_EMULATOR_BROWSER_PORT's defaults. Taken (a second demo), others are used. */
export const DEFAULT_EMULATOR_PORTS = { tls: 44300, browser: 44301 } as const;

/**
 * The emulator as the endpoints need it: running in this process, or its values as sent by another process (the
 * bench runs the emulators in a child process, where `authority()` and `authorityMetadata()` were already called).
 */
export type MicrosoftEmulatorAddress = RunningMicrosoftEmulator | EmulatorAddressValues;

/** A running emulator's address as plain values, as a child process sends it. */
export interface EmulatorAddressValues {
  origin: string;
  browserOrigin: string;
  authority: string;
  graphBaseUrl: string;
  caCertPem: string;
  authorityMetadata: string;
}

/** The endpoints of the app registration `client` at the emulator, whose redirect URI is `redirectUri`. */
export function emulatorEndpoints(
  emulator: MicrosoftEmulatorAddress,
  client: { clientId: string; clientSecret: string },
  redirectUri: string,
  timeoutMs: number,
): MicrosoftEndpoints {
  // Only the running emulator can be closed; the values sent by another process are plain strings.
  const running = 'close' in emulator;
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    // `…/organizations`, the same default authority as with the real Microsoft (MS365_AUTHORITY unset).
    authority: running ? emulator.authority() : emulator.authority,
    graphBaseUrl: emulator.graphBaseUrl,
    redirectUri,
    caPem: emulator.caCertPem,
    // MSAL cannot ask Microsoft's instance discovery about the emulator: its metadata is given, its host named.
    authorityMetadata: running ? emulator.authorityMetadata() : emulator.authorityMetadata,
    // Its sign-in and consent pages are on plain http (no certificate warning); the admin-consent link goes there.
    browserOrigin: emulator.browserOrigin,
    knownAuthorities: [new URL(emulator.origin).host],
    timeoutMs,
  };
}

/** The demo's invoice mailbox, which the seeded invoices arrive in. */
export const DEMO_INVOICE_MAILBOX = 'rechnungen@contoso.example';

/**
 * The demo mailboxes' Inbox: rechnungen@… holds the sample invoices of every kind the import handles (generated
 * now, received within the last hour; nothing binary in the repository), the others the emulator's default mail.
 */
async function demoInvoiceSeed(now: Date): Promise<MailSeed> {
  const invoices = await demoInvoiceMails(DEMO_INVOICE_MAILBOX, now);
  return (mailbox) => (mailbox.address.toLowerCase() === DEMO_INVOICE_MAILBOX ? invoices : demoInbox(mailbox));
}

/**
 * Demo mode's Microsoft: the emulator on its fixed port (any free one when the default is taken, e.g. by a second
 * demo), with an app registration ("ecm.online") created for this run whose redirect URI is our callback. The
 * emulator's sign-in pages are on a second, plain-http port, so that the browser shows no certificate warning; the
 * app talks to its token endpoint over TLS.
 */
export async function startDemoMicrosoft(
  settings: Extract<Ms365Settings, { kind: 'emulator' }>,
  app: { redirectUri: string; timeoutMs: number },
  options: { defaultEmulatorPorts?: { tls: number; browser: number } } = {},
): Promise<MicrosoftSetup> {
  const clientSecret = randomBytes(24).toString('base64url');
  const { redirectUri, timeoutMs } = app;
  const { emulatorPort: port, emulatorBrowserPort: browserPort } = settings;
  const defaults = options.defaultEmulatorPorts ?? DEFAULT_EMULATOR_PORTS;
  // A port set on purpose must be the one used; a default may as well be another one (the banner says which).
  const emulator = await startMicrosoftEmulator({
    host: settings.emulatorHost,
    port,
    whenPortTaken: port === defaults.tls ? 'any' : 'fail',
    browserPort,
    whenBrowserPortTaken: browserPort === defaults.browser ? 'any' : 'fail',
    clients: [{ clientId: EMULATOR_CLIENT_ID, clientSecret, redirectUris: [redirectUri], displayName: 'ecm.online' }],
    seedMail: await demoInvoiceSeed(new Date()),
  });
  return {
    endpoints: emulatorEndpoints(emulator, { clientId: EMULATOR_CLIENT_ID, clientSecret }, redirectUri, timeoutMs),
    emulator,
    emulatorPortsTaken: [
      [port, emulator.origin],
      [browserPort, emulator.browserOrigin],
    ].flatMap(([wanted, origin]) =>
      wanted !== 0 && new URL(String(origin)).port !== String(wanted) ? [Number(wanted)] : [],
    ),
    close: () => emulator.close(),
  };
}
