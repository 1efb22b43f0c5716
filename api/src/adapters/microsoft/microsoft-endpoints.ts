/**
 * Where Microsoft is, resolved at start-up: the real identity platform and Graph, or the local emulator. The
 * adapters receive this; nothing else in the code knows which one it talks to.
 */
export interface MicrosoftEndpoints {
  clientId: string;
  clientSecret: string;
  /** e.g. `https://login.microsoftonline.com/organizations`. */
  authority: string;
  /** e.g. `https://graph.microsoft.com/`. */
  graphBaseUrl: string;
  /** The callback registered at the app: `<PUBLIC_URL>/api/v1/ms365/callback`. */
  redirectUri: string;
  /** Extra certificate authority to trust for the two hosts above (the emulator's); undefined = system CAs. */
  caPem?: string | undefined;
  /** openid-configuration as JSON: lets MSAL skip discovery (needed for the emulator). */
  authorityMetadata?: string | undefined;
  /**
   * Where a browser opens Microsoft's pages when that is not the authority's origin: the in-process emulator
   * serves them over plain http (no certificate warning). Undefined: the authority's origin.
   */
  browserOrigin?: string | undefined;
  /** `host:port` of non-Microsoft authorities (the emulator). */
  knownAuthorities?: string[] | undefined;
  /** Bound for each HTTP call to Microsoft. */
  timeoutMs: number;
}

/** The authority's base (`https://host[:port]`), for building admin-consent links. */
export function authorityOrigin(endpoints: MicrosoftEndpoints): string {
  return new URL(endpoints.authority).origin;
}
