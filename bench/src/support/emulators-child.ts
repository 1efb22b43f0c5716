import {
  DEMO_ELO_REPOSITORY,
  DEMO_MICROSOFT_ACCOUNTS,
  DEMO_SHARED_MAILBOXES,
  startEloEmulator,
  startMicrosoftEmulator,
} from '@ecm365/emulators';
import type { EmulatorsReady, EmulatorsRequest } from './emulators.js';

/**
 * The ELO and Microsoft emulators in a process of their own, so their work (TLS, signing tokens) does not run on
 * the event loop of the app under measurement. Started by `startEmulators()`; stops on SIGTERM or when the
 * parent goes away.
 */
async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as EmulatorsRequest;
  const elo = await startEloEmulator({ repositories: { demo: DEMO_ELO_REPOSITORY } });
  const extra = request.sharedMailboxes ?? [];
  const microsoft = await startMicrosoftEmulator({
    clients: [{ ...request.client, redirectUris: [request.redirectUri], displayName: 'ecm.online' }],
    // The import benchmark's mailboxes: shared ones the demo admin may open, all starting empty.
    ...(extra.length > 0
      ? {
          sharedMailboxes: [...DEMO_SHARED_MAILBOXES, ...extra],
          accounts: DEMO_MICROSOFT_ACCOUNTS.map((account) =>
            account.upn === 'admin@contoso.example'
              ? { ...account, mailboxAccess: [...account.mailboxAccess, ...extra] }
              : account,
          ),
          seedMail: () => [],
        }
      : {}),
  });
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await Promise.allSettled([elo.close(), microsoft.close()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('disconnect', () => void close());
  const ready: EmulatorsReady = {
    eloBaseUrl: elo.baseUrl('demo'),
    microsoft: {
      origin: microsoft.origin,
      browserOrigin: microsoft.browserOrigin,
      authority: microsoft.authority(),
      graphBaseUrl: microsoft.graphBaseUrl,
      caCertPem: microsoft.caCertPem,
      authorityMetadata: microsoft.authorityMetadata(),
    },
  };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
