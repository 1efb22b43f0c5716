import { readFile } from 'node:fs/promises';
import { CALLBACK_PATH } from '@ecm365/shared';
import type { RunningMicrosoftEmulator } from '@ecm365/emulators';
import type { MicrosoftEndpoints } from '../adapters/microsoft/index.js';
import type { Config, Ms365Settings } from '../config/config.js';
import { startDemoMicrosoft } from '../demo/microsoft-emulator.js';

export interface MicrosoftSetup {
  endpoints: MicrosoftEndpoints;
  /** Set when the Microsoft emulator stands in (no MS365_CLIENT_ID configured). */
  emulator: RunningMicrosoftEmulator | undefined;
  /** The default ports the emulator found taken (it listens on others then), for the banner. */
  emulatorPortsTaken?: number[] | undefined;
  /** Demo mode: fills the emulator's invoice mailbox (once; see `startDemoMicrosoft`). */
  seedDemoMail?: (() => Promise<void>) | undefined;
  close(): Promise<void>;
}

/** The redirect URI registered at Microsoft; takes only the public URL, so the bench can call it before its Config. */
export const callbackUrl = (config: Pick<Config, 'publicUrl'>) => `${config.publicUrl}${CALLBACK_PATH}`;

/** The app registration at Microsoft as configured (MS365_CLIENT_ID/SECRET, MS365_AUTHORITY, MS365_GRAPH_URL, …). */
export async function configuredMicrosoftEndpoints(
  settings: Extract<Ms365Settings, { kind: 'microsoft' }>,
  app: { redirectUri: string; timeoutMs: number },
): Promise<MicrosoftEndpoints> {
  const { clientId, clientSecret, authority, graphUrl, caFile } = settings;
  return {
    clientId,
    clientSecret,
    authority,
    graphBaseUrl: graphUrl,
    redirectUri: app.redirectUri,
    caPem: caFile ? await readFile(caFile, 'utf8') : undefined,
    // MSAL validates unknown authority hosts through Microsoft's instance discovery, which rejects anything that is
    // not Entra ID (a standalone emulator); naming the host makes MSAL read its metadata directly.
    knownAuthorities: new URL(authority).host === 'login.microsoftonline.com' ? undefined : [new URL(authority).host],
    timeoutMs: app.timeoutMs,
  };
}

/**
 * The real Microsoft when MS365_CLIENT_ID/SECRET are configured; otherwise (demo and tests) the Microsoft emulator,
 * started by `demo/microsoft-emulator.ts`.
 */
export async function setUpMicrosoft(
  config: Config,
  options: { defaultEmulatorPorts?: { tls: number; browser: number } } = {},
): Promise<MicrosoftSetup> {
  const app = { redirectUri: callbackUrl(config), timeoutMs: config.ms365TimeoutMs };
  if (config.ms365.kind === 'emulator')
    return startDemoMicrosoft(config.ms365, { ...app, dataDir: config.dataDir }, options);
  return {
    endpoints: await configuredMicrosoftEndpoints(config.ms365, app),
    emulator: undefined,
    close: async () => {},
  };
}
