import type { EmulatorAddressValues } from '../../../api/src/demo/microsoft-emulator.js';
import { firstMessage, forkModule, stopChild } from './child-process.js';
import { onInterrupt } from './cleanup.js';

export interface EmulatorsRequest {
  client: { clientId: string; clientSecret: string };
  redirectUri: string;
  /** More shared mailboxes, which the demo admin may open (all mailboxes then start empty). */
  sharedMailboxes?: string[];
}

export interface EmulatorsReady {
  /** The ELO IX base URL of the demo repository (users admin/admin, gast/gast). */
  eloBaseUrl: string;
  microsoft: EmulatorAddressValues;
}

export interface BenchEmulators extends EmulatorsReady {
  /** The emulators' process (its CPU time counts towards what a check costs). */
  pid: number | undefined;
  close(): Promise<void>;
}

/** Starts fresh emulators (empty token state) in a child process. */
export async function startEmulators(request: EmulatorsRequest): Promise<BenchEmulators> {
  const child = forkModule(new URL('./emulators-child.ts', import.meta.url), [JSON.stringify(request)]);
  const close = () => stopChild(child);
  const unregister = onInterrupt(close);
  try {
    const ready = await firstMessage<EmulatorsReady>(child, 'the emulator process');
    return {
      ...ready,
      pid: child.pid,
      async close() {
        unregister();
        await close();
      },
    };
  } catch (error) {
    unregister();
    await close();
    throw error;
  }
}
