import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  answerConsentPage,
  startMicrosoftEmulator,
  type MailSeed,
  type RunningMicrosoftEmulator,
} from '@ecm365/emulators';
import type { Agent } from 'undici';
import {
  createMicrosoftDispatcher,
  GraphMailGateway,
  MicrosoftIdentity,
  type GraphMailGatewayOptions,
  type MicrosoftEndpoints,
} from '../../src/adapters/microsoft/index.js';
import { CapturedTokenCache } from '../../src/adapters/microsoft/persistent-token-cache.js';
import { emulatorEndpoints } from '../../src/demo/microsoft-emulator.js';
import { TEST_CLIENT } from './test-app.js';

export const INVOICE_MAILBOX = 'rechnungen@contoso.example';
const REDIRECT_URI = 'http://ecm365.test/api/v1/ms365/callback';
const SCOPES = ['User.Read', 'Mail.ReadWrite.Shared', 'offline_access', 'openid', 'profile'];

export interface MailWorld {
  emulator: RunningMicrosoftEmulator;
  endpoints: MicrosoftEndpoints;
  dispatcher: Agent;
  /** Anna Admin's access token (may open rechnungen@…), obtained through the product's identity adapter. */
  accessToken: string;
  gateway(options?: GraphMailGatewayOptions): GraphMailGateway;
  close(): Promise<void>;
}

/** The Microsoft emulator over HTTPS, an access token got the way the product gets it, and gateways on it. */
export async function startMailWorld(seedMail: MailSeed = () => []): Promise<MailWorld> {
  const emulator = await startMicrosoftEmulator({
    clients: [{ ...TEST_CLIENT, redirectUris: [REDIRECT_URI], displayName: 'ecm.online' }],
    seedMail,
  });
  const endpoints = emulatorEndpoints(emulator, TEST_CLIENT, REDIRECT_URI, 5000);
  const dispatcher = createMicrosoftDispatcher(endpoints);
  const identity = new MicrosoftIdentity(endpoints, dispatcher);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomUUID();
  const nonce = randomUUID();
  const authorizeUrl = await identity.authorizeUrl({
    scopes: SCOPES,
    state,
    nonce,
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  const answer = await answerConsentPage(authorizeUrl, {
    account: 'admin@contoso.example',
    action: 'accept',
    dispatcher,
  });
  const code = new URL(answer.location ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`consent did not give a code: ${answer.location ?? answer.status}`);
  const redeemed = await identity.redeemAuthorizationCode({
    code,
    scopes: SCOPES,
    codeVerifier: verifier,
    nonce,
    state,
  });
  const cache = new CapturedTokenCache();
  await cache.save(redeemed.serializedCache);
  const { accessToken } = await identity.acquireAccessToken({
    cache,
    homeAccountId: redeemed.account.homeAccountId,
    scopes: ['User.Read', 'Mail.ReadWrite.Shared'],
  });
  return {
    emulator,
    endpoints,
    dispatcher,
    accessToken,
    gateway: (options) => new GraphMailGateway(endpoints, dispatcher, undefined, options),
    async close() {
      await dispatcher.close();
      await emulator.close();
    },
  };
}
