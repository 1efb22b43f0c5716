import { FEATURES, scopesFor } from '@ecm365/shared';
import { request, type Dispatcher } from 'undici';
import {
  authorityOrigin,
  createMicrosoftDispatcher,
  MicrosoftIdentity,
  type MicrosoftEndpoints,
  type RedeemedTokens,
} from '../../../api/src/adapters/microsoft/index.js';
import type { KeyRing } from '../../../api/src/crypto/key-ring.js';
import type { Db } from '../../../api/src/db/database.js';
import { newConnectionRow } from '../../../api/src/modules/ms365/connection/connection-row.js';
import { codeChallengeOf, createCodeVerifier } from '../../../api/src/modules/ms365/attempts/pkce.js';
import { randomToken } from '../../../api/src/support/secrets.js';
import { MicrosoftBrowser } from './http-clients.js';
import { progress } from './report.js';
import { mapConcurrently } from './stats.js';

const MAILBOX = 'rechnungen@contoso.example';
const CHUNK = 500;
/** Connections set up by a whole sign-in; the others are copies of these with refresh tokens of their own. */
const REDEEMED = 4;
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
 * `count` tenants, each with the invoice import on and a connection with an encrypted MSAL cache of its own. The
 * first few caches come from real authorization code flows against the emulator, through the app's own adapter:
 * MicrosoftIdentity builds the authorize URL (PKCE S256, state, nonce), the emulator's consent page is accepted,
 * and MicrosoftIdentity redeems the code. Every other connection holds a copy of one of those caches with a
 * refresh token of its own that the emulator issued for the same account and consent (`/_emulator/refresh-tokens`,
 * as more sign-ins would give), so each connection's refresh is checked and rotated strictly on its own, as
 * Microsoft would. Ten thousand whole sign-ins took minutes and measured the emulator's consent pages, not the
 * monitor. What is skipped is the app's HTTP connect/callback/redeem steps and their attempt rows (benchmark 2
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
  const redemptionStarted = performance.now();
  try {
    // A few real sign-ins; every other connection gets a copy of one of their caches with a refresh token of
    // its own, issued by the emulator for the same account and consent (as that many more sign-ins would).
    const redeemed = await mapConcurrently(
      Array.from({ length: Math.min(REDEEMED, tenantIds.length) }, (_, i) => i),
      concurrency,
      () => redeemOnce(identity, browser, scopes),
    );
    const redemptionSeconds = (performance.now() - redemptionStarted) / 1000;
    for (let from = 0; from < tenantIds.length; from += CHUNK) {
      const chunk = tenantIds.slice(from, from + CHUNK);
      const clones = await clonedCaches(bench.endpoints, dispatcher, redeemed, from, chunk.length);
      const rows = chunk.map((tenantId, i) => {
        const clone = clones[i] as { tokens: RedeemedTokens; serializedCache: string };
        return {
          ...newConnectionRow(
            {
              tenantId,
              account: clone.tokens.account,
              scopes: clone.tokens.grantedScopes,
              serializedCache: clone.serializedCache,
              connectedBy: 'admin',
              now,
            },
            bench.keys,
          ),
          // Not due yet: the app's scheduled sweep runs while seeding; the benchmark makes all of them due at once.
          nextCheckAt: NOT_DUE,
        };
      });
      await db.insertInto('ms365Connections').values(rows).execute();
      // Each mailbox's import as if it had just run: with all of them due, the import's minute sweep queued up to
      // 1,000 rounds a minute beside the checks, and their queries and CPU were counted per check (the more, the
      // longer a round took: 1,000 and 10,000 were not comparable). The import has its own benchmark.
      await db
        .insertInto('invoiceImportMailboxes')
        .values(chunk.map((tenantId) => ({ tenantId, mailbox: MAILBOX, nextRunAt: NOT_DUE, updatedAt: now })))
        .execute();
      if (from + CHUNK < tenantIds.length && (from + CHUNK) % 5000 === 0)
        progress(`seeding: ${from + CHUNK} of ${count} connections stored`);
    }
    const end = performance.now();
    return { tenantIds, seconds: (end - started) / 1000, redemptionSeconds };
  } finally {
    await browser.close();
    await dispatcher.close();
  }
}

/** One whole authorization code flow against the emulator, through the app's adapter. */
async function redeemOnce(identity: MicrosoftIdentity, browser: MicrosoftBrowser, scopes: string[]) {
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
  return identity.redeemAuthorizationCode({ code, scopes, codeVerifier, nonce, state });
}

interface MsalCacheJson {
  RefreshToken: Record<string, { secret: string }>;
  AccessToken: Record<string, unknown>;
}

/**
 * `count` copies of the redeemed caches (round robin from `offset`), each with a new refresh token that the
 * emulator issued for that cache's account and consent, and without the shared access token (so each
 * connection's first check must refresh with its own token, as the monitor forces anyway).
 */
async function clonedCaches(
  endpoints: MicrosoftEndpoints,
  dispatcher: Dispatcher,
  redeemed: RedeemedTokens[],
  offset: number,
  count: number,
) {
  const templates = redeemed.map((tokens) => ({ tokens, cache: JSON.parse(tokens.serializedCache) as MsalCacheJson }));
  const perTemplate = templates.map(
    (_, t) => Array.from({ length: count }, (_, i) => i).filter((i) => (offset + i) % templates.length === t).length,
  );
  const minted = await Promise.all(
    templates.map(async (template, t) => {
      if ((perTemplate[t] ?? 0) === 0) return [];
      const like = Object.values(template.cache.RefreshToken)[0]?.secret;
      if (!like) throw new Error('the redeemed cache holds no refresh token');
      const response = await request(`${authorityOrigin(endpoints)}/_emulator/refresh-tokens`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ like, count: perTemplate[t] }),
      });
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`issuing refresh tokens: ${response.statusCode} ${text}`);
      return (JSON.parse(text) as { refreshTokens: string[] }).refreshTokens;
    }),
  );
  return Array.from({ length: count }, (_, i) => {
    const t = (offset + i) % templates.length;
    const template = templates[t] as (typeof templates)[number];
    const refreshToken = minted[t]?.shift();
    if (!refreshToken) throw new Error('the emulator issued fewer refresh tokens than asked for');
    const cache: MsalCacheJson = {
      ...template.cache,
      AccessToken: {},
      RefreshToken: Object.fromEntries(
        Object.entries(template.cache.RefreshToken).map(([key, entry]) => [key, { ...entry, secret: refreshToken }]),
      ),
    };
    return { tokens: template.tokens, serializedCache: JSON.stringify(cache) };
  });
}
