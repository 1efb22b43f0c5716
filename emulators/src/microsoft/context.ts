import type { Directory } from './directory.js';
import type { SigningKey } from './jwt.js';
import type { MailStore } from './mail-store.js';
import type { EmulatorState } from './state.js';

/** What every route module needs. `origin` is filled in once the server listens (the port may be random). */
export interface EmulatorContext {
  origin: string;
  directory: Directory;
  state: EmulatorState;
  signingKey: SigningKey;
  mail: MailStore;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
