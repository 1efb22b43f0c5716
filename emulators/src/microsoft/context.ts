import type { Directory } from './directory.js';
import type { SigningKey } from './jwt.js';
import type { MailStore } from './mail-store.js';
import type { EmulatorState } from './state.js';

/** What every route module needs. The origins are filled in once the servers listen (the ports may be random). */
export interface EmulatorContext {
  /** `https://…`: token endpoint, keys, Graph. */
  origin: string;
  /** `http://…`: the pages a browser is sent to (sign-in, consent, admin consent, logout). */
  browserOrigin: string;
  directory: Directory;
  state: EmulatorState;
  /** Signs new tokens. */
  signingKey: SigningKey;
  mail: MailStore;
  /** Published in the JWKS and accepted by Graph: the current key first, then earlier ones (after a rotation). */
  publishedKeys: SigningKey[];
  /** A key no JWKS publishes, for id_tokens a test wants signed by an unknown key. */
  unpublishedKey: SigningKey;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
