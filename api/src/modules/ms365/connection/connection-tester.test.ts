import { FEATURES, type FeatureSettings } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { MicrosoftRequestError, type GraphGateway } from '../../../adapters/microsoft/index.js';
import { ImportProbeError, type ImportProbe } from '../../invoice-import/import-probe.js';
import type { ConnectionRow } from '../ms365.tables.js';
import type { FeatureService } from '../features/feature.service.js';
import { ConnectionTester } from './connection-tester.js';
import type { ConnectionTokens } from './connection-tokens.js';

/**
 * The tester against a Microsoft that answers as told (the adapter's two calls and the import's probe are the
 * boundary here; the emulator cannot refuse a delta while the Inbox opens, as Exchange does for a folder shared
 * alone, notes §1). Which requests go out, and which check a refusal becomes.
 */
const MAILBOX = 'rechnungen@contoso.example';
const connection = {
  tenantId: '7d0f0b5e-8a2c-4a57-9b1e-2f2f0c1d9a11',
  accountUsername: 'admin@contoso.example',
  homeAccountId: 'home',
  connectedAt: new Date('2026-12-01T08:00:00Z'),
  scopes: ['User.Read', ...FEATURES['invoice-mail-import'].scopes],
} as ConnectionRow;
const features: FeatureSettings[] = [
  { id: 'invoice-mail-import', enabled: true, mailbox: MAILBOX, scopes: [...FEATURES['invoice-mail-import'].scopes] },
];

const refused = (httpStatus: number, error = httpStatus === 429 ? 'TooManyRequests' : 'ErrorAccessDenied') =>
  new MicrosoftRequestError({ error, httpStatus, ...(httpStatus === 429 ? { retryAfterSeconds: 0 } : {}) });

type Answer = 'ok' | Error;

function testerAnswering(answers: { inbox?: Answer; delta?: Answer; folders?: Answer }) {
  const calls: string[] = [];
  const graph = {
    me: async () => {
      calls.push('me');
      return { id: 'u1', displayName: 'Anna Admin', userPrincipalName: 'admin@contoso.example' };
    },
    inbox: async () => {
      calls.push('inbox');
      if (answers.inbox instanceof Error) throw answers.inbox;
      return { id: 'inbox', displayName: 'Posteingang', totalItemCount: 0, unreadItemCount: 0 };
    },
  } as unknown as GraphGateway;
  const probe: ImportProbe = async () => {
    calls.push('delta');
    if (answers.delta instanceof Error) throw new ImportProbeError('delta', answers.delta);
    calls.push('folders');
    if (answers.folders instanceof Error) throw new ImportProbeError('folders', answers.folders);
  };
  const tokens = { accessToken: async () => ({ accessToken: 'access-token' }) } as unknown as ConnectionTokens;
  const tester = new ConnectionTester(
    tokens,
    graph,
    { list: async () => features } as unknown as FeatureService,
    { now: () => new Date('2026-12-01T09:00:00Z') },
    () => {},
    probe,
  );
  const run = (fresh: boolean) => tester.run(connection, { forceRefresh: fresh, features, importSettings: null });
  const mailboxCheck = async (fresh = true) => {
    const outcome = await run(fresh);
    return { outcome, check: outcome.result.checks.find((check) => check.id === 'invoice-mail-import.mailbox') };
  };
  return { calls, mailboxCheck };
}

describe('the mailbox check of a connection test', () => {
  it("lets the probe's delta stand for the Inbox when it answers, and opens the Inbox when the probe is reused", async () => {
    const { calls, mailboxCheck } = testerAnswering({});
    const first = await mailboxCheck(false);
    expect(first.check).toMatchObject({ ok: true, code: 'check.mailbox_ok' });
    expect(calls.sort()).toEqual(['delta', 'folders', 'me']);

    calls.length = 0;
    const reused = await mailboxCheck(false);
    expect(reused.check).toMatchObject({ ok: true, code: 'check.mailbox_ok' });
    expect(calls.sort()).toEqual(['inbox', 'me']);
  });

  it('tells a refused delta on an Inbox that opens (a folder shared alone) by asking for the Inbox', async () => {
    const { calls, mailboxCheck } = testerAnswering({ delta: refused(404, 'ErrorItemNotFound') });
    const { outcome, check } = await mailboxCheck();
    expect(check).toMatchObject({ ok: false, code: 'check.import_delta_denied', hintCode: 'hint.mailbox_access' });
    expect(outcome.status).toBe('error');
    expect(calls.filter((call) => call !== 'me')).toEqual(['delta', 'inbox']);
  });

  it('reports a mailbox that does not open as such, although the delta was asked first', async () => {
    const { mailboxCheck } = testerAnswering({ delta: refused(403), inbox: refused(403) });
    const { check } = await mailboxCheck();
    expect(check).toMatchObject({ ok: false, code: 'check.mailbox_denied', hintCode: 'hint.mailbox_access' });
    expect(check?.params).toMatchObject({ upn: 'admin@contoso.example', mailbox: MAILBOX });
  });

  it('does not ask for the Inbox after a temporary failure: the check is temporary, to be tried again', async () => {
    const { calls, mailboxCheck } = testerAnswering({ delta: refused(429) });
    const { outcome, check } = await mailboxCheck();
    expect(check).toMatchObject({ ok: false, hintCode: 'hint.temporary' });
    expect(outcome.temporary).toBeDefined();
    expect(calls).not.toContain('inbox');
  });

  it('reports refused folders as the import folders, without asking for the Inbox (the delta opened it)', async () => {
    const { calls, mailboxCheck } = testerAnswering({ folders: refused(403) });
    const { check } = await mailboxCheck();
    expect(check).toMatchObject({ ok: false, code: 'check.import_folders_denied' });
    expect(calls).not.toContain('inbox');
  });
});
