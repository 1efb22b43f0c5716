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

async function buildApp(
  ctx: EmulatorContext,
  controls: MicrosoftEmulatorControls,
  tls: EmulatorTls,
): Promise<FastifyInstance> {
  const app = Fastify({
    https: { key: tls.key, cert: tls.cert },
    logger: false,
    bodyLimit: 64 * 1024,
    // Clients keep connections alive; close() must not wait for them.
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 320 },
  });
  await app.register(formbody);
  registerErrorHandling(app, ctx);
  registerTrafficHooks(app, ctx);
  registerMetadataRoutes(app, ctx);
  registerAuthorizeRoutes(app, ctx);
  registerAdminConsentRoutes(app, ctx);
  registerLoginRoute(app, ctx);
  registerTokenRoutes(app, ctx);
  registerGraphRoutes(app, ctx);
  registerInfoRoutes(app, ctx);
  registerControlRoutes(app, controls, tls.ca);
  return app;
}

/** 0.0.0.0 and :: are where we listen, not where clients connect. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the Microsoft identity platform v2.0 + Graph emulator over HTTPS. */
export async function startMicrosoftEmulator(options: MicrosoftEmulatorOptions): Promise<RunningMicrosoftEmulator> {
  checkOptions(options);
  const [tls, signingKey] = await Promise.all([
    options.tls ? Promise.resolve({ ...options.tls, ca: options.tls.ca ?? options.tls.cert }) : generateEmulatorTls(),
    createSigningKey(options.signingKeyPem),
  ]);
  const directory = new Directory(
    options.accounts ?? DEMO_MICROSOFT_ACCOUNTS,
    options.sharedMailboxes ?? DEMO_SHARED_MAILBOXES,
    options.clients,
  );
  const state = new EmulatorState(directory);
  const mail = new MailStore(directory, options.seedMail ?? demoInbox);
  const ctx: EmulatorContext = { origin: '', directory, state, signingKey, mail };
  const controls = createControls(state, directory, mail);
  const app = await buildApp(ctx, controls, tls);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator did not bind a TCP port');
  ctx.origin = `https://${urlHost(host)}:${address.port}`;

  const metadataFor = (tenant: string): Record<string, unknown> => {
    const segment = directory.resolveTenant(tenant);
    if (!segment) throw new Error(`unknown tenant '${tenant}'`);
    return openIdConfiguration(ctx.origin, segment);
  };
  return {
    origin: ctx.origin,
    authority: (tenant) => `${ctx.origin}/${tenant ?? 'organizations'}`,
    graphBaseUrl: `${ctx.origin}/`,
    caCertPem: tls.ca,
    authorityMetadata: (tenant) => JSON.stringify(metadataFor(tenant ?? 'organizations')),
    controls,
    close: () => app.close(),
  };
}
