/**
 * Shared set-up for the Microsoft emulator tests: the real msal-node and Graph client, configured to trust the
 * emulator's certificate through an undici dispatcher (no NODE_EXTRA_CA_CERTS, TLS verification stays on), and a
 * tiny "browser" that walks the sign-in page over HTTP.
 */
import { randomUUID } from 'node:crypto';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  type AuthenticationResult,
  type ICachePlugin,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import {
  startMicrosoftEmulator,
  submitSignInForm,
  type ConsentAnswer,
  type ConsentChoice,
  type MicrosoftEmulatorOptions,
  type RunningMicrosoftEmulator,
} from '../../src/microsoft/index.js';

export const CLIENT_ID = '2b7f3c1e-5d4a-4e8b-9c6f-1a2b3c4d5e6f';
export const CLIENT_SECRET = 'test-secret-value';
export const REDIRECT_URI = 'https://portal.example/api/v1/ms365/callback';
export const SCOPES = ['User.Read', 'Mail.ReadWrite.Shared'];

export async function startTestEmulator(
  options: Partial<MicrosoftEmulatorOptions> = {},
): Promise<RunningMicrosoftEmulator> {
  return startMicrosoftEmulator({
    clients: [
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], displayName: 'ecm.online' },
    ],
    ...options,
  });
}

export interface EmulatorUnderTest {
  emulator: RunningMicrosoftEmulator;
  /** Trusts the emulator's CA; for msal, the Graph client and raw requests. */
  agent: Agent;
}

/**
 * One emulator for the test file: started before its tests, closed after them, its controls reset before each.
 * The fields are set once the file's `beforeAll` has run.
 */
export function useTestEmulator(options: Partial<MicrosoftEmulatorOptions> = {}): EmulatorUnderTest {
  const underTest = {} as EmulatorUnderTest;
  beforeAll(async () => {
    underTest.emulator = await startTestEmulator(options);
    underTest.agent = trustingAgent(underTest.emulator);
  });
  afterAll(async () => {
    await underTest.agent.close();
    await underTest.emulator.close();
  });
  beforeEach(() => underTest.emulator.controls.reset());
  return underTest;
}

/** An undici Agent that trusts exactly the emulator's CA, for msal, the Graph client and raw requests. */
export function trustingAgent(emulator: RunningMicrosoftEmulator): Agent {
  return new Agent({ connect: { ca: emulator.caCertPem } });
}

/** msal's INetworkModule on undici's fetch with our dispatcher (msal's own client uses global fetch without one). */
export class UndiciNetworkModule implements INetworkModule {
  constructor(private readonly dispatcher: Agent) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(
    url: string,
    method: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    const response = await fetch(url, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? (options?.body ?? '') : undefined,
      dispatcher: this.dispatcher,
      signal: timeout ? AbortSignal.timeout(timeout) : undefined,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    // msal expects JSON from every endpoint it calls; the emulator answers JSON even for errors.
    return { headers, body: (await response.json()) as T, status: response.status };
  }
}

/** The msal set-up the api uses: metadata given up front (no discovery call), our network module. */
export function createMsalClient(
  emulator: RunningMicrosoftEmulator,
  agent: Agent,
  secret = CLIENT_SECRET,
  cachePlugin?: ICachePlugin,
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: CLIENT_ID,
      clientSecret: secret,
      authority: emulator.authority(),
      // host:port; without it msal asks Microsoft's instance discovery, which cannot be reached.
      knownAuthorities: [new URL(emulator.origin).host],
      authorityMetadata: emulator.authorityMetadata(),
    },
    system: { networkClient: new UndiciNetworkModule(agent) },
    cache: cachePlugin ? { cachePlugin } : undefined,
  });
}

export interface AuthorizeStart {
  url: string;
  verifier: string;
  state: string;
  nonce: string;
}

export async function authCodeUrl(msal: ConfidentialClientApplication, loginHint?: string): Promise<AuthorizeStart> {
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomUUID();
  const nonce = randomUUID();
  const url = await msal.getAuthCodeUrl({
    scopes: SCOPES,
    redirectUri: REDIRECT_URI,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    state,
    nonce,
    loginHint,
  });
  return { url, verifier, state, nonce };
}

export interface PageResult {
  status: number;
  html: string;
  /** Set when the emulator redirected: the query parameters it sent to the redirect URI. */
  redirect?: URLSearchParams;
  location?: string;
}

function toPageResult(answer: ConsentAnswer): PageResult {
  const { status, location } = answer;
  // Whitespace squashed, as a browser would see it: tests match on text, not on source formatting.
  const html = answer.html.replace(/\s+/g, ' ');
  return { status, html, location, redirect: location ? new URL(location).searchParams : undefined };
}

/** GETs a page like a browser would, without following redirects. */
export async function getPage(url: string, agent: Agent): Promise<PageResult> {
  const response = await fetch(url, { redirect: 'manual', dispatcher: agent });
  return toPageResult({
    status: response.status,
    location: response.headers.get('location') ?? undefined,
    html: await response.text(),
  });
}

/** Submits the sign-in (or admin-consent) form shown in `html`, like a browser clicking a button. */
export async function submitPage(
  emulator: RunningMicrosoftEmulator,
  html: string,
  agent: Agent,
  choice: ConsentChoice,
): Promise<PageResult> {
  return toPageResult(await submitSignInForm(html, emulator.origin, { ...choice, dispatcher: agent }));
}

/** The whole interactive part: authorize URL → page → choose account → redirect with code (or error). */
export async function signIn(
  emulator: RunningMicrosoftEmulator,
  msal: ConfidentialClientApplication,
  agent: Agent,
  choice: ConsentChoice = { account: 'admin@contoso.example', action: 'accept' },
): Promise<AuthorizeStart & { redirect: URLSearchParams }> {
  const start = await authCodeUrl(msal);
  const page = await getPage(start.url, agent);
  const result = await submitPage(emulator, page.html, agent, choice);
  if (!result.redirect) throw new Error(`expected a redirect, got ${result.status}`);
  return { ...start, redirect: result.redirect };
}

/** Signs in and redeems the code with msal, as the product's connector does. */
export async function connect(
  emulator: RunningMicrosoftEmulator,
  msal: ConfidentialClientApplication,
  agent: Agent,
  account = 'admin@contoso.example',
): Promise<AuthenticationResult> {
  const flow = await signIn(emulator, msal, agent, { account, action: 'accept' });
  const code = flow.redirect.get('code');
  if (!code) throw new Error(`sign-in failed: ${flow.redirect.toString()}`);
  return msal.acquireTokenByCode(
    {
      code,
      scopes: SCOPES,
      redirectUri: REDIRECT_URI,
      codeVerifier: flow.verifier,
      state: flow.state,
      nonce: flow.nonce,
    },
    { code, state: flow.redirect.get('state') ?? undefined },
  );
}

/** The Graph client as the api adapters will build it: global fetch + our dispatcher via fetchOptions. */
export function createGraphClient(
  emulator: RunningMicrosoftEmulator,
  agent: Agent,
  accessToken: () => Promise<string>,
): Client {
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: accessToken },
    baseUrl: emulator.graphBaseUrl,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(emulator.origin).hostname]),
    fetchOptions: { dispatcher: agent },
  });
}

/** The GraphError a Graph client call failed with (the test fails when it did not fail that way). */
export async function graphErrorOf(promise: Promise<unknown>): Promise<GraphError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GraphError);
  return err as GraphError;
}
