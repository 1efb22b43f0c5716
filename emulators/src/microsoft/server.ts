import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminConsentRoutes } from './admin-consent-routes.js';
import { registerAuthorizeRoutes } from './authorize-routes.js';
import type { EmulatorContext } from './context.js';
import { registerControlRoutes } from './control-routes.js';
import { createControls } from './controls.js';
import { DEMO_MICROSOFT_ACCOUNTS, DEMO_SHARED_MAILBOXES } from './demo-data.js';
import { demoInbox } from './demo-mail.js';
import { Directory } from './directory.js';
import { registerErrorHandling } from './error-handling.js';
import { registerGraphRoutes } from './graph-routes.js';
import { registerInfoRoutes } from './info-routes.js';
import { createSigningKey } from './jwt.js';
import { registerLoginRoute } from './login-route.js';
import { MailStore } from './mail-store.js';
import { openIdConfiguration, registerMetadataRoutes } from './metadata.js';
import { EmulatorState } from './state.js';
import { generateEmulatorTls, type EmulatorTls } from './tls.js';
import { createTokenControls } from './token-controls.js';
import { registerTokenRoutes } from './token-routes.js';
import { registerTrafficHooks } from './traffic.js';
import type { MicrosoftEmulatorControls, MicrosoftEmulatorOptions, RunningMicrosoftEmulator } from './types.js';

function checkOptions(options: MicrosoftEmulatorOptions): void {
  if (options.clients.length === 0)
    throw new Error('startMicrosoftEmulator: at least one client registration is needed');
  for (const client of options.clients) {
    for (const uri of client.redirectUris) new URL(uri); // throws on a malformed redirect URI, at start not later
  }
}

async function newFastify(tls: EmulatorTls | undefined): Promise<FastifyInstance> {
  const app = Fastify({
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
    logger: false,
    bodyLimit: 64 * 1024,
    // Clients keep connections alive; close() must not wait for them.
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 320 },
  });
  await app.register(formbody);
  return app;
}

/** The pages a browser is sent to: sign-in and consent, admin consent, the form they post, logout, error help. */
function registerBrowserPages(app: FastifyInstance, ctx: EmulatorContext): void {
  registerAuthorizeRoutes(app, ctx);
  registerAdminConsentRoutes(app, ctx);
  registerLoginRoute(app, ctx);
  registerInfoRoutes(app, ctx);
}

/** Everything over TLS: what msal-node and the Graph client call, the controls, and the browser pages too. */
async function buildApp(
  ctx: EmulatorContext,
  controls: MicrosoftEmulatorControls,
  tls: EmulatorTls,
): Promise<FastifyInstance> {
  const app = await newFastify(tls);
  registerErrorHandling(app, ctx);
  registerTrafficHooks(app, ctx);
  registerMetadataRoutes(app, ctx);
  registerBrowserPages(app, ctx);
  registerTokenRoutes(app, ctx);
  registerGraphRoutes(app, ctx);
  registerControlRoutes(app, controls, tls.ca);
  return app;
}

/**
 * The browser pages alone over plain http, advertised as `authorization_endpoint`: a browser reaches the sign-in
 * without a certificate warning, while tokens, keys and Graph stay on TLS (never served here).
 */
async function buildBrowserApp(ctx: EmulatorContext): Promise<FastifyInstance> {
  const app = await newFastify(undefined);
  registerErrorHandling(app, ctx);
  registerBrowserPages(app, ctx);
  return app;
}

const isAddressInUse = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'EADDRINUSE';

/** Listens on `port`, or — when it is taken and the caller allows it — on any free port; answers the port. */
async function listen(
  build: () => Promise<FastifyInstance>,
  host: string,
  port: number,
  whenTaken: 'fail' | 'any',
): Promise<{ app: FastifyInstance; port: number }> {
  let app = await build();
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    if (!isAddressInUse(error) || whenTaken === 'fail' || port === 0) throw error;
    app = await build();
    await app.listen({ host, port: 0 });
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator did not bind a TCP port');
  return { app, port: address.port };
}

/** 0.0.0.0 and :: are where we listen, not where clients connect. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the Microsoft identity platform v2.0 + Graph emulator over HTTPS, with its browser pages also on plain http. */
export async function startMicrosoftEmulator(options: MicrosoftEmulatorOptions): Promise<RunningMicrosoftEmulator> {
  checkOptions(options);
  const [tls, signingKey, unpublishedKey] = await Promise.all([
    options.tls ? Promise.resolve({ ...options.tls, ca: options.tls.ca ?? options.tls.cert }) : generateEmulatorTls(),
    createSigningKey(options.signingKeyPem),
    createSigningKey(options.unpublishedKeyPem),
  ]);
  const directory = new Directory(
    options.accounts ?? DEMO_MICROSOFT_ACCOUNTS,
    options.sharedMailboxes ?? DEMO_SHARED_MAILBOXES,
    options.clients,
  );
  const state = new EmulatorState(directory);
  const mail = new MailStore(directory, options.seedMail ?? demoInbox);
  const ctx: EmulatorContext = {
    origin: '',
    browserOrigin: '',
    directory,
    state,
    signingKey,
    publishedKeys: [signingKey],
    unpublishedKey,
    mail,
  };
  const controls: MicrosoftEmulatorControls = {
    ...createControls(state, directory, mail),
    ...createTokenControls(ctx),
  };
  const host = options.host ?? '127.0.0.1';
  const main = await listen(
    () => buildApp(ctx, controls, tls),
    host,
    options.port ?? 0,
    options.whenPortTaken ?? 'fail',
  );
  const browser = await listen(
    () => buildBrowserApp(ctx),
    host,
    options.browserPort ?? 0,
    options.whenBrowserPortTaken ?? 'fail',
  ).catch(async (error: unknown) => {
    await main.app.close();
    throw error;
  });
  ctx.origin = `https://${urlHost(host)}:${main.port}`;
  ctx.browserOrigin = `http://${urlHost(host)}:${browser.port}`;

  const metadataFor = (tenant: string): Record<string, unknown> => {
    const segment = directory.resolveTenant(tenant);
    if (!segment) throw new Error(`unknown tenant '${tenant}'`);
    return openIdConfiguration(ctx, segment);
  };
  return {
    origin: ctx.origin,
    browserOrigin: ctx.browserOrigin,
    authority: (tenant) => `${ctx.origin}/${tenant ?? 'organizations'}`,
    graphBaseUrl: `${ctx.origin}/`,
    caCertPem: tls.ca,
    authorityMetadata: (tenant) => JSON.stringify(metadataFor(tenant ?? 'organizations')),
    controls,
    close: async () => {
      await Promise.all([main.app.close(), browser.app.close()]);
    },
  };
}
