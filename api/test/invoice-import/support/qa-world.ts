import {
  DEMO_ELO_SERVICE_ACCOUNT,
  invoicePdf,
  sampleInvoice,
  startMicrosoftEmulator,
  type FiledDocument,
  type MailboxSnapshot,
  type NewMail,
  type RunningEloEmulator,
  type RunningMicrosoftEmulator,
} from '@ecm365/emulators';
import type {
  ImportMessage,
  ImportMessagesResponse,
  InvoiceMailImportRequest,
  InvoiceMailImportResponse,
} from '@ecm365/shared';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { callbackUrl } from '../../../src/wiring/microsoft.js';
import { startBackgroundJobs, type BackgroundJobs } from '../../../src/jobs/background-jobs.js';
import { asUser, obtainCode } from '../../support/connect-flow.js';
import { PUBLIC_URL, signIn, startTestApp, TEST_CLIENT, type SignedIn, type TestApp } from '../../support/test-app.js';
import type { TestDatabase } from '../../support/test-database.js';

export const INVOICE_MAILBOX = 'rechnungen@contoso.example';
export const FEATURE_URL = '/api/v1/ms365/features/invoice-mail-import';
/** Rounds run when the tests ask (POST …/run), never on their own while a test looks. */
const QUIET_ENV = { IMPORT_INTERVAL_MINUTES: '600', HEALTH_MONITOR_ENABLED: 'false' };

