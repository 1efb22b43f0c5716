import { FEATURES, scopesFor } from '@ecm365/shared';
import { createMicrosoftDispatcher, MicrosoftIdentity } from '../../../api/src/adapters/microsoft/index.js';
import type { MicrosoftEndpoints } from '../../../api/src/adapters/microsoft/index.js';
import type { KeyRing } from '../../../api/src/crypto/key-ring.js';
import type { Db } from '../../../api/src/db/database.js';
import { newConnectionRow } from '../../../api/src/modules/ms365/connection/connection-row.js';
import { codeChallengeOf, createCodeVerifier } from '../../../api/src/modules/ms365/attempts/pkce.js';
import { randomToken } from '../../../api/src/support/secrets.js';
import { MicrosoftBrowser } from './http-clients.js';
import { progress } from './report.js';
import { mapConcurrently } from './stats.js';

const MAILBOX = 'rechnungen@contoso.example';
/** A connection row as the app stores it. */
type ConnectionInsert = ReturnType<typeof newConnectionRow>;
const CHUNK = 500;
const NOT_DUE = new Date('2100-01-01T00:00:00Z');

/** What seeding needs of the app under bench (seed-connections-child.ts builds it in a process of its own). */
export interface SeedTarget {
  db: Db;
  eloBaseUrl: string;
  endpoints: MicrosoftEndpoints;
  keys: KeyRing;
  /** Tenant slugs start after this number (a later round adds to the tenants of an earlier one). */
  firstIndex: number;
}

export interface SeedResult {
  tenantIds: string[];
  seconds: number;
  /** Of which: the Microsoft authorize + consent + code redemption round trips. */
  redemptionSeconds: number;
}

/**
 * `count` tenants, each with the invoice import on and a connection whose encrypted MSAL cache comes from a real
 * authorization code flow against the emulator, through the app's own adapter: MicrosoftIdentity builds the
 * authorize URL (PKCE S256, state, nonce), the emulator's consent page is accepted, and MicrosoftIdentity
 * redeems the code. So every connection holds its own, live refresh token (the emulator rotates them strictly).
 * What is skipped is only the app's HTTP connect/callback/redeem steps and their attempt rows (benchmark 2
 * measures those); the row is built by newConnectionRow, as ConnectionService.redeem builds it.
 */
export async function seedConnections(bench: SeedTarget, count: number, concurrency: number): Promise<SeedResult> {
  const { db } = bench;
  const started = performance.now();
  const now = new Date();
  const tenantIds: string[] = [];
  for (let from = 0; from < count; from += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - from) }, (_, i) => ({
      slug: `sweep-${bench.firstIndex + from + i + 1}`,
      name: `Sweep ${bench.firstIndex + from + i + 1}`,
      eloIxUrl: bench.eloBaseUrl,
      graceUntil: null,
    }));
    const inserted = await db.insertInto('tenants').values(rows).returning('id').execute();
    tenantIds.push(...inserted.map((row) => row.id));
    await db
      .insertInto('tenantFeatures')
      .values(
        inserted.map((row) => ({
          tenantId: row.id,
          featureId: 'invoice-mail-import',
          enabled: true,
          mailbox: MAILBOX,
          updatedAt: now,
          updatedBy: 'bench',
        })),
      )
      .execute();
  }

  const scopes = scopesFor(['invoice-mail-import']);
  if (!FEATURES['invoice-mail-import'].scopes.every((scope) => scopes.includes(scope))) throw new Error('scopes');
  const dispatcher = createMicrosoftDispatcher(bench.endpoints);
  const identity = new MicrosoftIdentity(bench.endpoints, dispatcher);
  const browser = new MicrosoftBrowser(bench.endpoints.caPem ?? '');
  const pending: ConnectionInsert[] = [];
  const flush = async () => {
    const rows = pending.splice(0, pending.length);
    if (rows.length > 0) await db.insertInto('ms365Connections').values(rows).execute();
  };
  const redemptionStarted = performance.now();
  try {
    await mapConcurrently(tenantIds, concurrency, async (tenantId, index) => {
      const codeVerifier = createCodeVerifier();
      const nonce = randomToken(16);
      const state = randomToken(24);
      const authorizeUrl = await identity.authorizeUrl({
        scopes,
        state,
        nonce,
        codeChallenge: codeChallengeOf(codeVerifier),
      });
      const redirect = new URL(await browser.consent(authorizeUrl));
      const code = redirect.searchParams.get('code');
      if (!code) throw new Error(`no code from Microsoft: ${redirect.search}`);
      const tokens = await identity.redeemAuthorizationCode({ code, scopes, codeVerifier, nonce, state });
      pending.push({
        ...newConnectionRow(
          {
            tenantId,
            account: tokens.account,
            scopes: tokens.grantedScopes,
            serializedCache: tokens.serializedCache,
            connectedBy: 'admin',
            now,
          },
          bench.keys,
        ),
        // Not due yet: the app's scheduled sweep runs while seeding; the benchmark makes all of them due at once.
        nextCheckAt: NOT_DUE,
      });
      if (pending.length >= CHUNK) await flush();
      if ((index + 1) % 1000 === 0) progress(`seeding: ${index + 1} of ${count} connections redeemed`);
    });
    await flush();
  } finally {
    await browser.close();
    await dispatcher.close();
  }
  const end = performance.now();
  return { tenantIds, seconds: (end - started) / 1000, redemptionSeconds: (end - redemptionStarted) / 1000 };
}