export interface ImportWorld {
  t: TestApp;
  admin: SignedIn;
  user: ReturnType<typeof asUser>;
  jobs: BackgroundJobs | undefined;
  /** Starts pg-boss with the app's background jobs (the import's worker among them), unless running. */
  startJobs(): Promise<BackgroundJobs>;
  stopJobs(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The portal user's requests, signed in again when the session ended: the tests move the app's clock by hours (to
 * let retries come due), past the session's idle and absolute limits and its ELO group re-checks.
 */
export function signedInUser(t: TestApp, first: SignedIn): ReturnType<typeof asUser> {
  let who = first;
  const again = async (send: (user: ReturnType<typeof asUser>) => Promise<LightMyRequestResponse>) => {
    const response = await send(asUser(t, who));
    // 401: the session ended; 403 access_denied: its ELO group re-check ran on an ELO ticket the moved clock expired.
    if (response.statusCode !== 401 && !(response.statusCode === 403 && response.body.includes('access_denied'))) {
      return response;
    }
    who = await signIn(t.app, 'admin', 'admin', first.host.split('.')[0]);
    return send(asUser(t, who));
  };
  return {
    get: (url) => again((user) => user.get(url)),
    post: (url, payload) => again((user) => user.post(url, payload)),
    put: (url, payload) => again((user) => user.put(url, payload)),
    delete: (url) => again((user) => user.delete(url)),
  };
}

/** A Microsoft emulator whose mailboxes start empty (no demo notices), for the app's test client. */
export function startEmptyMicrosoft(): Promise<RunningMicrosoftEmulator> {
  return startMicrosoftEmulator({
    clients: [{ ...TEST_CLIENT, redirectUris: [callbackUrl({ publicUrl: PUBLIC_URL })], displayName: 'ecm.online' }],
    seedMail: () => [],
  });
}

/**
 * The real app (tenants acme and other) against the emulators over HTTP, signed in as the acme admin. With
 * `shared`, a second instance on the same database, Microsoft and ELO (as behind a load balancer).
 */
export async function startImportWorld(
  options: {
    env?: Record<string, string>;
    shared?: { database: TestDatabase; microsoft: RunningMicrosoftEmulator; elo: RunningEloEmulator };
    jobs?: boolean;
  } = {},
): Promise<ImportWorld> {
  const ownMicrosoft = options.shared ? undefined : await startEmptyMicrosoft();
  const t = await startTestApp({
    env: { ...QUIET_ENV, ...options.env },
    microsoft: options.shared?.microsoft ?? ownMicrosoft,
    ...(options.shared
      ? { database: { ...options.shared.database, drop: async () => {} }, elo: options.shared.elo }
      : {}),
  });
  const admin = await signIn(t.app, 'admin', 'admin');
  const world: ImportWorld = {
    t,
    admin,
    user: signedInUser(t, admin),
    jobs: undefined,
    async startJobs() {
      world.jobs ??= await startBackgroundJobs(t.database.pool, t.services);
      return world.jobs;
    },
    async stopJobs() {
      const jobs = world.jobs;
      world.jobs = undefined;
      await jobs?.stop();
    },
    async close() {
      await world.stopJobs();
      await t.close();
      await ownMicrosoft?.close();
    },
  };
  if (options.jobs !== false) await world.startJobs();
  return world;
}

/** Ops set the tenant's ELO service account (what `pnpm ecm365 tenant update --elo-service-user` does). */
export async function setServiceAccount(world: ImportWorld, slug = 'acme'): Promise<void> {
  await world.t.services.eloServiceAccounts.set(
    slug,
    DEMO_ELO_SERVICE_ACCOUNT.userName,
    DEMO_ELO_SERVICE_ACCOUNT.password,
  );
}

/** Enables the import (settings of SPEC §9) and connects Microsoft 365 with a user who may open the mailbox. */
export async function setUpImport(
  world: ImportWorld,
  settings: Partial<InvoiceMailImportRequest> = {},
  account = 'admin@contoso.example',
): Promise<InvoiceMailImportResponse> {
  await setServiceAccount(world);
  const put = await world.user.put(FEATURE_URL, { enabled: true, mailbox: INVOICE_MAILBOX, ...settings });
  expect(put.statusCode, put.body).toBe(200);
  await connect(world, account);
  return importState(world);
}

export async function connect(world: ImportWorld, account = 'admin@contoso.example'): Promise<void> {
  const redeemed = await world.user.post('/api/v1/ms365/connection', {
    code: await obtainCode(world.t, world.admin, account),
  });
  expect(redeemed.statusCode, redeemed.body).toBe(200);
}

export async function importState(world: ImportWorld): Promise<InvoiceMailImportResponse> {
  const response = await world.user.get(FEATURE_URL);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<InvoiceMailImportResponse>();
}

/** Every mail of the activity list, all pages (newest first). */
export async function activity(world: ImportWorld, state?: ImportMessage['state']): Promise<ImportMessage[]> {
  const items: ImportMessage[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) });
    const response = await world.user.get(`${FEATURE_URL}/messages?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<ImportMessagesResponse>();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value).slice(0, 2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The mailbox's round lease as the ledger has it (held while a round runs, on any instance). */
async function roundInProgress(world: ImportWorld, address: string): Promise<boolean> {
  const row = await world.t.database.db
    .selectFrom('invoiceImportMailboxes')
    .select(['leaseOwner', 'leaseUntil'])
    .where('mailbox', '=', address)
    .executeTakeFirst();
  return Boolean(row?.leaseOwner && row.leaseUntil && row.leaseUntil > world.t.clock.now());
}

/**
 * „Jetzt prüfen“: POST …/run (202), then the state once a round that started after everything the test did so far
 * has ended. A round already under way (e.g. the one a settings change queued) may have read the Inbox before the
 * test's last delivery, so it is waited out first; then a round ending at or after the request is one that started
 * after the delivery.
 */
export async function runRound(world: ImportWorld, timeoutMs = 30_000): Promise<InvoiceMailImportResponse> {
  const address = (await importState(world)).mailbox ?? INVOICE_MAILBOX;
  await until(
    () => roundInProgress(world, address),
    (busy) => !busy,
    timeoutMs,
    'the running round to end',
  );
  const requestedAt = world.t.clock.now().getTime();
  const run = await world.user.post(`${FEATURE_URL}/run`);
  expect(run.statusCode, run.body).toBe(202);
  return until(
    () => importState(world),
    (state) => state.lastRunAt !== undefined && Date.parse(state.lastRunAt) >= requestedAt,
    timeoutMs,
    'a round to end',
  );
}

/** Rounds until no mail is pending (transient failures retried), bounded. */
export async function runUntilSettled(
  world: ImportWorld,
  rounds = 8,
  timeoutMs = 30_000,
): Promise<InvoiceMailImportResponse> {
  let state = await runRound(world, timeoutMs);
  for (let round = 1; round < rounds && state.backlog > 0; round++) {
    // Retries wait for their next attempt: let the app's clock pass it.
    world.t.clock.advance(10 * 60_000);
    state = await runRound(world, timeoutMs);
  }
  return state;
}

export const filed = (world: ImportWorld, repository = 'acme'): FiledDocument[] =>
  world.t.elo.controls.filed(repository);

export const mailbox = (world: ImportWorld, address = INVOICE_MAILBOX): MailboxSnapshot =>
  world.t.microsoft.controls.listMailbox(address);

/** Folder name → subjects in it. */
export function subjectsByFolder(world: ImportWorld, address = INVOICE_MAILBOX): Record<string, string[]> {
  const byFolder: Record<string, string[]> = {};
  for (const message of mailbox(world, address).messages) {
    (byFolder[message.folderName] ??= []).push(message.subject);
  }
  return byFolder;
}

/** Documents filed per import key: every value must be exactly 1. */
export function documentsPerKey(world: ImportWorld, repository = 'acme'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const document of filed(world, repository)) {
    const key = document.indexFields.ECM365_IMPORT_KEY ?? '(none)';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function expectEachKeyOnce(world: ImportWorld, expectedDocuments: number, repository = 'acme'): void {
  const counts = documentsPerKey(world, repository);
  expect(
    Object.values(counts).filter((count) => count !== 1),
    JSON.stringify(counts),
  ).toEqual([]);
  expect(Object.keys(counts)).not.toContain('(none)');
  expect(Object.keys(counts)).toHaveLength(expectedDocuments);
}

let sequence = 0;
/** A mail with one small invoice PDF, received now (by the app's clock, so after the cut-off). */
export async function pdfMail(world: ImportWorld, subject?: string, extra: Partial<NewMail> = {}): Promise<NewMail> {
  sequence += 1;
  const number = `RE-T-${Date.now().toString(36)}-${sequence}`;
  const pdf = await invoicePdf(sampleInvoice({ number }));
  return {
    from: { name: 'Bürobedarf Müller GmbH', address: 'rechnung@mueller-buero.example' },
    subject: subject ?? `Rechnung ${number}`,
    receivedAt: world.t.clock.now().toISOString(),
    attachments: [{ kind: 'file', name: `${number}.pdf`, contentType: 'application/pdf', content: pdf }],
    ...extra,
  };
}

export function deliver(world: ImportWorld, mail: NewMail, address = INVOICE_MAILBOX) {
  return world.t.microsoft.controls.deliverMail(address, mail);
}

/** Graph requests the emulator answered (throttled attempts included), by path. */
export const graphRequests = (world: ImportWorld): Record<string, number> =>
  world.t.microsoft.controls.stats().graphRequests;
